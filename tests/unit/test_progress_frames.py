"""The Progress page's chart frames: built column by column, they equal the frames pandas builds from the rows."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from services.progress_frames import frame
from services.threshold_picture import COLUMNS
from services.threshold_picture import _frame as picture_frame

D1, D2 = date(2026, 3, 2), date(2026, 3, 9)
CASES: dict[str, tuple[list[tuple[object, ...]], tuple[str, ...]]] = {
    "decimals and counts": ([(D1, 4.25, 3), (D2, 3.5, 1)], ("period", "pain", "days")),
    "labels": ([(D1, "Treadmill walk", 30.0, 60.0), (D2, "Pool walk", 22.5, 45.0)], ("period", "modality", "a", "b")),
    "gaps in numbers": ([(D1, None, 2), (D2, 2.5, None)], ("period", "level", "sessions")),
    "a column of gaps": ([(D1, None), (D2, None)], ("period", "nothing")),
    "gaps in labels": ([(D1, "x"), (D2, None)], ("period", "label")),
    "one row": ([(D1, 1)], ("period", "n")),
    "no rows": ([], ("period", "pain", "days")),
}


def _built_from_rows(rows: list[tuple[object, ...]], columns: tuple[str, ...]) -> pd.DataFrame:
    found = pd.DataFrame(rows, columns=list(columns))
    found[columns[0]] = pd.to_datetime(found[columns[0]])
    return found


@pytest.mark.parametrize("case", CASES)
def test_a_frame_equals_the_one_pandas_builds_from_its_rows(case: str) -> None:
    rows, columns = CASES[case]
    pd.testing.assert_frame_equal(frame(iter(rows), columns), _built_from_rows(rows, columns))


def _threshold_built_from_rows(rows: list[tuple[object, ...]]) -> pd.DataFrame:
    found = pd.DataFrame(sorted(rows, key=lambda r: (r[0], r[1], r[2])), columns=list(COLUMNS))  # type: ignore[arg-type]
    found["period"] = pd.to_datetime(found["period"])
    found["level"] = found["level"].astype("float64").round(1)
    found["value"] = found["value"].astype("float64").round(1)
    return found


def test_the_threshold_frame_is_sorted_rounded_and_equals_the_one_pandas_builds() -> None:
    rows: list[tuple[object, ...]] = [
        (D2, "Leg press", "tolerated", 62.46, 62.46, "62.5 kg × 10", 2, "kg"),
        (D1, "Leg press", "over the pain limit", None, 70.04, "70 kg × 8", 1, "kg"),
        (D1, "Treadmill walk", "tolerated", 30.0, 30.0, "30 min", 3, "min"),
    ]
    for some in (rows, rows[1:2], []):
        pd.testing.assert_frame_equal(picture_frame(list(some)), _threshold_built_from_rows(list(some)))
    assert picture_frame(rows)["value"].tolist() == [70.0, 30.0, 62.5]

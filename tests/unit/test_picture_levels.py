"""The threshold picture works out only the levels it reads, and says exactly what it says with all of them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.progress_sql import Scope
from services import threshold_picture
from services.threshold_picture import picture_of
from tracker.settings import Settings
from tracker.threshold import Status
from tracker.tolerance import Effort
from tracker.trends import bucket_for

FIRST = date(2024, 1, 1)
NAMES = ("Leg press", "Treadmill walk")

efforts = st.lists(
    st.builds(
        lambda day, name, status, load, reps: Effort(
            FIRST + timedelta(days=day),
            name,
            "cardio" if name == "Treadmill walk" else "strength",
            status,
            load if name == "Leg press" else None,
            reps,
            float(reps * 2) if name == "Treadmill walk" else None,
        ),
        day=st.integers(0, 240),
        name=st.sampled_from(NAMES),
        status=st.sampled_from([Status.TOLERATED, Status.TOLERATED, Status.OVER, Status.PENDING, Status.WORSE]),
        load=st.sampled_from([None, 20.0, 25.0, 30.0, 32.5, 40.0]),
        reps=st.integers(1, 15),
    ),
    min_size=10,
    max_size=200,
).map(lambda found: sorted(found, key=lambda e: e.day))


def _all_levels(_start: date, _end: date, _bucket: str, _window: int):  # type: ignore[no-untyped-def]
    return lambda days: range(len(days))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(found=efforts, start=st.integers(0, 200), length=st.integers(0, 240), window=st.sampled_from([7, 28]))
def test_only_the_levels_read_are_worked_out_and_the_picture_is_the_same(
    monkeypatch: pytest.MonkeyPatch, found: Sequence[Effort], start: int, length: int, window: int
) -> None:
    first = FIRST + timedelta(days=start)
    scope = Scope(1, first, first + timedelta(days=length), ("lower_back",))
    person = Settings("kg", 5, ("lower_back",), "", {"level_window_days": window})
    bucket = bucket_for(scope.start, scope.end)
    read = [e for e in found if e.day <= scope.end]
    got = picture_of(read, scope, person, bucket=bucket, names=NAMES)
    with monkeypatch.context() as patch:
        patch.setattr(threshold_picture, "_needed", _all_levels)
        want = picture_of(read, scope, person, bucket=bucket, names=NAMES)
    pd.testing.assert_frame_equal(got.frame, want.frame)
    assert (got.changes, got.headline, got.lines, got.subtitles) == (
        want.changes,
        want.headline,
        want.lines,
        want.subtitles,
    )


def test_the_opening_level_is_read_when_its_week_goes_on_past_the_opening_window(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Weekly periods from a Wednesday: the 28-day opening window ends on Tuesday 30 Jan, whose week's last level
    # (Thursday 1 Feb) is not the opening level (Monday 29 Jan), so that one must be worked out on its own.
    start = date(2024, 1, 3)
    days = [3, 5, 10, 17, 24, 29, 32, 40, 50, 60, 70, 80, 90, 100, 110]
    read = [
        Effort(date(2024, 1, 1) + timedelta(days=d - 1), "Leg press", "strength", Status.TOLERATED, 20.0 + d, 10)
        for d in days
    ]
    scope = Scope(1, start, start + timedelta(days=120), ("lower_back",))
    person = Settings("kg", 5, ("lower_back",), "", {})
    got = picture_of(read, scope, person, bucket="week", names=("Leg press",))
    with monkeypatch.context() as patch:
        patch.setattr(threshold_picture, "_needed", _all_levels)
        want = picture_of(read, scope, person, bucket="week", names=("Leg press",))
    assert got.changes == want.changes
    assert got.changes[0].first.day == date(2024, 1, 29)

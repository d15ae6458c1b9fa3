"""The rows of the health charts (function goals, pain with medication, as-needed doses) from plain values, without
Altair (formats/health_charts.py draws them): the report's process builds its charts from ready specs and never
loads it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import numpy as np
import pandas as pd

from formats.chart_values import dated_frame
from tracker.advice import day_text
from tracker.medication import Dose, Regular
from tracker.psfs import MCID_ACTIVITY, MCID_AVERAGE

AVERAGE = "Average of the activities"
PSFS_COLUMNS = ("period", "series", "score", "change", "meaning", "important")
MEDICATION_COLUMNS = ("layer", "period", "end", "medication", "as_needed", "amount", "until")
# Times to the microsecond, as Python's own.
TIME_UNIT = "us"


def _meaning(change: float, threshold: float, first: bool) -> str:
    if first:
        return "first rating in this period"
    if abs(change) < threshold:
        return "within the usual ups and downs"
    return "large enough to matter (better)" if change > 0 else "large enough to matter (worse)"


def psfs_rows(
    activities: Sequence[tuple[str, Sequence[tuple[date, int]]]], rounds: Sequence[tuple[date, float]]
) -> pd.DataFrame:
    """One row per activity rating and per round's average, each with its change since the first one given."""
    rows: list[tuple[object, ...]] = []
    for name, series, threshold in [(n, s, MCID_ACTIVITY) for n, s in activities] + [(AVERAGE, rounds, MCID_AVERAGE)]:
        if not series:
            continue
        first = float(series[0][1])
        for i, (day, score) in enumerate(series):
            change = round(float(score) - first, 1)
            # Only the latest rating gets a ring: the words beside the chart compare it with the first one.
            ringed = i == len(series) - 1 and i > 0 and abs(change) >= threshold
            rows.append((day, name, float(score), change, _meaning(change, threshold, i == 0), ringed))
    frame = pd.DataFrame(rows, columns=list(PSFS_COLUMNS))
    frame["period"] = pd.to_datetime(frame["period"])
    return frame


def pain_medication_rows(pain: pd.DataFrame, regular: Sequence[Regular], doses: Sequence[Dose]) -> pd.DataFrame:
    """The pain trend's rows (layer "pain") with regular medication spans (layer "regular", each to the end of its
    last day; pass them clipped to the period, tracker.medication.spans) and as-needed doses (layer "dose") in one
    frame, for `pain_medication_chart`."""
    meds: list[tuple[object, ...]] = [
        ("regular", r.start, (r.end or r.start) + timedelta(days=1), f"{r.name} {r.amount} (regular)", None,
         r.amount, f"{day_text(r.start)} to {day_text(r.end or r.start)}")
        for r in regular
    ]  # fmt: skip
    meds += [
        (
            "dose",
            d.taken_at,
            None,
            None,
            f"{d.name} (as needed)",
            f"{d.dose:g} {d.unit}",
            f"{day_text(d.taken_at.date())} {d.taken_at:%H:%M}",
        )
        for d in doses
    ]
    if not meds:
        return pain.assign(layer="pain")
    # Built column by column in one go: appending a frame of medication rows to the pain rows cost twice as much
    # (pandas aligns and fills every column of both).
    layer, period, end, *words = zip(*meds, strict=True)
    gap = [None] * len(pain)
    # Times through numpy: pandas reads a list holding gaps one value at a time.
    times = np.array(period, dtype=f"datetime64[{TIME_UNIT}]")
    columns: dict[str, Any] = {"period": np.concatenate([pain["period"].to_numpy(dtype=times.dtype), times])}
    for name in pain.columns[1:]:
        columns[name] = np.concatenate([pain[name].to_numpy(dtype="float64"), np.full(len(meds), np.nan)])
    columns |= {"layer": ["pain"] * len(pain) + list(layer), "end": np.array(gap + list(end), dtype=times.dtype)}
    columns |= {name: gap + list(values) for name, values in zip(MEDICATION_COLUMNS[3:], words, strict=True)}
    return pd.DataFrame(columns)


def dose_count_rows(counts: Sequence[tuple[date, str, int]]) -> pd.DataFrame:
    """(week's Monday, medication, doses) as rows for `doses_chart`."""
    return dated_frame(counts, ("period", "medication", "doses"))

"""The rows the function goals (PSFS) and medication charts draw, from plain values (formats/health_charts.py
draws them).

Kept apart from the charts so a service that only reads rows (services/health_progress.py) does not load Altair:
the command line's report builds its charts in another process (formats/chart_process.py).
`psfs_rows` turns activities and rating rounds into the rows `psfs_chart` draws, so the page, the Progress
page and the report draw the same picture; `pain_medication_rows` joins the pain trend's rows with medication.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

import pandas as pd

from tracker.medication import Dose, Regular
from tracker.psfs import MCID_ACTIVITY, MCID_AVERAGE

AVERAGE = "Average of the activities"
PSFS_COLUMNS = ("period", "series", "score", "change", "meaning", "important")
MEDICATION_COLUMNS = ("layer", "period", "end", "medication", "as_needed", "amount", "until")


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
         r.amount, f"{r.start:%d %b %Y} to {r.end or r.start:%d %b %Y}")
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
            f"{d.taken_at:%d %b %Y %H:%M}",
        )
        for d in doses
    ]
    extra = pd.DataFrame(meds, columns=list(MEDICATION_COLUMNS))
    for column in ("period", "end"):
        extra[column] = pd.to_datetime(extra[column])
    frame = pain.assign(layer="pain")
    return pd.concat([frame, extra], ignore_index=True) if len(extra) else frame


def dose_count_rows(counts: Sequence[tuple[date, str, int]]) -> pd.DataFrame:
    """(week's Monday, medication, doses) as rows for `doses_chart`."""
    frame = pd.DataFrame(list(counts), columns=["period", "medication", "doses"])
    frame["period"] = pd.to_datetime(frame["period"])
    return frame

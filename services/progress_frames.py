"""The Progress page's chart frames and summary words, from the tracker's points (services/progress.py reads)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import fields
from datetime import date

import pandas as pd

from formats.chart_values import dated_frame as frame
from tracker.helps import Helps
from tracker.pain import Response
from tracker.strength import ACCURATE_BASIS, ROUGH_BASIS
from tracker.threshold import E1rmPoint, ResponseCount
from tracker.trends import COMPARE_DAYS, Bucket, DayPain, baseline_vs_recent, bucket_mean, peg_series

# The 24-hour response categories as the charts name them (tracker.pain.next_morning_response decides).
SETTLED_WORDS = "settled (within 1 point)"
WORSE_WORDS = "worse (2+ points up)"
PENDING_WORDS = "no next-morning rating"
RESPONSE_WORDS = {Response.SETTLED: SETTLED_WORDS, Response.WORSE: WORSE_WORDS, None: PENDING_WORDS}
WITH, WITHOUT = "after a day with it", "after a day without it"
PAIN_COLUMNS = ("period", "pain", "trend", "low", "high", "days")
CARDIO_COLUMNS = ("period", "modality", "per_week", "total")
DECIMALS = 1


def shallow(item: object) -> tuple[object, ...]:
    """A dataclass's field values in order, not copied (dataclasses.astuple deep-copies each one)."""
    return tuple(getattr(item, f.name) for f in fields(item))  # type: ignore[arg-type]


def comparison(days: Sequence[DayPain], start: date, end: date) -> str:
    """Baseline against recent pain, or why not yet: the period is too short, or there are too few ratings."""
    needed = 2 * COMPARE_DAYS
    if (end - start).days + 1 < needed:
        return f"Baseline against recent pain needs a period of at least {needed} days: pick a longer one above."
    return baseline_vs_recent(days).text


def strength_frame(points: Sequence[E1rmPoint]) -> pd.DataFrame:
    """Best e1RM per bucket and exercise, with its basis and how many sets it comes from."""
    rows = (
        (
            p.start,
            p.exercise,
            round(p.e1rm, DECIMALS),
            ROUGH_BASIS if p.rough else ACCURATE_BASIS,
            p.estimated_sets + p.rough_sets,
        )
        for p in points
        if p.e1rm is not None
    )
    return frame(rows, ("period", "exercise", "e1rm", "basis", "sets"))


def not_estimated(points: Sequence[E1rmPoint]) -> tuple[str, ...]:
    """Strength exercises with loaded sets in the range but none of 20 reps or fewer."""
    estimated: dict[str, bool] = {}
    for p in points:
        estimated[p.exercise] = estimated.get(p.exercise, False) or p.e1rm is not None
    return tuple(sorted(name for name, ok in estimated.items() if not ok))


def response_frame(counts: Iterable[ResponseCount]) -> pd.DataFrame:
    """Sessions per bucket and 24-hour response, in the chart's words."""
    rows = ((c.start, RESPONSE_WORDS[c.response], c.sessions) for c in counts)
    return frame(rows, ("period", "response", "sessions"))


def helps_frame(helps: Sequence[Helps]) -> pd.DataFrame:
    """Long form for the chart, only where both sides have enough days."""
    rows = [
        (h.kind, side, pain, n)
        for h in helps
        if h.enough
        for side, pain, n in ((WITH, h.pain_with, h.days_with), (WITHOUT, h.pain_without, h.days_without))
    ]
    return pd.DataFrame(rows, columns=["kind", "side", "pain", "days"])


def peg_frame(pegs: Iterable[tuple[date, int, int, int]], bucket: Bucket) -> pd.DataFrame:
    """PEG-3 scores per bucket (at least a week)."""
    return frame((shallow(b) for b in peg_series(pegs, bucket)), ("period", "peg", "checkins"))


def pressure_frame(pressures: Iterable[tuple[str, date, float]], bucket: Bucket) -> pd.DataFrame:
    """Mean pressure pain threshold per bucket and site."""
    by_site: dict[str, list[tuple[date, float]]] = defaultdict(list)
    for site, day, mean in pressures:
        by_site[site].append((day, mean))
    rows = [(b.start, site, b.value, b.count) for site in sorted(by_site) for b in bucket_mean(by_site[site], bucket)]
    return frame(rows, ("period", "site", "kg_cm2", "readings"))

"""The database's per-bucket rows (db/progress_sql.py) as the tracker's points, ready for the chart frames."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date

from db.progress_days import kind_bits
from db.progress_sql import SETTLED, WORSE, WorkRow
from tracker.catalog import CATEGORIES
from tracker.pain import Response
from tracker.threshold import STRENGTH, E1rmPoint, LoadPoint, Measure, ResponseCount
from tracker.trends import DayPain, daily_pain

RESPONSES: dict[int | None, Response | None] = {
    SETTLED: Response.SETTLED,
    WORSE: Response.WORSE,
    None: None,
}
_ORDER = list(RESPONSES)


def load_points(rows: Iterable[WorkRow]) -> list[LoadPoint]:
    """The most work per bucket, exercise and status, as tracker.threshold.tolerated_series gives it."""
    points = [LoadPoint(r.start, r.exercise, r.status, r.amount, r.counted) for r in rows if r.amount is not None]
    return sorted(points, key=lambda p: (p.start, p.exercise, p.status.value))


def e1rm_points(rows: Iterable[WorkRow]) -> list[E1rmPoint]:
    """Best e1RM per bucket and strength exercise over every status, as tracker.threshold.e1rm_series."""
    best: dict[tuple[date, str], float] = {}
    estimated: dict[tuple[date, str], int] = defaultdict(int)
    skipped: dict[tuple[date, str], int] = defaultdict(int)
    for r in rows:
        if r.category != STRENGTH or not (r.estimated or r.skipped):
            continue
        key = (r.start, r.exercise)
        if r.e1rm is not None:
            best[key] = max(best.get(key, r.e1rm), r.e1rm)
        estimated[key] += r.estimated
        skipped[key] += r.skipped
    keys = sorted(set(estimated) | set(skipped))
    return [E1rmPoint(s, e, best.get((s, e)), estimated[(s, e)], skipped[(s, e)]) for s, e in keys]


def response_points(rows: Iterable[tuple[date, int | None, int]]) -> list[ResponseCount]:
    """Sessions per bucket and 24-hour response, oldest first, settled before worse and pending."""
    ordered = sorted(rows, key=lambda row: (row[0], _ORDER.index(row[1])))
    return [ResponseCount(start, RESPONSES[severity], n) for start, severity, n in ordered]


def measure_labels(rows: Iterable[WorkRow], measure: Measure, unit: str) -> dict[str, str]:
    """How each exercise's work is measured: minutes, e1RM, load x reps, or reps when nothing was loaded."""
    category: dict[str, str] = {}
    loaded: dict[str, bool] = defaultdict(bool)
    for r in rows:
        category[r.exercise] = r.category
        loaded[r.exercise] |= r.loaded
    labels = {}
    for name, kind in category.items():
        if kind != STRENGTH:
            labels[name] = "min"
        elif measure is Measure.E1RM:
            labels[name] = f"{unit} e1RM"
        else:
            labels[name] = f"{unit} × reps" if loaded[name] else "reps"
    return labels


def most_done(counts: Mapping[str, int], limit: int) -> tuple[str, ...]:
    """The `limit` exercises logged most often, alphabetically, when there are more than that; else empty."""
    if len(counts) <= limit:
        return ()
    ranked = sorted(counts, key=lambda name: (-counts[name], name))
    return tuple(sorted(ranked[:limit]))


def estimable_sets(rows: Iterable[WorkRow]) -> dict[str, int]:
    """Per strength exercise with loaded sets: how many of them the e1RM chart can estimate (10 reps or fewer)."""
    found: dict[str, int] = defaultdict(int)
    for r in rows:
        if r.category == STRENGTH and (r.estimated or r.skipped):
            found[r.exercise] += r.estimated
    return dict(found)


def split_days(rows: Iterable[tuple[date, float, int, int]]) -> tuple[list[DayPain], dict[date, set[str]], list[str]]:
    """`day_rows` as daily pain, the kinds of exercise done each day (as named on the page), and every kind
    done, in catalogue order."""
    labels = [(bit, CATEGORIES[key]) for key, bit in kind_bits().items()]
    totals: list[tuple[date, float, int]] = []
    done: dict[date, set[str]] = {}
    seen = 0
    for day, total, n, kinds in rows:
        totals.append((day, total, n))
        if kinds:
            done[day] = {label for bit, label in labels if kinds & bit}
            seen |= kinds
    return daily_pain(totals), done, [label for bit, label in labels if seen & bit]

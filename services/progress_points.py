"""The database's per-bucket rows (db/progress_sql.py) as the tracker's points, ready for the chart frames."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date

from db.progress_days import kind_bits
from db.progress_sql import SETTLED, WORSE
from db.strength_sql import StrengthRow
from tracker.catalog import CATEGORIES
from tracker.pain import Response
from tracker.threshold import E1rmPoint, ResponseCount
from tracker.trends import DayPain, daily_pain

RESPONSES: dict[int | None, Response | None] = {
    SETTLED: Response.SETTLED,
    WORSE: Response.WORSE,
    None: None,
}
_ORDER = list(RESPONSES)


def e1rm_points(rows: Iterable[StrengthRow]) -> list[E1rmPoint]:
    """Best e1RM per bucket and strength exercise (accurate first, else rough), as tracker.threshold.e1rm_series."""
    return [
        E1rmPoint(r.start, r.exercise, r.e1rm if r.e1rm is not None else r.rough, r.estimated, r.rough_sets, r.skipped)
        for r in sorted(rows, key=lambda r: (r.start, r.exercise))
    ]


def response_points(rows: Iterable[tuple[date, int | None, int]]) -> list[ResponseCount]:
    """Sessions per bucket and 24-hour response, oldest first, settled before worse and pending."""
    ordered = sorted(rows, key=lambda row: (row[0], _ORDER.index(row[1])))
    return [ResponseCount(start, RESPONSES[severity], n) for start, severity, n in ordered]


def most_done(counts: Mapping[str, int], limit: int) -> tuple[str, ...]:
    """The `limit` exercises logged most often, alphabetically, when there are more than that; else empty."""
    if len(counts) <= limit:
        return ()
    ranked = sorted(counts, key=lambda name: (-counts[name], name))
    return tuple(sorted(ranked[:limit]))


def estimable_sets(rows: Iterable[StrengthRow]) -> dict[str, int]:
    """Per strength exercise with loaded sets: how many of them the e1RM chart can estimate (20 reps or fewer)."""
    found: dict[str, int] = defaultdict(int)
    for r in rows:
        found[r.exercise] += r.estimated + r.rough_sets
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

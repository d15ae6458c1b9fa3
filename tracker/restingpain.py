"""Pain at rest per day and region (before sessions and on waking), and the usual level it is compared with."""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import median

from tracker.advice import day_text
from tracker.history import History

# The usual level is the median resting rating over this many days before the day in question ...
USUAL_LOOKBACK_DAYS = 28
# ... and needs a few ratings: one or two say little about what is usual.
MIN_USUAL_READINGS = 3
# Pain ratings at rest are whole numbers on a 0-10 scale.
SCALE = range(11)


@dataclass(frozen=True)
class RestingDay:
    """One day's pain ratings at rest in one region: before sessions and on waking (pain during is effort pain)."""

    day: date
    pains: tuple[int, ...]

    @property
    def low(self) -> int:
        """The lowest rating that day: how far rest brought the pain down."""
        return min(self.pains)

    @property
    def high(self) -> int:
        """The highest rating that day."""
        return max(self.pains)

    def text(self, region_name: str) -> str:
        """'3 Nov 2026: lower back 8/10 at rest' (or '6-8/10' over several ratings)."""
        shown = f"{self.low}/10" if self.low == self.high else f"{self.low}-{self.high}/10"
        return f"{day_text(self.day)}: {region_name} {shown} at rest"


def resting_days(history: History, end: date) -> dict[str, list[RestingDay]]:
    """Per region, the days up to `end` with a rating at rest, oldest first (a check-in is counted once).

    Worked out once per history and day (red flags and flare-ups both ask, and ten years take ~20 ms): callers
    read the lists and never change them."""
    key = ("resting_days", end)
    found: dict[str, list[RestingDay]] | None = history.derived.get(key)
    if found is None:
        found = history.derived[key] = _resting_days(history, end)
    return found


def _resting_days(history: History, end: date) -> dict[str, list[RestingDay]]:
    by_key: dict[tuple[str, date, str | int], int] = {}
    for session in history.sessions:
        for p in session.pains:
            if p.before is not None:
                by_key.setdefault((p.region, session.day, id(session)), p.before)
            if p.morning is not None:
                by_key.setdefault((p.region, session.day + timedelta(days=1), "morning"), p.morning)
    for m in history.mornings:
        by_key[(m.region, m.day, "morning")] = m.pain
    grouped: dict[str, dict[date, list[int]]] = defaultdict(lambda: defaultdict(list))
    for (region, day, _), pain in by_key.items():
        if day <= end:
            grouped[region][day].append(pain)
    return {
        region: [RestingDay(day, tuple(pains)) for day, pains in sorted(days.items())]
        for region, days in grouped.items()
    }


def usual_level(days: list[RestingDay], index: int) -> float | None:
    """Median of the ratings at rest in the weeks before days[index] (None when there are too few)."""
    day = days[index].day
    start = bisect_left(days, day - timedelta(days=USUAL_LOOKBACK_DAYS), 0, index, key=lambda d: d.day)
    earlier = [p for d in days[start:index] for p in d.pains]
    return float(median(earlier)) if len(earlier) >= MIN_USUAL_READINGS else None


def usual_levels(days: list[RestingDay]) -> list[float | None]:
    """usual_level for every index of `days` (oldest first, one per day) in one pass.

    The ratings of the weeks before each day are kept as counts per value (0-10) and slid along the days:
    working each day's median out afresh cost most of a ten-year history's red-flag check.
    """
    if any(p not in SCALE for d in days for p in d.pains):
        return [usual_level(days, i) for i in range(len(days))]  # not on the 0-10 scale: the rule itself
    counts = [0] * len(SCALE)
    held = lo = 0
    found: list[float | None] = []
    for index, today in enumerate(days):
        if index:
            for p in days[index - 1].pains:
                counts[p] += 1
            held += len(days[index - 1].pains)
        while lo < index and days[lo].day < today.day - timedelta(days=USUAL_LOOKBACK_DAYS):
            for p in days[lo].pains:
                counts[p] -= 1
            held -= len(days[lo].pains)
            lo += 1
        found.append(_median_of_counts(counts, held) if held >= MIN_USUAL_READINGS else None)
    return found


def _median_of_counts(counts: list[int], held: int) -> float:
    """The median of `held` ratings given as how many of each value there are (as statistics.median gives it)."""
    low_at, high_at = (held - 1) // 2, held // 2
    seen, low = 0, None
    for value, n in enumerate(counts):
        seen += n
        if low is None and low_at < seen:
            low = value
        if high_at < seen:
            assert low is not None
            return float(low) if held % 2 else (low + value) / 2
    raise ValueError("fewer ratings counted than held")

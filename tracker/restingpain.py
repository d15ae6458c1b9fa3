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
    """Per region, the days up to `end` with a rating at rest, oldest first (a check-in is counted once)."""
    by_key: dict[tuple[str, date, str], int] = {}
    for session in history.sessions:
        for p in session.pains:
            if p.before is not None:
                by_key.setdefault((p.region, session.day, f"before:{id(session)}"), p.before)
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

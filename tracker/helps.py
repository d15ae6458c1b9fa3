"""What helps: pain the day after a kind of exercise, against the day after days without it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import fmean

# Fewer days than this on either side and a difference is mostly chance.
MIN_DAYS = 3
DECIMALS = 1


@dataclass(frozen=True)
class Helps:
    """Mean next-day pain after days with a kind of exercise and after days without it."""

    kind: str
    days_with: int
    days_without: int
    pain_with: float | None
    pain_without: float | None
    min_days: int = MIN_DAYS

    @property
    def enough(self) -> bool:
        """True when both sides have at least `min_days` days."""
        return self.days_with >= self.min_days and self.days_without >= self.min_days

    @property
    def difference(self) -> float | None:
        """Next-day pain with minus without (negative: less pain after it), once there is enough data."""
        if not self.enough or self.pain_with is None or self.pain_without is None:
            return None
        return round(self.pain_with - self.pain_without, DECIMALS)

    @property
    def text(self) -> str:
        """One line: the comparison, or how many more days each side needs."""
        if self.difference is not None:
            return (
                f"{self.kind}: next-day pain {self.pain_with:.1f} after {self.days_with} days with it, "
                f"{self.pain_without:.1f} after {self.days_without} days without ({self.difference:+.1f})."
            )
        missing = []
        if (more := self.min_days - self.days_with) > 0:
            missing.append(f"{more} more day{'s' * (more != 1)} with it")
        if (more := self.min_days - self.days_without) > 0:
            missing.append(f"{more} more day{'s' * (more != 1)} without it")
        return f"{self.kind}: needs {' and '.join(missing)}, each followed by a day with a pain rating."


def what_helps(
    daily: Mapping[date, float],
    done: Mapping[date, Set[str]],
    kinds: Iterable[str],
    *,
    since: date | None = None,
    min_days: int = MIN_DAYS,
) -> list[Helps]:
    """For each kind: next-day pain after days it was done against after days it was not.

    Only days whose next day has a pain rating count (from `since` on); rest days count as "without".
    """
    names = list(kinds)
    with_it: dict[str, list[float]] = {kind: [] for kind in names}
    without: dict[str, list[float]] = {kind: [] for kind in names}
    # One pass over the days, each sorted into "with" or "without" for every kind at once.
    for next_day, pain in daily.items():
        day = next_day - timedelta(days=1)
        if since is not None and day < since:
            continue
        kinds_done = done.get(day, ())
        for kind in with_it:
            (with_it if kind in kinds_done else without)[kind].append(pain)
    return [
        Helps(kind, len(with_it[kind]), len(without[kind]), _mean(with_it[kind]), _mean(without[kind]), min_days)
        for kind in names
    ]


def _mean(values: list[float]) -> float | None:
    return round(fmean(values), DECIMALS) if values else None

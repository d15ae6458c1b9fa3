"""What is true of a simulated history (tests/ground_truth.py writes it): each exercise's true tolerance over
time, the episode of raised pain, whether it is a red flag, and the days the person logs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

# A change of the tolerated level smaller than this (in %) reads as flat.
FLAT_PERCENT = 10.0
# Tolerance changes between these days (weeks 3 and 13) and holds before and after, so the start and the
# end of a history each have a few weeks of one true level to measure; a decline goes on to the last day.
CHANGE_FROM, CHANGE_TO = 21, 91


class Direction(StrEnum):
    """Which way a tolerated level moved."""

    UP = "up"
    FLAT = "flat"
    DOWN = "down"


def direction(percent: float) -> Direction:
    """Up or down past FLAT_PERCENT, else flat."""
    if percent >= FLAT_PERCENT:
        return Direction.UP
    return Direction.DOWN if percent <= -FLAT_PERCENT else Direction.FLAT


@dataclass(frozen=True)
class Tolerance:
    """One exercise's true tolerance: `start` until day `change_from`, then a straight line to `end` on day
    `change_to`, `end` after it."""

    exercise: str
    category: str
    start: float
    end: float
    change_from: int = CHANGE_FROM
    change_to: int = CHANGE_TO

    def on(self, day: int) -> float:
        """T on day `day` of the history (0 is the first)."""
        share = (day - self.change_from) / (self.change_to - self.change_from)
        return self.start + (self.end - self.start) * min(max(share, 0.0), 1.0)

    @property
    def percent(self) -> float:
        """The true change from the first day to the last, in %."""
        return 100.0 * (self.end - self.start) / self.start

    @property
    def direction(self) -> Direction:
        """Which way the truth moved."""
        return direction(self.percent)


@dataclass(frozen=True)
class Episode:
    """Days of raised resting pain: `extra` points over the usual level, or a fixed `level`; `train` says whether
    sessions go on (eased)."""

    first: int
    days: int
    extra: float = 0.0
    level: float | None = None
    train: bool = True

    def covers(self, day: int) -> bool:
        """True on the episode's days."""
        return self.first <= day < self.first + self.days


@dataclass(frozen=True)
class Truth:
    """What really happened: the tolerances, the episode of raised pain, and whether it is a red flag.

    `first` and `last` bound the range to report on (the run-in before `first` is logged too)."""

    scenario: str
    seed: int
    first: date
    last: date
    tolerances: tuple[Tolerance, ...]
    red_flag: bool
    episode_days: tuple[date, ...] = ()

    @property
    def percent(self) -> float:
        """The true change across the main exercises (their mean), in %."""
        return sum(t.percent for t in self.tolerances) / len(self.tolerances)


@dataclass(frozen=True)
class Day:
    """What the person logs on one day: pain on waking (region -> 0-10) and a session as the form sends it."""

    day: date
    morning: dict[str, int] | None = None
    session: dict[str, Any] | None = None
    over: bool = False
    """The truth about the session: its work went over the true tolerance of one of its exercises."""


@dataclass(frozen=True)
class Simulated:
    """A history to log and the truth behind it."""

    truth: Truth
    days: tuple[Day, ...]

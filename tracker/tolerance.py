"""The pain threshold as a boundary: per exercise, a robust tolerated level and the attempts that went over it.

A session's work on one exercise is an Effort: the heaviest load with its reps for loaded strength, the most
reps for bodyweight work, minutes for everything else. The tolerated level on a day is the second-best
tolerated effort of the trailing window (the best while there is only one), so a day with only a short
warm-up does not read as a drop and one lucky day does not read as a jump: a level has to be reached twice.
The window holds at least the last few tolerated sessions, however long ago.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from tracker.threshold import STRENGTH, Status, Work, status

# Reaching a level twice is what makes it a level; the window is a rule (tracker/rules.py: level_window_days).
CONFIRMATIONS = 2


class Effort(NamedTuple):
    """One exercise in one session: what was done and whether it was tolerated (loads in the user's unit).

    A named tuple: ten years of a person's main exercises make thousands of them per chart, each made in a
    quarter of a frozen dataclass's time.
    """

    day: date
    exercise: str
    category: str
    status: Status
    load: float | None = None
    """The heaviest load lifted (strength), None when no set carried one."""
    reps: int | None = None
    """Reps of the best set at that load, or the most reps in a set when nothing was loaded."""
    minutes: float | None = None

    @property
    def value(self) -> float | None:
        """The number the exercise's axis shows: load, reps when unloaded, or minutes."""
        if self.category == STRENGTH:
            if self.load:
                return self.load
            return float(self.reps) if self.reps else None
        return float(self.minutes) if self.minutes else None

    @property
    def rank(self) -> tuple[float, int]:
        """Order of efforts on one exercise: by value, then by reps (60 kg × 12 beats 60 kg × 10)."""
        return (self.value or 0.0, self.reps or 0)


def measure(effort: Effort, unit: str) -> str:
    """The unit of an exercise's axis: the weight unit, 'reps' or 'min'."""
    if effort.category != STRENGTH:
        return "min"
    return unit if effort.load else "reps"


def effort_text(effort: Effort, unit: str) -> str:
    """How a clinician reads it: '60 kg × 12', '15 reps' or '26 min'."""
    if effort.category != STRENGTH:
        return f"{_number(effort.minutes or 0)} min"
    if effort.load:
        return f"{_number(effort.load)} {unit} × {effort.reps or 0}"
    return f"{effort.reps or 0} reps"


def _number(value: float) -> str:
    """Up to one decimal, no trailing zeros: 60, 62.5."""
    return f"{round(value, 1):g}"


def effort_of(work: Work, limit: int) -> Effort:
    """The Effort of a tracker Work (sets already in the user's unit), its status judged against `limit`."""
    loaded = [(w, r) for w, r in work.sets if w and w > 0]
    if loaded:
        load = max(w for w, _ in loaded)
        reps: int | None = max(r for w, r in loaded if w == load)
    else:
        load, reps = None, max((r for _, r in work.sets), default=None)
    return Effort(work.day, work.exercise, work.category, status(work, limit), load, reps, work.minutes)


@dataclass(frozen=True)
class Level:
    """The tolerated level of one exercise as of one day: the effort that sets it and the efforts behind it."""

    day: date
    exercise: str
    effort: Effort
    tolerated: int
    """Tolerated sessions of the exercise within the window up to this day."""


def levels(
    efforts: Iterable[Effort],
    window_days: int,
    at_least: int = 3,
    wanted: Callable[[Sequence[date]], Iterable[int]] | None = None,
) -> list[Level]:
    """Per exercise, its tolerated level on every day with a tolerated session, oldest first.

    The window reaches further back when it holds fewer than `at_least` tolerated sessions, so weeks in which
    most attempts went over the limit do not leave one short day as the level. `wanted`, given one exercise's
    days with a tolerated session (oldest first), picks the positions of the days whose level is needed; the
    others are not worked out (a chart over ten years needs a few per period, not one per day).
    """
    by_exercise: dict[str, list[Effort]] = defaultdict(list)
    for e in efforts:
        if e.status is Status.TOLERATED and e.value is not None:
            by_exercise[e.exercise].append(e)
    found: list[Level] = []
    for name, mine in by_exercise.items():
        mine.sort(key=lambda e: e.day)
        days = [e.day for e in mine]
        ranks = [e.rank for e in mine]
        # One level per day, once the day's efforts are all in: at each day's last effort.
        ends = [i for i, day in enumerate(days) if i + 1 == len(days) or days[i + 1] != day]
        if wanted is not None:
            ends = [ends[j] for j in sorted(set(wanted([days[i] for i in ends])))]
        for i in ends:
            day = days[i]
            # The window is a run of the sorted list: the days since its first day, or the last `at_least`.
            lo = min(bisect_left(days, day - timedelta(days=window_days - 1)), max(i + 1 - at_least, 0))
            best = _second_best(ranks, lo, i + 1)
            found.append(Level(day, name, mine[best], i + 1 - lo))
    found.sort(key=lambda lv: (lv.day, lv.exercise))
    return found


def _second_best(ranks: Sequence[tuple[float, int]], lo: int, hi: int) -> int:
    """Index of the second-highest rank in ranks[lo:hi] (the highest when it holds one); ties go to the earlier."""
    first, second = lo, -1
    for j in range(lo + 1, hi):
        if ranks[j] > ranks[first]:
            first, second = j, first
        elif second < 0 or ranks[j] > ranks[second]:
            second = j
    return first if second < 0 else second


@dataclass(frozen=True)
class LevelChange:
    """How one exercise's tolerated level moved from the start of a range to its end."""

    exercise: str
    first: Level
    last: Level

    @property
    def percent(self) -> float:
        """The change in percent of the first level."""
        before, after = self.first.effort.value or 0.0, self.last.effort.value or 0.0
        return round(100.0 * (after - before) / before, 1) if before else 0.0

    @property
    def more_reps(self) -> int:
        """Reps gained (negative: lost) between the two levels of loaded strength work; 0 otherwise."""
        before, after = self.first.effort, self.last.effort
        if before.category != STRENGTH or not before.load or not after.load:
            return 0
        return (after.reps or 0) - (before.reps or 0)

    def reps_say_more(self, same_within: float) -> bool:
        """True when the load moved less than `same_within` percent and the reps moved with it (or at the very same
        load): the load's percent alone would read as no change, yet the work (load × reps) clearly moved, as
        40 kg × 8 → 40 kg × 12 or 60 kg × 8 → 62.5 kg × 12 did."""
        if abs(self.percent) >= same_within or not self.more_reps:
            return False
        load = (self.last.effort.load or 0.0) - (self.first.effort.load or 0.0)
        return load == 0 or (load > 0) == (self.more_reps > 0)

    def direction(self, same_within: float) -> int:
        """+1 up, -1 down, 0 when the load moved less than `same_within` percent either way and the reps did not
        move with it (see reps_say_more)."""
        if self.reps_say_more(same_within):
            return 1 if self.more_reps > 0 else -1
        if abs(self.percent) < same_within:
            return 0
        return 1 if self.percent > 0 else -1


def first_window_end(start: date, end: date, window_days: int) -> date:
    """The last day of the range's opening window: `window_days`, or half the range when that is shorter."""
    days = (end - start).days + 1
    return start + timedelta(days=max(min(window_days, days // 2), 1) - 1)


def level_change(found: Sequence[Level], start: date, end: date, window_days: int) -> LevelChange | None:
    """One exercise's level at the end of the range's opening window against its last level in the range.

    Both are levels the chart draws, so the report's numbers can be read off the chart. None while the
    range holds fewer than two days with a level. `found` holds the exercise's levels oldest first, those
    before `start` included.

    The opening window starts at `start` when the exercise has levels before it, else at its first level: a
    range picked to start before the exercise did ("last 12 months" over six months of logging) then opens on
    the same weeks as one starting on its first day (all time, or a report from that day), so they tell the
    same change; anchored at `start`, it held no level and the very first session, reached only once, stood in.
    """
    inside = [lv for lv in found if start <= lv.day <= end]
    if len(inside) < 2:
        return None
    opens = start if found[0].day < start else inside[0].day
    cut = first_window_end(opens, end, window_days)
    opening = [lv for lv in inside if lv.day <= cut]
    first = opening[-1] if opening else inside[0]
    last = inside[-1]
    if last.day <= first.day:
        first = inside[0]
    return LevelChange(first.exercise, first, last)

"""Synthetic training for demo histories: what each session holds and how loads progress over time."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

from tracker.records import EntryRecord, SetRecord

REP_RANGE = (8, 12)
# The main machine lifts are done as 3 x 10-12, the range a rehab plan often sets.
MAIN_REP_RANGE = (10, 12)
BAND_REPS = (10, 20)
SETS = 3
STALLS_BEFORE_DELOAD = 3
DELOAD_SHARE = 0.9
# The load goes up only after this many sessions in a row with every set at the top of the range; a main
# lift, cautiously, at most once in MAIN_RAISE_DAYS (its twelve steps take most of two years).
TOPS_BEFORE_RAISE = 2
MAIN_RAISE_DAYS = 49
# Cardio: treadmill walks start at about 30 minutes and creep up towards 55 over about two years.
WALK_MINUTES = (30.0, 55.0)
WALK_GROWTH = 1.006
WARM_UP_MINUTES = (8, 12)
# Cardio on a calm day: mostly a treadmill walk, sometimes the elliptical, the bike or a swim.
CALM_CARDIO = ("Treadmill walk", "Elliptical trainer", "Stationary bike", "Swimming laps")
CALM_CARDIO_WEIGHTS = (0.8, 0.08, 0.07, 0.05)
# The free-weight exercise starts at about half the machine load (the machine carried part of it).
FREE_START_SHARE = 0.5
# Both exercises are done side by side for a few weeks after the switch.
OVERLAP_DAYS = 21
# Flare points above which the session is eased (lighter loads, no progression, gentler cardio).
EASE_AT = 2.0
POOL_AT = 3.0


@dataclass
class Lift:
    """One strength exercise's state under double progression."""

    name: str
    load: float | None
    step: float
    ceiling: float
    main: bool = False
    """A main machine lift: 3 x 10-12, raised cautiously, held at the top of the range once at its ceiling."""
    reps: int = REP_RANGE[0]
    stalls: int = 0
    tops: int = 0
    """Sessions in a row with every set at the top of the range."""
    raised_on: int = 0
    """The day of the last load increase."""
    raised: bool = False
    """The load went up after the last session, so the next one feels harder."""

    @property
    def rep_range(self) -> tuple[int, int]:
        """Bottom and top of the rep range (bands and bodyweight work to higher reps)."""
        if self.load is None:
            return BAND_REPS
        return MAIN_REP_RANGE if self.main else REP_RANGE


@dataclass(frozen=True)
class Slot:
    """A movement done on a machine first, then (from switch_day) with its free-weight counterpart."""

    machine: str
    free: str
    start: float
    step: float
    ceiling: float
    free_step: float | None
    """None for band or bodyweight work (no load recorded)."""
    free_ceiling: float
    switch_day: int | None
    """None for a main lift: it stays on the machine (moving it is what the app suggests at the end)."""


# The first slot of each is the main lift, done in every session of its kind; two of the others rotate.
LOWER = (
    Slot("Leg press", "Goblet squat", 60, 5, 120, 2, 48, None),
    Slot("Leg extension", "Split squat", 20, 5, 60, 2, 30, 300),
    Slot("Leg curl", "Romanian deadlift", 25, 5, 70, 5, 90, 420),
    Slot("Hip abduction machine", "Banded side steps", 30, 5, 80, None, 0, 540),
)
UPPER = (
    Slot("Chest press machine", "Dumbbell bench press", 25, 2.5, 55, 2, 40, None),
    Slot("Seated row machine", "One-arm dumbbell row", 25, 2.5, 70, 2, 40, 260),
    Slot("Lat pulldown", "Dumbbell pullover", 25, 2.5, 65, 2, 30, 480),
    Slot("Shoulder press machine", "Seated dumbbell press", 15, 2.5, 45, 2, 26, 700),
)
# Strength days warm up on the bike, so treadmill minutes are the walks themselves.
WARM_UP = "Stationary bike"
STRETCHES = ("Hamstring stretch", "Hip flexor stretch", "Cat-cow stretch")
RELIEF = (
    "Relief position: on the back, lower legs on a chair",
    "Relief position: face down over a stability ball",
)
# km per minute for cardio where a distance is usually read off the machine.
PACE = {"Treadmill walk": 0.09, "Elliptical trainer": 0.1, "Stationary bike": 0.3, "Swimming laps": 0.03}


def round_down(value: float, step: float) -> float:
    """Round a load down to what the plates or dumbbells allow (never below one step)."""
    return max(step, math.floor(value / step + 1e-9) * step)


@dataclass
class Training:
    """The whole programme's state; each call returns one session's entries and how hard it was."""

    rng: random.Random
    lifts: dict[str, Lift] = field(default_factory=dict)
    cardio_minutes: float = WALK_MINUTES[0]

    def _lift(self, slot: Slot, free: bool) -> Lift:
        name = slot.free if free else slot.machine
        if name not in self.lifts:
            if not free:
                main = slot.switch_day is None
                reps = MAIN_REP_RANGE[0] if main else REP_RANGE[0]
                self.lifts[name] = Lift(name, float(slot.start), slot.step, slot.ceiling, main, reps)
            elif slot.free_step is None:
                self.lifts[name] = Lift(name, None, 0.0, 0.0)
            else:
                machine = self.lifts.get(slot.machine)
                base = machine.load if machine and machine.load else slot.start
                start = round_down(base * FREE_START_SHARE, slot.free_step)
                self.lifts[name] = Lift(name, start, slot.free_step, slot.free_ceiling)
        return self.lifts[name]

    def _stall_chance(self, lift: Lift, top: int, flare: float) -> float:
        """How likely today's reps stay where they were: plateaus near an accessory's ceiling repeat, which is
        what finally calls for a deload; a main lift at the top of its range simply holds it."""
        if lift.load is None and lift.reps >= top:
            return 1.0
        if lift.main:
            return 0.0 if lift.reps >= top else 0.15 + 0.1 * flare
        near_ceiling = (lift.load / lift.ceiling) ** 4 if lift.load is not None else 0.0
        return 0.12 + 0.6 * near_ceiling + 0.1 * flare + (0.3 if lift.stalls else 0.0)

    def _sets(self, lift: Lift, day: int, flare: float) -> tuple[tuple[SetRecord, ...], bool]:
        """Do the lift today; returns the sets and whether it felt harder than usual (a new load)."""
        bottom, top = lift.rep_range
        harder = lift.raised
        lift.raised = False
        if flare >= EASE_AT:
            load = None if lift.load is None else round_down(lift.load * 0.85, lift.step)
            return tuple(SetRecord(load, bottom) for _ in range(SETS)), False
        if self.rng.random() < self._stall_chance(lift, top, flare):
            reps = [lift.reps, lift.reps, max(bottom, lift.reps - 1)]
            lift.stalls, lift.tops = lift.stalls + 1, 0
            if lift.stalls >= STALLS_BEFORE_DELOAD and lift.load is not None:
                lift.load, lift.reps, lift.stalls = round_down(lift.load * DELOAD_SHARE, lift.step), bottom, 0
        else:
            best = min(top, lift.reps + self.rng.choice((1, 1, 2)))
            holding = lift.main and best >= top
            reps = [best, best, best - (1 if not holding and self.rng.random() < 0.25 else 0)]
            lift.stalls = 0
            lift.tops = lift.tops + 1 if min(reps) >= top else 0
            ready = not lift.main or day - lift.raised_on >= MAIN_RAISE_DAYS
            if (
                lift.tops >= TOPS_BEFORE_RAISE
                and lift.load is not None
                and lift.load + lift.step <= lift.ceiling
                and ready
            ):
                lift.load, lift.reps, lift.raised, lift.tops = lift.load + lift.step, bottom, True, 0
                lift.raised_on = day
            else:
                lift.reps = min(reps)
        weight = None if lift.load is None else round(lift.load, 2)
        return tuple(SetRecord(weight, r) for r in reps), harder

    def _strength(self, slots: tuple[Slot, ...], day: int, flare: float, turn: int) -> tuple[list[EntryRecord], bool]:
        entries: list[EntryRecord] = []
        harder = False
        others = slots[1:]
        for slot in (slots[0], *(others[(turn + i) % len(others)] for i in range(2))):
            moves = []
            if slot.switch_day is None or day < slot.switch_day + OVERLAP_DAYS:
                moves.append(self._lift(slot, free=False))
            if slot.switch_day is not None and day >= slot.switch_day:
                moves.append(self._lift(slot, free=True))
            for lift in moves:
                sets, hard = self._sets(lift, day, flare)
                harder = harder or hard
                entries.append(EntryRecord(lift.name, "strength", sets=sets))
        return entries, harder

    def _cardio(self, name: str, minutes: float) -> EntryRecord:
        minutes = float(max(5, min(90, round(minutes))))
        pace = PACE.get(name)
        distance = None if pace is None or self.rng.random() < 0.2 else round(minutes * pace, 2)
        intensity = self.rng.choice(("easy", "moderate", "moderate", "hard"))
        return EntryRecord(name, "cardio", minutes=minutes, distance_km=distance, intensity=intensity)

    def _flexibility(self, name: str, minutes: float) -> EntryRecord:
        return EntryRecord(name, "flexibility", minutes=float(max(1, round(minutes))))

    def cardio_choice(self, flare: float) -> str:
        """Mostly the treadmill, now and then something else; elliptical, then water, in a flare (the ladder)."""
        if flare >= POOL_AT:
            return self.rng.choice(("Swimming laps", "Aqua aerobics"))
        if flare >= EASE_AT / 2:
            return "Elliptical trainer"
        return self.rng.choices(CALM_CARDIO, CALM_CARDIO_WEIGHTS)[0]

    def session(self, kind: str, day: int, flare: float, turn: int) -> tuple[tuple[EntryRecord, ...], bool]:
        """The entries of one session of the given kind, and whether it was harder than usual."""
        rng = self.rng
        entries: list[EntryRecord] = []
        harder = False
        if kind in ("lower", "upper"):
            entries.append(self._cardio(WARM_UP, rng.uniform(*WARM_UP_MINUTES)))
            lifts, harder = self._strength(LOWER if kind == "lower" else UPPER, day, flare, turn)
            entries += lifts
            entries.append(self._flexibility(rng.choice(STRETCHES), rng.uniform(4, 10)))
        elif kind == "cardio":
            # Pacing: minutes creep up a little each time until a comfortable ceiling, and drop in a flare.
            self.cardio_minutes = min(WALK_MINUTES[1], self.cardio_minutes * WALK_GROWTH)
            minutes = min(WALK_MINUTES[1], max(WALK_MINUTES[0], self.cardio_minutes * rng.uniform(0.9, 1.05)))
            minutes *= 0.6 if flare >= EASE_AT else 1.0
            entries.append(self._cardio(self.cardio_choice(flare), minutes))
            if rng.random() < 0.5:
                entries.append(self._flexibility(rng.choice(STRETCHES), rng.uniform(5, 12)))
        else:
            if flare >= EASE_AT:
                entries.append(self._flexibility(rng.choice(RELIEF), rng.uniform(8, 15)))
            entries.append(self._flexibility(rng.choice(("Pilates", "Yoga")), rng.uniform(35, 60)))
        return tuple(entries), harder

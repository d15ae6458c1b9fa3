"""Synthetic training for demo histories: what each session holds and how loads progress over time."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

from tracker.records import EntryRecord, SetRecord

REP_RANGE = (8, 12)
BAND_REPS = (10, 20)
SETS = 3
STALLS_BEFORE_DELOAD = 3
DELOAD_SHARE = 0.9
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
    reps: int = REP_RANGE[0]
    stalls: int = 0
    raised: bool = False
    """The load went up after the last session, so the next one feels harder."""

    @property
    def rep_range(self) -> tuple[int, int]:
        """Bottom and top of the rep range (bands and bodyweight work to higher reps)."""
        return BAND_REPS if self.load is None else REP_RANGE


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
    switch_day: int


LOWER = (
    Slot("Leg press", "Goblet squat", 60, 5, 160, 2, 48, 150),
    Slot("Leg extension", "Split squat", 20, 5, 60, 2, 30, 300),
    Slot("Leg curl", "Romanian deadlift", 25, 5, 70, 5, 90, 420),
    Slot("Hip abduction machine", "Banded side steps", 30, 5, 80, None, 0, 540),
)
UPPER = (
    Slot("Chest press machine", "Dumbbell bench press", 20, 2.5, 60, 2, 40, 210),
    Slot("Seated row machine", "One-arm dumbbell row", 25, 2.5, 70, 2, 40, 260),
    Slot("Lat pulldown", "Dumbbell pullover", 25, 2.5, 65, 2, 30, 480),
    Slot("Shoulder press machine", "Seated dumbbell press", 15, 2.5, 45, 2, 26, 700),
)
WARM_UPS = ("Treadmill walk", "Stationary bike")
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
    cardio_minutes: float = 20.0

    def _lift(self, slot: Slot, free: bool) -> Lift:
        name = slot.free if free else slot.machine
        if name not in self.lifts:
            if not free:
                self.lifts[name] = Lift(name, float(slot.start), slot.step, slot.ceiling)
            elif slot.free_step is None:
                self.lifts[name] = Lift(name, None, 0.0, 0.0)
            else:
                machine = self.lifts.get(slot.machine)
                base = machine.load if machine and machine.load else slot.start
                start = round_down(base * FREE_START_SHARE, slot.free_step)
                self.lifts[name] = Lift(name, start, slot.free_step, slot.free_ceiling)
        return self.lifts[name]

    def _sets(self, lift: Lift, flare: float) -> tuple[tuple[SetRecord, ...], bool]:
        """Do the lift today; returns the sets and whether it felt harder than usual (a new load)."""
        bottom, top = lift.rep_range
        harder = lift.raised
        lift.raised = False
        if flare >= EASE_AT:
            load = None if lift.load is None else round_down(lift.load * 0.85, lift.step)
            return tuple(SetRecord(load, bottom) for _ in range(SETS)), False
        near_ceiling = 0.0 if lift.load is None else (lift.load / lift.ceiling) ** 4
        # A stall tends to repeat (a plateau), which is what finally calls for a deload.
        stall_chance = 0.12 + 0.6 * near_ceiling + 0.1 * flare + (0.3 if lift.stalls else 0.0)
        if lift.load is None and lift.reps >= top:
            stall_chance = 1.0
        if self.rng.random() < stall_chance:
            reps = [lift.reps, lift.reps, max(bottom, lift.reps - 1)]
            lift.stalls += 1
            if lift.stalls >= STALLS_BEFORE_DELOAD and lift.load is not None:
                lift.load, lift.reps, lift.stalls = round_down(lift.load * DELOAD_SHARE, lift.step), bottom, 0
        else:
            best = min(top, lift.reps + self.rng.choice((1, 1, 2)))
            reps = [best, best, best - (1 if self.rng.random() < 0.25 else 0)]
            lift.stalls = 0
            if min(reps) >= top and lift.load is not None and lift.load + lift.step <= lift.ceiling:
                lift.load, lift.reps, lift.raised = lift.load + lift.step, bottom, True
            else:
                lift.reps = min(reps)
        weight = None if lift.load is None else round(lift.load, 2)
        return tuple(SetRecord(weight, r) for r in reps), harder

    def _strength(self, slots: tuple[Slot, ...], day: int, flare: float, turn: int) -> tuple[list[EntryRecord], bool]:
        entries: list[EntryRecord] = []
        harder = False
        chosen = [slots[(turn + i) % len(slots)] for i in range(3)]
        for slot in chosen:
            moves = []
            if day < slot.switch_day + OVERLAP_DAYS:
                moves.append(self._lift(slot, free=False))
            if day >= slot.switch_day:
                moves.append(self._lift(slot, free=True))
            for lift in moves:
                sets, hard = self._sets(lift, flare)
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
        """Treadmill when calm; elliptical, then water, as a flare gets worse (the guidance's ladder)."""
        if flare >= POOL_AT:
            return self.rng.choice(("Swimming laps", "Aqua aerobics"))
        if flare >= EASE_AT / 2:
            return "Elliptical trainer"
        return "Stationary bike" if self.rng.random() < 0.15 else "Treadmill walk"

    def session(self, kind: str, day: int, flare: float, turn: int) -> tuple[tuple[EntryRecord, ...], bool]:
        """The entries of one session of the given kind, and whether it was harder than usual."""
        rng = self.rng
        entries: list[EntryRecord] = []
        harder = False
        if kind in ("lower", "upper"):
            entries.append(self._cardio(rng.choice(WARM_UPS), rng.uniform(8, 12)))
            lifts, harder = self._strength(LOWER if kind == "lower" else UPPER, day, flare, turn)
            entries += lifts
            entries.append(self._flexibility(rng.choice(STRETCHES), rng.uniform(4, 10)))
        elif kind == "cardio":
            # Pacing: minutes creep up a little each time until a comfortable ceiling, and drop in a flare.
            self.cardio_minutes = min(50.0, self.cardio_minutes * 1.02)
            minutes = self.cardio_minutes * (0.6 if flare >= EASE_AT else 1.0) * rng.uniform(0.85, 1.15)
            entries.append(self._cardio(self.cardio_choice(flare), minutes))
            if rng.random() < 0.5:
                entries.append(self._flexibility(rng.choice(STRETCHES), rng.uniform(5, 12)))
        else:
            if flare >= EASE_AT:
                entries.append(self._flexibility(rng.choice(RELIEF), rng.uniform(8, 15)))
            entries.append(self._flexibility(rng.choice(("Pilates", "Yoga")), rng.uniform(35, 60)))
        return tuple(entries), harder

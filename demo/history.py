"""A realistic, made-up training and pain history for the demo and the benchmarks (deterministic per seed)."""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from demo.health import DemoHealth, demo_health
from demo.pain import DAYS_PER_YEAR, PainModel, clamp_nrs, pain_model
from demo.training import EASE_AT, Training
from tracker.pain import DEFAULT_PAIN_LIMIT, DEFAULT_REGIONS
from tracker.records import CheckinRecord, PainRecord, PegRecord, PressureRecord, SessionRecord

# Most weeks hold 3-5 sessions; a few are holidays or sick weeks with hardly any.
WEEK_SIZES = (3, 3, 4, 4, 4, 5)
QUIET_WEEK_CHANCE = 0.04
# Strength twice in seven sessions for each half of the body, so each main lift comes about once a week.
ROTATION = ("lower", "cardio", "upper", "cardio", "lower", "upper", "flex")
# People get into the habit of the morning check-in: from 80% of sessions at the start to 97% at the end.
CHECKIN_CHANCE = (0.8, 0.97)
# Pain during a session never reaches the red-flag level of 8 in this story.
HIGHEST_DURING = 7
# Now and then a session is overdone (2 points more pain during, a worse next morning).
OVERDO_CHANCE = 0.03
PEG_CHANCE = 0.9
PRESSURE_EVERY_DAYS = 42
PRESSURE_SITE = "Lower back, 5 cm left of the spine"
NOTE_CHANCE = 0.12
NOTES = (
    "Felt stiff at the start, loosened up after the warm-up.",
    "Slept badly; kept the effort moderate.",
    "Good session, moved well.",
    "Busy day at work, short on time.",
    "Knee a little grumpy on the stairs afterwards.",
    "Physio checked my form today.",
)
FLARE_NOTE = "Pain flared this week, so I kept it gentle."


@dataclass(frozen=True)
class DemoSession:
    """A session and the next-morning check-ins that followed it (none when the user skipped them)."""

    record: SessionRecord
    morning: tuple[CheckinRecord, ...]


@dataclass(frozen=True)
class DemoHistory:
    """Everything a demo person logged."""

    sessions: tuple[DemoSession, ...]
    pegs: tuple[PegRecord, ...]
    pressures: tuple[PressureRecord, ...]
    health: DemoHealth
    """Function goals, medication and sleep (demo/health.py)."""


def wobble(rng: random.Random) -> float:
    """Up to half a point either way: two ratings of an unchanged level land at most one point apart."""
    return rng.uniform(-0.5, 0.5)


def _pains(
    rng: random.Random, model: PainModel, day: int, kind: str, harder: bool, limit: int
) -> tuple[tuple[PainRecord, ...], bool]:
    """Pain before, during and after in every region; also whether any region went over the limit."""
    flare = model.flaring(day)
    overdid = not model.calm_end(day) and rng.random() < OVERDO_CHANCE
    records = []
    for region in model.regions:
        before = clamp_nrs(model.level(region, day) + wobble(rng))
        bump = rng.choice((0, 1, 1, 2)) if kind in ("lower", "upper") else rng.choice((0, 0, 1))
        bump += int(harder) + (2 if overdid else 0) + (1 if flare >= EASE_AT and rng.random() < 0.5 else 0)
        during = min(HIGHEST_DURING, clamp_nrs(before + bump))
        relief = -1 if kind in ("cardio", "flex") and rng.random() < 0.5 else 0
        after = min(HIGHEST_DURING, clamp_nrs(before + rng.choice((-1, 0, 0, 1)) + relief + (during > limit)))
        records.append(PainRecord(region, before, during, after))
    return tuple(records), any(p.during is not None and p.during > limit for p in records)


def _morning(rng: random.Random, model: PainModel, day: int, the_day: date, over: bool) -> tuple[CheckinRecord, ...]:
    """Pain on waking after a session: the day's level, a little higher after going over the limit."""
    lo, hi = CHECKIN_CHANCE
    if rng.random() >= lo + (hi - lo) * min(1.0, day / len(model.flare)):
        return ()
    return tuple(
        CheckinRecord(the_day, region, clamp_nrs(model.level(region, day) + wobble(rng) + (1.5 if over else 0)))
        for region in model.regions
    )


def _session(
    rng: random.Random, model: PainModel, training: Training, when: datetime, day: int, kind: str, turn: int, limit: int
) -> DemoSession:
    flare = model.flaring(day)
    entries, harder = training.session(kind, day, flare, turn)
    pains, over = _pains(rng, model, day, kind, harder, limit)
    notes = FLARE_NOTE if flare >= EASE_AT and rng.random() < 0.3 else ""
    if not notes and rng.random() < NOTE_CHANCE:
        notes = rng.choice(NOTES)
    rpe = None if rng.random() < 0.3 else min(9, max(3, round(rng.gauss(6.0, 1.2))))
    record = SessionRecord(when, notes, rpe, entries, pains)
    return DemoSession(record, _morning(rng, model, day + 1, when.date() + timedelta(days=1), over))


def _sessions(rng: random.Random, model: PainModel, first: date, days: int, limit: int) -> list[DemoSession]:
    training = Training(random.Random(rng.random()))
    sessions: list[DemoSession] = []
    count = 0
    turns = dict.fromkeys(ROTATION, 0)
    for week_start in range(0, days, 7):
        size = rng.choice((0, 1)) if rng.random() < QUIET_WEEK_CHANCE else rng.choice(WEEK_SIZES)
        if model.flaring(week_start) >= 3.0:
            size = min(size, 2)
        for offset in sorted(rng.sample(range(7), size)):
            day = week_start + offset
            if day >= days:
                continue
            kind = ROTATION[count % len(ROTATION)]
            count += 1
            turns[kind] += 1
            clock = time(rng.choice((7, 8, 12, 17, 18, 19)), rng.choice((0, 15, 30, 45)))
            when = datetime.combine(first + timedelta(days=day), clock)
            sessions.append(_session(rng, model, training, when, day, kind, turns[kind], limit))
    return sessions


def _pegs(rng: random.Random, model: PainModel, first: date, days: int) -> list[PegRecord]:
    pegs = []
    for day in range(6, days + 1, 7):
        if rng.random() >= PEG_CHANCE:
            continue
        week = sum(model.mean_level(d) for d in range(day - 6, day + 1)) / 7
        pain = clamp_nrs(week + rng.gauss(0.0, 0.5))
        enjoyment = clamp_nrs(pain - 0.5 + rng.gauss(0.0, 0.8))
        activity = clamp_nrs(pain - 1.0 + rng.gauss(0.0, 0.8))
        pegs.append(PegRecord(first + timedelta(days=day), pain, enjoyment, activity))
    return pegs


def _pressures(rng: random.Random, model: PainModel, first: date, days: int) -> list[PressureRecord]:
    """Algometer readings now and then: the threshold rises as the person gets fitter, dips in a flare."""
    found = []
    for day in range(10, days + 1, PRESSURE_EVERY_DAYS):
        mean = 2.4 + 1.8 * (1 - math.exp(-day / DAYS_PER_YEAR)) - 0.25 * model.flaring(day) + rng.gauss(0.0, 0.15)
        t1, t2, t3 = (round(min(15.0, max(0.5, mean + rng.gauss(0.0, 0.2))), 1) for _ in range(3))
        found.append(PressureRecord(first + timedelta(days=day), PRESSURE_SITE, (t1, t2, t3)))
    return found


def demo_history(
    *,
    years: float,
    seed: int = 1,
    today: date,
    regions: Sequence[str] = DEFAULT_REGIONS,
    pain_limit: int = DEFAULT_PAIN_LIMIT,
) -> DemoHistory:
    """About `years` of history ending yesterday (check-ins up to today), the same for the same arguments."""
    if years <= 0:
        raise ValueError("years must be above 0.")
    if not regions:
        raise ValueError("Track at least one body region.")
    days = max(1, round(years * DAYS_PER_YEAR))
    first = today - timedelta(days=days)
    model = pain_model(random.Random(f"{seed}:pain"), days + 1, regions)
    rng = random.Random(f"{seed}:sessions")
    sessions = _sessions(rng, model, first, days, pain_limit)
    pegs = _pegs(random.Random(f"{seed}:peg"), model, first, days)
    pressures = _pressures(random.Random(f"{seed}:pressure"), model, first, days)
    mornings = ((c.day, c.pain) for d in sessions for c in d.morning)
    health = demo_health(random.Random(f"{seed}:health"), model, first, days, mornings)
    return DemoHistory(tuple(sessions), tuple(pegs), tuple(pressures), health)

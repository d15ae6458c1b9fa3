"""Histories whose true pain tolerance is known, logged through the real services, to hold the app to the truth.

The demo generator (demo/) tells a pleasant story; this simulator instead knows, for every day, how much
work each main exercise can take before it hurts too much: its true tolerance T (kg at 3 x 12 for machine
strength, minutes for a treadmill walk). The person does not know T. They plan from what they could do
a week ago and, each session, do a fraction of that: mostly 85-100%, sometimes a short day at 40-60%,
now and then an overshoot at 105-125%; strength days open with a 5-10 minute treadmill warm-up, which a
robust tolerated level must not take for the walking tolerance. Work within T keeps pain during within
the limit and the next morning settled; work over T sends pain over the limit or the next morning 2+
points up, and near T the last sets fall short of 12 reps. Every rating is the true level plus up to half
a point either way, rounded, so two ratings of an unchanged level differ by at most one point: the wobble
that "settled" must absorb. Resting pain sits at 2-3, except in the scenario's episode (a flare-up, a bad
day, a red flag), when the person eases off (or rests) and checks in every morning. A 4-week run-in at the
starting tolerance comes before the 16 weeks a report covers; T changes between weeks 3 and 13 of them
(a decline goes on to the last day).

Each scenario returns a Simulated history: the Truth (tolerance per exercise at the start and end, the
direction, whether a red flag is truly present) and the days to log. `write` logs them with log_session
and record_morning, the same validation and storage as the app's forms, deterministically per seed.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from typing import Any

from services.checkins import record_morning
from services.context import Ctx
from services.sessions import log_session
from tests.ground_truth_model import CHANGE_TO, Day, Episode, Simulated, Tolerance, Truth
from tracker.pain import DEFAULT_PAIN_LIMIT, NRS_MAX, NRS_MIN
from tracker.session_input import SessionInput

LAST_DAY = date(2026, 11, 20)
# The range a report covers: 16 weeks, after 4 weeks of logging at the starting tolerance, so a level
# that looks back a few weeks has something to look at on the range's first day too.
DAYS = 16 * 7
RUN_IN_DAYS = 28
REGION = "lower_back"
LIMIT = DEFAULT_PAIN_LIMIT
# The person plans from what they could do this many days ago (nobody knows their tolerance today).
PLAN_LAG_DAYS = 7
SETS, REPS = 3, 12
LOAD_STEP_KG = 2.5
# Strength on Monday and Thursday, a treadmill walk on Tuesday and Saturday; one planned session in ten is missed.
STRENGTH_DAYS, CARDIO_DAYS = (0, 3), (1, 5)
MISSED = 0.1
CHECKIN_CHANCE = 0.9
# How a session's work compares with the planned amount: (share of sessions, lowest, highest fraction).
NORMAL, SHORT, OVERSHOOT = (0.75, 0.85, 1.0), (0.15, 0.4, 0.6), (0.10, 1.05, 1.25)
# A usual session is most often close to the plan: the fraction's most likely value.
USUAL_FRACTION = 0.97
EASED = (0.4, 0.6)
"""Work during an episode of raised pain: the person eases off."""
# Where each main exercise's true tolerance starts (a range; the seed picks a value).
STARTS = {"Leg press": (80.0, 110.0), "Chest press machine": (35.0, 50.0), "Treadmill walk": (25.0, 35.0)}
WARM_UP_MINUTES = (5, 10)


def _rate(rng: random.Random, level: float) -> int:
    """A 0-10 rating of a true level: up to half a point of wobble either way, rounded."""
    return int(min(NRS_MAX, max(NRS_MIN, round(level + rng.uniform(-0.5, 0.5)))))


def _fraction(rng: random.Random) -> float:
    """How much of the planned work a session does (see NORMAL, SHORT, OVERSHOOT)."""
    pick = rng.random()
    for share, lo, hi in (SHORT, OVERSHOOT):
        if pick < share:
            return rng.uniform(lo, hi)
        pick -= share
    return _usual(rng)


def _usual(rng: random.Random) -> float:
    """A usual session's fraction of the plan: 85-100%, most often close to it."""
    return rng.triangular(NORMAL[1], NORMAL[2], USUAL_FRACTION)


def _strength(name: str, load: float, over_by: float, short: bool) -> dict[str, Any]:
    """Sets at `load`; near or over the tolerance the later sets fall short of the rep target."""
    fall_short = max(0.0, over_by + 0.1) * 20  # 2 reps short on the last set at exactly T, more past it
    sets = 2 if short else SETS
    return {
        "exercise": name,
        "sets": [{"weight": load, "reps": max(1, REPS - round(fall_short * i / 2))} for i in range(sets)],
    }


class _Person:
    """Draws one person's days for a scenario (all randomness from one seeded generator)."""

    def __init__(self, seed: int, scenario: str, tolerances: tuple[Tolerance, ...], episode: Episode | None) -> None:
        self.rng = random.Random(f"{scenario}:{seed}")
        self.usual = self.rng.uniform(2.0, 3.0)
        self.tolerances = tolerances
        self.episode = episode
        self.first = LAST_DAY - timedelta(days=DAYS - 1)
        self.morning_rise = 0

    def rest(self, day: int) -> float:
        """The true resting pain on a day."""
        if self.episode is None or not self.episode.covers(day):
            return self.usual
        return self.usual + self.episode.extra if self.episode.level is None else self.episode.level

    def watching(self, day: int) -> bool:
        """Checking in every morning: during the episode and the day after it."""
        return self.episode is not None and self.episode.first <= day <= self.episode.first + self.episode.days

    def day(self, day: int, trained_yesterday: bool) -> Day:
        """The check-in on waking (after yesterday's session, or any day of an episode) and today's session."""
        rng = self.rng
        morning = None
        if self.watching(day) or (trained_yesterday and rng.random() < CHECKIN_CHANCE):
            morning = {REGION: max(_rate(rng, self.rest(day)), self.morning_rise)}
        self.morning_rise = 0
        weekday = (self.first + timedelta(days=day)).weekday()
        planned = weekday in STRENGTH_DAYS + CARDIO_DAYS and rng.random() >= MISSED
        episode = self.episode if self.episode is not None and self.episode.covers(day) else None
        if not planned or (episode is not None and not episode.train):
            return Day(self.first + timedelta(days=day), morning)
        kinds = ("strength",) if weekday in STRENGTH_DAYS else ("cardio",)
        session, over = self.session(day, kinds, eased=episode is not None)
        return Day(self.first + timedelta(days=day), morning, session, over)

    def session(self, day: int, kinds: tuple[str, ...], eased: bool) -> tuple[dict[str, Any], bool]:
        """One session: the main exercises of its kind at a fraction of the planned work (strength days open
        with a short treadmill warm-up, as people do), and the pain it causes; also whether it went over T."""
        rng = self.rng
        mains = [t for t in self.tolerances if t.category in kinds]
        fraction = rng.uniform(*EASED) if eased else _fraction(rng)
        overshooting = rng.choice(mains) if fraction > 1 else None
        entries: list[dict[str, Any]] = []
        if "strength" in kinds:
            entries.append({"exercise": "Treadmill walk", "minutes": rng.randint(*WARM_UP_MINUTES)})
        worst = 0.0  # the largest share of true tolerance any exercise reached
        for t in mains:
            share = fraction if t is overshooting or fraction <= 1 else _usual(rng)
            planned = t.on(day - PLAN_LAG_DAYS) * share
            if t.category == "strength":
                step = math.ceil if share > 1 else math.floor
                amount = max(LOAD_STEP_KG, step(planned / LOAD_STEP_KG) * LOAD_STEP_KG)
                over_by = amount / t.on(day) - 1
                entries.append(_strength(t.exercise, amount, over_by, short=share < NORMAL[1]))
            else:
                amount = float((math.ceil if share > 1 else math.floor)(planned))
                entries.append({"exercise": t.exercise, "minutes": amount})
            worst = max(worst, amount / t.on(day))
        rest = self.rest(day)
        before = _rate(rng, rest)
        during = _rate(rng, rest + 0.5 + 2.0 * min(worst, 1.0))
        if eased:
            during = before + 1  # even light work adds to pain that is already raised: just over the limit
        elif worst <= 1:
            during = min(during, LIMIT)
        else:
            excess = worst - 1
            both = excess > 0.15  # a big overshoot hurts during and the next morning
            pushed_over = both or rng.random() < 0.5
            if pushed_over:
                during = max(during, LIMIT + 1 + both)  # over the limit, never near a red flag's 8
            if both or not pushed_over:
                self.morning_rise = min(NRS_MAX, before + 2 + both)
        after = _rate(rng, rest + (during - rest) / 2)
        clock = time(rng.choice((7, 12, 17, 18)), rng.choice((0, 15, 30, 45)))
        raw = {
            "started_at": datetime.combine(self.first + timedelta(days=day), clock),
            "entries": entries,
            "pains": [{"region": REGION, "before": before, "during": min(NRS_MAX, during), "after": after}],
        }
        return raw, worst > 1


def simulate(
    scenario: str,
    seed: int,
    change: float,
    episode: Episode | None = None,
    red_flag: bool = False,
    change_to: int = CHANGE_TO,
) -> Simulated:
    """A 4-week run-in and 16 weeks in which every main exercise's tolerance changes by `change` (0.3 is +30%)."""
    rng = random.Random(f"{scenario}:{seed}:tolerance")
    kind = {"Treadmill walk": "cardio"}
    tolerances = tuple(
        Tolerance(name, kind.get(name, "strength"), start, start * (1 + change), change_to=change_to)
        for name, span in STARTS.items()
        for start in [round(rng.uniform(*span), 1)]
    )
    person = _Person(seed, scenario, tolerances, episode)
    days = []
    trained = False
    for day in range(-RUN_IN_DAYS, DAYS):
        found = person.day(day, trained)
        trained = found.session is not None
        days.append(found)
    episode_days = tuple(person.first + timedelta(days=d) for d in range(DAYS) if episode and episode.covers(d))
    truth = Truth(scenario, seed, person.first, LAST_DAY, tolerances, red_flag, episode_days)
    return Simulated(truth, tuple(days))


def rising(seed: int) -> Simulated:
    """Tolerance up 30% from week 3 to week 13, resting pain steady."""
    return simulate("rising", seed, 0.30)


def flat(seed: int) -> Simulated:
    """Tolerance unchanged for 16 weeks."""
    return simulate("flat", seed, 0.0)


def declining(seed: int) -> Simulated:
    """Tolerance down 25% from week 3 to the last day (the person keeps planning from what they did a week ago)."""
    return simulate("declining", seed, -0.25, change_to=DAYS - 1)


def flare_up(seed: int) -> Simulated:
    """Rising tolerance (+20%) with a flare-up 9-12 days before the end: resting pain 3 points up for 2-4 days."""
    rng = random.Random(f"flare:{seed}")
    return simulate("flare_up", seed, 0.20, Episode(DAYS - rng.randint(9, 12), rng.randint(2, 4), extra=3.0))


def bad_day(seed: int) -> Simulated:
    """Flat tolerance and one day of 6-7 at rest (no training that day) a week or so before the end, then back."""
    rng = random.Random(f"bad day:{seed}")
    return simulate("bad_day", seed, 0.0, Episode(DAYS - rng.randint(6, 10), 1, level=6.5, train=False))


def red_flag_high(seed: int) -> Simulated:
    """Flat tolerance, then 8-9/10 at rest on each of the last 5 days (no training then): a true red flag."""
    return simulate("red_flag_high", seed, 0.0, Episode(DAYS - 5, 5, level=8.5, train=False), red_flag=True)


def red_flag_raised(seed: int) -> Simulated:
    """Flat tolerance, then resting pain 3-4 points up for the last 16 days despite lighter work: a true red flag."""
    return simulate("red_flag_raised", seed, 0.0, Episode(DAYS - 16, 16, extra=3.5), red_flag=True)


SCENARIOS = (rising, flat, declining, flare_up, bad_day, red_flag_high, red_flag_raised)


def write(ctx: Ctx, history: Simulated) -> Iterator[date]:
    """Log the history day by day through the services (check-in on waking, then the session); yields each day."""
    for day in history.days:
        if day.morning:
            record_morning(ctx, day.day, day.morning, today=day.day)
        if day.session:
            given = SessionInput.from_mapping(day.session)
            log_session(ctx, given, now=day.session["started_at"] + timedelta(hours=2))
        yield day.day

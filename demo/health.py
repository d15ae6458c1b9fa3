"""Function goals, medication and sleep for demo histories: they follow the same pain story as the sessions.

As resting pain eases, the three activities get easier, the regular painkiller's dose is lowered, as-needed
doses become rarer and nights get better; a flare-up costs a little of each for its few days.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from demo.pain import PainModel, clamp_nrs
from tracker.medication import Dose, Regular

ACTIVITIES = ("Climb two flights of stairs", "Carry the shopping home", "Sit through a film")
# Where each activity starts (0 unable, 10 as before) and how many points it gains over the story.
ACTIVITY_START = (3.0, 4.0, 5.0)
ACTIVITY_GAIN = (4.5, 4.0, 3.0)
RATE_EVERY_DAYS = 14
# The physiotherapist suggested the scale 25 fortnights before the end (or at the start of a shorter story), so
# the 12 months a new user sees first hold every round; from then on the activities improve steadily.
RATED_DAYS = 25 * RATE_EVERY_DAYS
RATING_PACE_DAYS = 150.0
FLARE_COST = 0.4
# Two answers to the global impression of change: about halfway, and two weeks before the end.
PGIC_ANSWERS = ((0.5, 3), (1.0, 2))  # (share of the history, score: 3 a little improved, 2 much improved)
PGIC_LAST_GAP_DAYS = 14
REGULAR = ("Naproxen", "mg", 500.0, 250.0)  # name, unit, first dose, the lowered dose
# The dose is halved after this share of the history, once pain has eased for a good while.
LOWER_DOSE_AT = 0.6
AS_NEEDED = ("Paracetamol", "mg", 1000.0)
# The chance of an as-needed dose on a day: a small base, more for each point of pain above 2, more in a flare.
DOSE_BASE, DOSE_PER_POINT, DOSE_IN_FLARE, DOSE_FREE_LEVEL = 0.01, 0.15, 0.5, 2.0
# Sleep before a morning with pain 2 on waking is about 7/10; each point of pain more costs about one.
SLEEP_BEST, SLEEP_PER_POINT, SLEEP_NOISE = 7.0, 1.0, 0.9


@dataclass(frozen=True)
class DemoHealth:
    """What the demo person rated and took besides their sessions."""

    activities: tuple[str, ...]
    ratings: tuple[tuple[date, tuple[int, ...]], ...]
    """One rating round per fortnight: its day and a score per activity, in the order of `activities`."""
    pgic: tuple[tuple[date, int], ...]
    regular: tuple[Regular, ...]
    doses: tuple[Dose, ...]
    sleep: tuple[tuple[date, int], ...]
    """Sleep quality 0-10 on the mornings with a check-in."""


def _progress(day: int) -> float:
    """How far along the activities' recovery is `day` days after the first rating, 0 towards 1."""
    return 1 - math.exp(-day / RATING_PACE_DAYS)


def _ratings(rng: random.Random, model: PainModel, first: date, days: int) -> list[tuple[date, tuple[int, ...]]]:
    rounds = []
    begin = max(0, days - RATED_DAYS)
    for day in range(begin, days, RATE_EVERY_DAYS):
        flare = model.flaring(day)
        scores = tuple(
            clamp_nrs(start + gain * _progress(day - begin) - FLARE_COST * flare + rng.uniform(-0.6, 0.6))
            for start, gain in zip(ACTIVITY_START, ACTIVITY_GAIN, strict=True)
        )
        rounds.append((first + timedelta(days=day), scores))
    return rounds


def _pgic(first: date, days: int) -> list[tuple[date, int]]:
    answers = {}
    for share, score in PGIC_ANSWERS:
        day = min(round(days * share), days - PGIC_LAST_GAP_DAYS)
        if day > 0:
            answers[first + timedelta(days=day)] = score
    return sorted(answers.items())


def _regular(first: date, days: int) -> list[Regular]:
    name, unit, dose, lowered = REGULAR
    change = round(days * LOWER_DOSE_AT)
    if change < 2:
        return [Regular(name, dose, unit, first)]
    last_full = first + timedelta(days=change - 1)
    return [Regular(name, dose, unit, first, last_full), Regular(name, lowered, unit, last_full + timedelta(days=1))]


def _doses(rng: random.Random, model: PainModel, first: date, days: int) -> list[Dose]:
    name, unit, amount = AS_NEEDED
    found = []
    for day in range(days):
        above = max(0.0, model.mean_level(day) - DOSE_FREE_LEVEL)
        chance = DOSE_BASE + DOSE_PER_POINT * above + (DOSE_IN_FLARE if model.flaring(day) >= 1 else 0)
        if rng.random() < chance:
            clock = time(rng.randint(8, 21), rng.choice((0, 15, 30, 45)))
            found.append(Dose(name, amount, unit, datetime.combine(first + timedelta(days=day), clock)))
    return found


def _sleep(rng: random.Random, mornings: Iterable[tuple[date, int]]) -> list[tuple[date, int]]:
    """A rating per check-in morning, lower the more it hurt on waking (a poor night and a sore morning go
    together, so "what helps" has something to compare)."""
    waking: dict[date, list[int]] = {}
    for morning, pain in mornings:
        waking.setdefault(morning, []).append(pain)
    nights = []
    for morning, pains in sorted(waking.items()):
        above = sum(pains) / len(pains) - DOSE_FREE_LEVEL
        nights.append((morning, clamp_nrs(SLEEP_BEST - SLEEP_PER_POINT * above + rng.gauss(0, SLEEP_NOISE))))
    return nights


def demo_health(
    rng: random.Random, model: PainModel, first: date, days: int, mornings: Iterable[tuple[date, int]]
) -> DemoHealth:
    """Function goals, PGIC, medication and sleep over `days` days from `first`; sleep on the check-in mornings
    given as (day, pain on waking in one region)."""
    return DemoHealth(
        ACTIVITIES,
        tuple(_ratings(rng, model, first, days)),
        tuple(_pgic(first, days)),
        tuple(_regular(first, days)),
        tuple(_doses(rng, model, first, days)),
        tuple(_sleep(rng, mornings)),
    )

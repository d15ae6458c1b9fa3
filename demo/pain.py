"""Synthetic pain for demo histories: a level per region and day that drifts down slowly, with a few short flares."""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass

from tracker.pain import NRS_MAX, NRS_MIN

DAYS_PER_YEAR = 365.25

# Where a region starts and how far exercise brings it down (NRS points), and how fast.
START_LEVEL = {"lower_back": 4.2}
OTHER_START = 3.6
FLOOR_SHARE = 0.5
# Resting pain stays below this even in a flare (its ratings stay under the red-flag level of 8).
HIGHEST_LEVEL = 6.9
IMPROVEMENT_DAYS = 320.0
# Flare-ups are rare and short: about two a year, 2.5-3.5 points over the usual level for 1-3 days, then
# gone; at least a month apart, and none in the last month, so the demo's today is calm.
FLARES_PER_YEAR = 2.0
FLARE_PEAK = (2.5, 3.5)
FLARE_DAYS = (1, 3)
FLARE_GAP_DAYS = 30
CALM_END_DAYS = 30
# Day-to-day wobble: a slow random walk pulled back towards the trend.
WOBBLE_STEP = 0.1
WOBBLE_PULL = 0.08


@dataclass(frozen=True)
class PainModel:
    """Daily pain level (0-10, unrounded) per region, and how much of it is a flare."""

    regions: tuple[str, ...]
    levels: dict[str, list[float]]
    flare: list[float]
    """The largest flare contribution on each day, over all regions (0 when calm)."""

    def level(self, region: str, day: int) -> float:
        """The unrounded pain level in a region on a day (days past the end repeat the last one)."""
        series = self.levels[region]
        return series[min(day, len(series) - 1)]

    def mean_level(self, day: int) -> float:
        """The level averaged over the tracked regions."""
        return sum(self.level(r, day) for r in self.regions) / len(self.regions)

    def flaring(self, day: int) -> float:
        """How many points a flare adds on this day (0 when there is none)."""
        return self.flare[min(day, len(self.flare) - 1)]

    def calm_end(self, day: int) -> bool:
        """True in the history's last CALM_END_DAYS: no flare-up and no overdone session then."""
        return day >= len(self.flare) - CALM_END_DAYS


def clamp_nrs(value: float) -> int:
    """Round to a whole NRS score within 0-10."""
    return int(min(NRS_MAX, max(NRS_MIN, round(value))))


def flare_starts(rng: random.Random, days: int) -> list[int]:
    """The first day of each flare-up: about FLARES_PER_YEAR a year, FLARE_GAP_DAYS apart, none near the end."""
    room = days - CALM_END_DAYS
    wanted = round(FLARES_PER_YEAR * days / DAYS_PER_YEAR)
    starts: list[int] = []
    for _ in range(wanted * 20):  # a few tries per flare; a short history may hold fewer
        if len(starts) == wanted or room <= 0:
            break
        day = rng.randrange(room)
        if all(abs(day - s) >= FLARE_GAP_DAYS for s in starts):
            starts.append(day)
    return sorted(starts)


def _flares(rng: random.Random, days: int, regions: Sequence[str]) -> dict[str, list[float]]:
    """Extra points per region and day from flare-ups (each hits one region hard, the others a little)."""
    extra = {r: [0.0] * days for r in regions}
    for start in flare_starts(rng, days):
        peak = rng.uniform(*FLARE_PEAK)
        hit = rng.choice(list(regions))
        for day in range(start, min(days, start + rng.randint(*FLARE_DAYS))):
            for region in regions:
                extra[region][day] += peak * (1.0 if region == hit else 0.3)
    return extra


def pain_model(rng: random.Random, days: int, regions: Sequence[str]) -> PainModel:
    """Build the daily pain levels for `days` days from the first day of the history."""
    flares = _flares(rng, days, regions)
    levels: dict[str, list[float]] = {}
    for region in regions:
        start = START_LEVEL.get(region, OTHER_START) + rng.uniform(-0.5, 0.5)
        floor = start * FLOOR_SHARE
        wobble = 0.0
        series = []
        for day in range(days):
            wobble += rng.gauss(0.0, WOBBLE_STEP) - WOBBLE_PULL * wobble
            trend = floor + (start - floor) * math.exp(-day / IMPROVEMENT_DAYS)
            series.append(min(HIGHEST_LEVEL, max(0.0, trend + wobble + flares[region][day])))
        levels[region] = series
    flare = [max(flares[r][day] for r in regions) for day in range(days)]
    return PainModel(tuple(regions), levels, flare)

"""Synthetic pain for demo histories: a level per region and day that drifts down slowly, with flares."""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass

from tracker.pain import NRS_MAX, NRS_MIN

# Where a region starts and how far exercise brings it down (NRS points), and how fast.
START_LEVEL = {"lower_back": 5.0}
OTHER_START = 4.2
FLOOR_SHARE = 0.45
IMPROVEMENT_DAYS = 320.0
# A flare-up roughly every two and a half months, 2-4 points at its peak, fading over about three weeks.
FLARE_CHANCE_PER_DAY = 1 / 75
FLARE_PEAK = (2.0, 4.0)
FLARE_HALF_LIFE_DAYS = 5.0
FLARE_DAYS = 21
# Day-to-day wobble: a slow random walk pulled back towards the trend.
WOBBLE_STEP = 0.18
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


def clamp_nrs(value: float) -> int:
    """Round to a whole NRS score within 0-10."""
    return int(min(NRS_MAX, max(NRS_MIN, round(value))))


def _flares(rng: random.Random, days: int, regions: Sequence[str]) -> dict[str, list[float]]:
    """Extra points per region and day from flare-ups (each hits one region hard, the others a little)."""
    extra = {r: [0.0] * days for r in regions}
    for start in range(days):
        if rng.random() >= FLARE_CHANCE_PER_DAY:
            continue
        peak = rng.uniform(*FLARE_PEAK)
        hit = rng.choice(list(regions))
        for offset in range(min(FLARE_DAYS, days - start)):
            fade = peak * math.pow(0.5, offset / FLARE_HALF_LIFE_DAYS)
            for region in regions:
                share = 1.0 if region == hit else 0.3
                extra[region][start + offset] += fade * share
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
            series.append(min(float(NRS_MAX), max(0.0, trend + wobble + flares[region][day])))
        levels[region] = series
    flare = [max(flares[r][day] for r in regions) for day in range(days)]
    return PainModel(tuple(regions), levels, flare)

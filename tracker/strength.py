"""Strength maths: estimated one-rep max, set volume, load steps."""

from __future__ import annotations

import math
from enum import StrEnum

from tracker.units import KG_PER_LB

# Estimates drift past about ten repetitions: sets of 11-20 reps get a rough estimate, marked as less accurate
# wherever it shows (rehab plans often use 3 × 12-15), and none is made past twenty.
E1RM_MAX_REPS = 10
ROUGH_MAX_REPS = 20
# What an estimate rests on, as charts and tooltips say it.
ACCURATE_BASIS = "sets of 1-10 reps"
ROUGH_BASIS = "sets of 11-20 reps (less accurate)"
# Smallest steps that exist in most gyms, per unit.
DUMBBELL_STEP = {"kg": 1.0, "lb": 2.5}
PLATE_STEP = {"kg": 2.5, "lb": 5.0}


class Formula(StrEnum):
    """Published one-rep-max estimators."""

    EPLEY = "epley"
    BRZYCKI = "brzycki"


def e1rm(weight: float, reps: int, formula: Formula = Formula.EPLEY) -> float | None:
    """Estimated one-rep max, or None when reps are outside 1-10 or there is no load."""
    if weight <= 0 or reps < 1 or reps > E1RM_MAX_REPS:
        return None
    if reps == 1:
        return float(weight)
    if formula is Formula.BRZYCKI:
        return weight * 36.0 / (37.0 - reps)
    return weight * (1.0 + reps / 30.0)


def rough_e1rm(weight: float, reps: int, formula: Formula = Formula.EPLEY) -> float | None:
    """A less accurate one-rep max from a set of 11-20 reps (the same formula), None outside that range."""
    if weight <= 0 or reps <= E1RM_MAX_REPS or reps > ROUGH_MAX_REPS:
        return None
    if formula is Formula.BRZYCKI:
        return weight * 36.0 / (37.0 - reps)
    return weight * (1.0 + reps / 30.0)


def round_down_to_step(value_kg: float, unit: str, step_by_unit: dict[str, float]) -> float:
    """Round a load down to the nearest step that exists in the user's unit; returns kg."""
    step = step_by_unit[unit]
    in_unit = value_kg / KG_PER_LB if unit == "lb" else value_kg
    # A tiny epsilon keeps 20.0 from becoming 17.5 through float noise.
    rounded = math.floor(in_unit / step + 1e-9) * step
    return rounded * KG_PER_LB if unit == "lb" else rounded

"""Weight units: stored in kilograms, shown in the user's unit."""

from __future__ import annotations

from typing import Literal

Unit = Literal["kg", "lb"]
UNITS: tuple[Unit, ...] = ("kg", "lb")
KG_PER_LB = 0.45359237
# Display precision: one decimal place is what gyms print on plates and dumbbells.
DISPLAY_DECIMALS = 1


def check_unit(unit: str) -> Unit:
    """Return the unit if it is known, else raise ValueError."""
    if unit == "kg":
        return "kg"
    if unit == "lb":
        return "lb"
    raise ValueError(f"Unknown unit {unit!r}: choose kg or lb.")


def to_kg(value: float, unit: str) -> float:
    """Convert a weight in the given unit to kilograms."""
    return value * KG_PER_LB if check_unit(unit) == "lb" else float(value)


def kg_per(unit: str) -> float:
    """Kilograms in one of the unit (1 for kg)."""
    return KG_PER_LB if check_unit(unit) == "lb" else 1.0


def from_kg(value_kg: float, unit: str) -> float:
    """Convert kilograms to the given unit, unrounded."""
    return value_kg / KG_PER_LB if check_unit(unit) == "lb" else float(value_kg)


def display_weight(value_kg: float, unit: str) -> float:
    """Kilograms shown in the user's unit, rounded to display precision."""
    return round(from_kg(value_kg, unit), DISPLAY_DECIMALS)


def format_weight(value_kg: float | None, unit: str) -> str:
    """A weight as text with its unit, or a dash when there is none."""
    if value_kg is None:
        return "-"
    return f"{display_weight(value_kg, unit):g} {unit}"

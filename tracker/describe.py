"""Short plain-text descriptions of logged work, for tables and reports."""

from __future__ import annotations

from collections.abc import Sequence

from tracker.pain import REGIONS
from tracker.units import format_weight


def describe_sets(sets: Sequence[tuple[float | None, int]], unit: str) -> str:
    """'40 kg × 10, 40 kg × 8' (bodyweight sets show reps only)."""
    parts = []
    for weight_kg, reps in sets:
        parts.append(f"{reps} reps" if weight_kg is None else f"{format_weight(weight_kg, unit)} × {reps}")
    return ", ".join(parts)


def describe_entry(
    exercise: str,
    sets: Sequence[tuple[float | None, int]],
    minutes: float | None,
    distance_km: float | None,
    unit: str,
) -> str:
    """One exercise with its sets, or its minutes and distance."""
    if sets:
        return f"{exercise}: {describe_sets(sets, unit)}"
    detail = f"{minutes:g} min" if minutes is not None else ""
    if distance_km is not None:
        detail += f", {distance_km:g} km"
    return f"{exercise}: {detail}" if detail else exercise


def describe_pain(region: str, before: int | None, during: int | None, after: int | None) -> str:
    """'Lower back 2 → 4 → 3' (before → peak during → after; '?' where not rated)."""
    shown = ["?" if value is None else str(value) for value in (before, during, after)]
    return f"{REGIONS.get(region, region)} {' → '.join(shown)}"

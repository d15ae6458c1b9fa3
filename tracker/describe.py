"""Short plain-text descriptions of logged work, for tables and reports."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from tracker.pain import REGIONS
from tracker.units import format_weight


def describe_sets(sets: Sequence[tuple[float | None, int]], unit: str, *, compact: bool = False) -> str:
    """'40 kg × 10, 40 kg × 8' (bodyweight sets show reps only); compact: '3 × 10 at 40 kg, 1 × 8 at 45 kg'."""
    if compact:
        return ", ".join(_run(len(list(run)), reps, weight_kg, unit) for (weight_kg, reps), run in groupby(sets))
    parts = []
    for weight_kg, reps in sets:
        parts.append(f"{reps} reps" if weight_kg is None else f"{format_weight(weight_kg, unit)} × {reps}")
    return ", ".join(parts)


def _run(count: int, reps: int, weight_kg: float | None, unit: str) -> str:
    """Identical sets in a row: '3 × 10 at 40 kg', or '2 × 12 reps' without a load."""
    return f"{count} × {reps} reps" if weight_kg is None else f"{count} × {reps} at {format_weight(weight_kg, unit)}"


def describe_entry(
    exercise: str,
    sets: Sequence[tuple[float | None, int]],
    minutes: float | None,
    distance_km: float | None,
    unit: str,
    *,
    compact: bool = False,
) -> str:
    """One exercise with its sets (identical sets grouped when compact), or its minutes and distance."""
    if sets:
        return f"{exercise}: {describe_sets(sets, unit, compact=compact)}"
    detail = f"{minutes:g} min" if minutes is not None else ""
    if distance_km is not None:
        detail += f", {distance_km:g} km"
    return f"{exercise}: {detail}" if detail else exercise


def describe_pain(region: str, before: int | None, during: int | None, after: int | None) -> str:
    """'Lower back 2 → 4 → 3' (before → peak during → after; '?' where not rated)."""
    shown = ["?" if value is None else str(value) for value in (before, during, after)]
    return f"{REGIONS.get(region, region)} {' → '.join(shown)}"


def counted(n: int, word: str, plural: str = "") -> str:
    """'1 session', '2 sessions', '1,200 sets': a count with its word in the right number (`plural` when it is not
    the word plus s)."""
    return f"{n:,} {word if n == 1 else plural or word + 's'}"


def was_were(n: int) -> str:
    """The verb that agrees with a count of `n`: '1 set was', '2 sets were'."""
    return "was" if n == 1 else "were"


def joined(words: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"

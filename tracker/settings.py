"""A person's settings: units, pain limit, tracked regions, name for the report."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from tracker import validation as v
from tracker.errors import ValidationError
from tracker.pain import DEFAULT_PAIN_LIMIT, DEFAULT_REGIONS, NRS_MAX, REGIONS
from tracker.units import UNITS


@dataclass(frozen=True)
class Settings:
    """What the user chose in Settings; rule thresholds they changed are in `rules`."""

    unit: str = "kg"
    pain_limit: int = DEFAULT_PAIN_LIMIT
    regions: tuple[str, ...] = DEFAULT_REGIONS
    display_name: str = ""
    rules: Mapping[str, float] = field(default_factory=dict)


def check_settings(raw: Mapping[str, Any]) -> Settings:
    """Validate settings from the form; at least one region must be tracked."""
    errors = v.Errors()
    unit = v.choice(errors, "unit", raw.get("unit"), label="Units", options=UNITS)
    limit = v.number(
        errors,
        "pain_limit",
        raw.get("pain_limit"),
        label="Acceptable pain during exercise",
        lo=1,
        hi=NRS_MAX,
        integer=True,
    )
    regions = tuple(raw.get("regions") or ())
    if not regions:
        errors["regions"] = "Pick at least one body region to track."
    elif unknown := [r for r in regions if r not in REGIONS]:
        errors["regions"] = f"Unknown body region(s): {', '.join(map(str, unknown))}."
    name = v.text(errors, "display_name", raw.get("display_name"), label="Your name", max_len=120)
    if errors:
        raise ValidationError(errors)
    return Settings(unit, int(limit or DEFAULT_PAIN_LIMIT), regions, name, dict(raw.get("rules") or {}))

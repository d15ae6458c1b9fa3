"""A person's settings: units, pain limit, tracked regions, name for the report, calendar reminder times."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import asdict, dataclass, field
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


# Reminder times share the profile's stored settings with the rule thresholds, under this one key.
REMINDERS_KEY = "reminders"
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_CLOCK = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


@dataclass(frozen=True)
class Reminders:
    """When calendar reminders go off, as 'HH:MM' on a 24-hour clock; zone "" means the server's time zone."""

    morning: str = "08:00"
    peg_weekday: str = "monday"
    peg_at: str = "08:00"
    psfs_at: str = "08:00"
    zone: str = ""

    def stored(self) -> dict[str, str]:
        """The reminders as the JSON object kept in the profile."""
        return asdict(self)


def _clock(errors: v.Errors, field: str, value: object, label: str) -> str:
    shown = str(value or "").strip()
    found = _CLOCK.match(shown)
    if found is None:
        errors[field] = f"{label}: {shown[:20]!r} is not a time of day; use hours 0-23 and minutes, like 08:00."
        return ""
    return f"{int(found.group(1)):02d}:{found.group(2)}"


def check_reminders(raw: Mapping[str, Any], *, zones: Collection[str]) -> Reminders:
    """Validate reminder times from the form or the command line; `zones` are the time zone names known here."""
    errors = v.Errors()
    morning = _clock(errors, "morning", raw.get("morning"), "Morning check-in")
    peg_at = _clock(errors, "peg_at", raw.get("peg_at"), "Weekly PEG-3")
    psfs_at = _clock(errors, "psfs_at", raw.get("psfs_at"), "Function goals")
    day = str(raw.get("peg_weekday") or "").strip().lower()
    named = [name for name in WEEKDAYS if len(day) >= 2 and name.startswith(day)]
    if len(named) != 1:
        errors["peg_weekday"] = f"Weekly PEG-3: {day[:20]!r} is not a day of the week; use a name like Monday or Mon."
    zone = str(raw.get("zone") or "").strip()
    if zone and zone not in zones:
        errors["zone"] = f"Time zone {zone[:40]!r} is unknown; pick one from the list, like Europe/London."
    if errors:
        raise ValidationError(errors)
    return Reminders(morning, named[0], peg_at, psfs_at, zone)


def stored_reminders(stored: object, *, zones: Collection[str]) -> Reminders:
    """The reminders kept in the profile; a missing or hand-broken entry gives the defaults, never an error."""
    if not isinstance(stored, Mapping):
        return Reminders()
    try:
        return check_reminders({**Reminders().stored(), **stored}, zones=zones)
    except ValidationError:
        return Reminders()

"""Settings (reminder times among them) and the exercise list."""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import available_timezones

from sqlalchemy import select

from db.engine import retry_busy
from db.models import Exercise, Profile
from services.context import Ctx, settings_of
from tracker.catalog import Exercise as CatalogExercise
from tracker.errors import ValidationError
from tracker.records import check_exercise
from tracker.settings import REMINDERS_KEY, Reminders, Settings, check_reminders, check_settings, stored_reminders


def get_settings(ctx: Ctx) -> Settings:
    """The owner's settings."""
    with ctx.db.read() as s:
        return settings_of(s.get_one(Profile, ctx.owner_id))


@retry_busy
def save_settings(ctx: Ctx, raw: Mapping[str, Any]) -> Settings:
    """Validate and store settings; nothing is stored when any field is wrong."""
    settings = check_settings(raw)
    with ctx.db.write() as s:
        profile = s.get_one(Profile, ctx.owner_id)
        profile.unit = settings.unit
        profile.pain_limit = settings.pain_limit
        profile.regions = ",".join(settings.regions)
        profile.display_name = settings.display_name
        if "rules" in raw:
            kept = _stored(profile).get(REMINDERS_KEY)
            reminders = {} if kept is None else {REMINDERS_KEY: kept}
            profile.rule_settings = json.dumps({**settings.rules, **reminders}, sort_keys=True)
        return settings_of(profile)


@cache
def time_zones() -> tuple[str, ...]:
    """Every IANA time zone this machine knows, sorted (read once per process)."""
    return tuple(sorted(available_timezones()))


def server_zone() -> str:
    """This server's IANA time zone: TZ, else /etc/localtime's link or /etc/timezone, else UTC."""
    known = set(time_zones())
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    localtime = Path("/etc/localtime")
    if localtime.is_symlink():
        candidates.append(str(localtime.resolve()).partition("zoneinfo/")[2])
    with contextlib.suppress(OSError):
        candidates.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    return next((name for name in candidates if name in known), "UTC")


def _stored(profile: Profile) -> dict[str, Any]:
    found = json.loads(profile.rule_settings or "{}")
    return found if isinstance(found, dict) else {}


def reminders_of(profile: Profile) -> Reminders:
    """The profile's reminder times (the defaults until they save their own)."""
    return stored_reminders(_stored(profile).get(REMINDERS_KEY), zones=time_zones())


def zone_of(reminders: Reminders) -> str:
    """The time zone the person chose, or the server's when they left it empty."""
    return reminders.zone or server_zone()


def get_reminders(ctx: Ctx) -> Reminders:
    """The owner's reminder times (the defaults until they save their own)."""
    with ctx.db.read() as s:
        return reminders_of(s.get_one(Profile, ctx.owner_id))


@retry_busy
def save_reminders(ctx: Ctx, raw: Mapping[str, Any]) -> Reminders:
    """Validate and store reminder times beside the rule thresholds; nothing is stored when any field is wrong."""
    reminders = check_reminders(raw, zones=time_zones())
    with ctx.db.write() as s:
        profile = s.get_one(Profile, ctx.owner_id)
        profile.rule_settings = json.dumps({**_stored(profile), REMINDERS_KEY: reminders.stored()}, sort_keys=True)
    return reminders


def list_exercises(ctx: Ctx) -> list[CatalogExercise]:
    """The owner's exercises (shipped and their own), sorted by category then name."""
    with ctx.db.read() as s:
        rows = s.scalars(select(Exercise).where(Exercise.owner_id == ctx.owner_id))
        found = [CatalogExercise(e.name, e.category, e.equipment, e.impact, e.one_sided, e.counterpart) for e in rows]
    return sorted(found, key=lambda e: (e.category, e.name.lower()))


@retry_busy
def add_exercise(ctx: Ctx, raw: Mapping[str, Any]) -> CatalogExercise:
    """Add an exercise of the user's own; the name must be new to their list."""
    record = check_exercise(raw)
    with ctx.db.write() as s:
        taken = s.scalars(
            select(Exercise.id).where(Exercise.owner_id == ctx.owner_id, Exercise.name == record.name)
        ).first()
        if taken is not None:
            raise ValidationError({"name": f"{record.name!r} is already in your list."})
        s.add(Exercise.describing(ctx.owner_id, record, builtin=False))
    return CatalogExercise(
        record.name, record.category, record.equipment, record.impact, record.one_sided, record.counterpart
    )

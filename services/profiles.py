"""Settings and the exercise list."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select

from db.engine import retry_busy
from db.models import Exercise, Profile
from services.context import Ctx, settings_of
from tracker.catalog import Exercise as CatalogExercise
from tracker.errors import ValidationError
from tracker.records import check_exercise
from tracker.settings import Settings, check_settings


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
            profile.rule_settings = json.dumps(dict(settings.rules), sort_keys=True)
        return settings_of(profile)


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

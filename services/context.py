"""Opening the database and knowing whose data a call is about."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update

from db.engine import Database, migrate, normalise_url, retry_busy
from db.models import Exercise, Profile
from tracker.catalog import CATALOG
from tracker.pain import DEFAULT_PAIN_LIMIT, DEFAULT_REGIONS
from tracker.settings import REMINDERS_KEY, Settings

LOCAL_SUBJECT = "local"


@dataclass(frozen=True)
class Ctx:
    """A database and the owner every read and write is limited to."""

    db: Database
    owner_id: int


def open_database(target: str) -> Database:
    """Open (creating if needed) a database and migrate it to the latest schema."""
    db = Database(normalise_url(target))
    migrate(db.engine)
    return db


@retry_busy
def ensure_profile(db: Database, subject: str = LOCAL_SUBJECT, display_name: str = "") -> Ctx:
    """The profile for a subject, created with the shipped catalogue on first use."""
    with db.write() as s:
        profile = s.scalars(select(Profile).where(Profile.subject == subject)).one_or_none()
        if profile is None:
            profile = Profile(
                subject=subject,
                display_name=display_name,
                unit="kg",
                pain_limit=DEFAULT_PAIN_LIMIT,
                regions=",".join(DEFAULT_REGIONS),
                rule_settings="{}",
                created_at=datetime.now(),
            )
            s.add(profile)
            s.flush()
        have = set(s.scalars(select(Exercise.name).where(Exercise.owner_id == profile.id)))
        s.add_all(Exercise.describing(profile.id, e, builtin=True) for e in CATALOG if e.name not in have)
        return Ctx(db, profile.id)


def find_profile(db: Database, subject: str = LOCAL_SUBJECT) -> Ctx | None:
    """The existing profile for a subject, or None (nothing is created)."""
    with db.read() as s:
        found = s.scalars(select(Profile.id).where(Profile.subject == subject)).one_or_none()
    return None if found is None else Ctx(db, found)


def data_version(ctx: Ctx) -> str:
    """The owner's data version as stored now (one primary-key read); caches key their entries on it."""
    with ctx.db.read() as s:
        return s.scalars(select(Profile.data_version).where(Profile.id == ctx.owner_id)).one_or_none() or ""


@retry_busy
def bump_data_version(ctx: Ctx) -> None:
    """Give the owner's data a new version, so cached reads of it on every server miss from now on, and rebuild
    their derived Progress data (services/derived.py).

    A random value rather than a counter: a restore that puts an old profile row back cannot bring
    an old version, and with it old cache entries, back to life.
    """
    with ctx.db.write() as s:
        s.execute(update(Profile).where(Profile.id == ctx.owner_id).values(data_version=uuid.uuid4().hex))
    # Every write ends here, so the derived Progress data is rebuilt for the records as they now are.
    from services.derived import refresh

    refresh(ctx)


def settings_of(profile: Profile) -> Settings:
    """The stored profile columns as a Settings value."""
    regions = tuple(r for r in profile.regions.split(",") if r)
    # Reminder times live in the same JSON as the thresholds (services.profiles.get_reminders reads them).
    rules = {k: x for k, x in json.loads(profile.rule_settings).items() if k != REMINDERS_KEY}
    return Settings(profile.unit, profile.pain_limit, regions, profile.display_name, rules)

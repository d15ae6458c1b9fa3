"""Sleep against pain for the "what helps" section: one read of the day's pain and the night's sleep."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session as OrmSession

from db.models import Checkin, Profile
from db.progress_days import daily_pain_rows
from db.progress_sql import Scope
from services.context import Ctx, settings_of
from tracker.sleep import SleepAndPain, sleep_and_pain


def nights_in(s: OrmSession, owner_id: int, start: date, end: date) -> dict[date, int]:
    """Sleep quality per morning from `start` to `end` (both included), where it was rated, read in `s`."""
    rows = s.execute(
        select(Checkin.day, func.max(Checkin.sleep_quality))
        .where(Checkin.owner_id == owner_id, Checkin.sleep_quality.is_not(None))
        .where(Checkin.day >= start, Checkin.day <= end)
        .group_by(Checkin.day)
        .order_by(Checkin.day)
    ).all()
    return {day: int(quality) for day, quality in rows if quality is not None}


def sleep_nights(ctx: Ctx, start: date, end: date) -> dict[date, int]:
    """Sleep quality per morning from `start` to `end` (both included), where it was rated."""
    with ctx.db.read() as s:
        return nights_in(s, ctx.owner_id, start, end)


def sleep_and_pain_between(ctx: Ctx, start: date, end: date) -> SleepAndPain:
    """Resting pain on days after a good night against days after a poorer one, in the tracked regions."""
    with ctx.db.read() as s:
        regions = settings_of(s.get_one(Profile, ctx.owner_id)).regions
        days = daily_pain_rows(s, Scope(ctx.owner_id, start, end, regions))
    return sleep_and_pain({day: total / n for day, total, n in days}, sleep_nights(ctx, start, end))

"""The global impression of change (PGIC): store an answer, read the answers and whether one is due."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session as OrmSession

from db.engine import retry_busy
from db.models import ExerciseSession, PgicAnswer, Profile
from services.context import Ctx
from tracker.pgic import PgicRecord, check_pgic, is_due


@dataclass(frozen=True)
class PgicStatus:
    """The answers so far, oldest first, and whether the question is due today."""

    answers: list[PgicRecord]
    due: bool


@retry_busy
def record_pgic(ctx: Ctx, raw: Mapping[str, Any], *, today: date | None = None) -> PgicRecord:
    """Store an answer (one per day; a second one that day replaces it)."""
    record = check_pgic(raw, today=today or date.today())
    with ctx.db.write() as s:
        row = s.scalars(
            select(PgicAnswer).where(PgicAnswer.owner_id == ctx.owner_id, PgicAnswer.day == record.day)
        ).one_or_none()
        if row is None:
            row = PgicAnswer(owner_id=ctx.owner_id, day=record.day)
            s.add(row)
        row.score = record.score
    return record


def pgic_status(ctx: Ctx, *, today: date | None = None) -> PgicStatus:
    """Every answer, and whether a month has passed since the person started or last answered."""
    today = today or date.today()
    with ctx.db.read() as s:
        started = s.get_one(Profile, ctx.owner_id).created_at.date()
        # Someone who imported or restored older history started when that history did.
        first = s.scalar(select(func.min(ExerciseSession.started_at)).where(ExerciseSession.owner_id == ctx.owner_id))
        started = min(started, first.date()) if first else started
        answers = answers_in(s, ctx.owner_id)
    return PgicStatus(answers, is_due(started, answers[-1].day if answers else None, today=today))


def answers_in(s: OrmSession, owner_id: int) -> list[PgicRecord]:
    """The owner's answers, oldest first, read in the caller's transaction `s`."""
    rows = s.execute(
        select(PgicAnswer.day, PgicAnswer.score).where(PgicAnswer.owner_id == owner_id).order_by(PgicAnswer.day)
    ).all()
    return [PgicRecord(day, score) for day, score in rows]

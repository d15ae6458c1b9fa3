"""Logging, editing, deleting and restoring exercise sessions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import selectinload

from db.engine import retry_busy
from db.models import Entry, Exercise, ExerciseSession, PainRating, Profile, WorkSet
from services.context import Ctx
from tracker.errors import NotFoundError
from tracker.records import SessionRecord, check_session
from tracker.session_input import EntryInput, PainInput, SessionInput, SetInput
from tracker.units import display_weight


def _categories(s: OrmSession, owner_id: int) -> dict[str, str]:
    rows = s.execute(select(Exercise.name, Exercise.category).where(Exercise.owner_id == owner_id))
    return {name: category for name, category in rows}


def _owned(s: OrmSession, ctx: Ctx, session_id: int, *, deleted: bool = False) -> ExerciseSession:
    """The owner's session, or NotFoundError; another owner's id looks exactly like a missing one."""
    found = s.scalars(
        select(ExerciseSession)
        .where(ExerciseSession.id == session_id, ExerciseSession.owner_id == ctx.owner_id)
        .where(ExerciseSession.deleted_at.is_not(None) if deleted else ExerciseSession.deleted_at.is_(None))
        .options(selectinload(ExerciseSession.entries).selectinload(Entry.sets), selectinload(ExerciseSession.pains))
    ).one_or_none()
    if found is None:
        raise NotFoundError(f"Session {session_id} was not found.")
    return found


def _kept(weight_kg: float | None, before: Sequence[float], unit: str) -> float | None:
    """The weight stored before when the form shows the same number, so an unchanged edit changes nothing.

    Pounds are shown to one decimal place: 40 kg shows as 88.2 lb, which reads back as 40.0068 kg.
    """
    if weight_kg is None:
        return None
    shown = display_weight(weight_kg, unit)
    return next((old for old in before if display_weight(old, unit) == shown), weight_kg)


def _fill(
    s: OrmSession,
    ctx: Ctx,
    target: ExerciseSession,
    record: SessionRecord,
    before: Sequence[float] = (),
    unit: str = "kg",
) -> None:
    rows = s.execute(select(Exercise.name, Exercise.id).where(Exercise.owner_id == ctx.owner_id))
    ids = {name: exercise_id for name, exercise_id in rows}
    target.started_at = record.started_at
    target.notes = record.notes
    target.rpe = record.rpe
    target.entries = [
        Entry(
            exercise_id=ids[e.exercise],
            position=i,
            minutes=e.minutes,
            distance_km=e.distance_km,
            intensity=e.intensity,
            sets=[
                WorkSet(position=j, weight_kg=_kept(w.weight_kg, before, unit), reps=w.reps)
                for j, w in enumerate(e.sets)
            ],
        )
        for i, e in enumerate(record.entries)
    ]
    target.pains = [PainRating(region=p.region, before=p.before, during=p.during, after=p.after) for p in record.pains]


def _check(s: OrmSession, ctx: Ctx, given: SessionInput, now: datetime | None) -> SessionRecord:
    unit = s.get_one(Profile, ctx.owner_id).unit
    return check_session(given, categories=_categories(s, ctx.owner_id), unit=unit, now=now or datetime.now())


@retry_busy
def log_session(ctx: Ctx, given: SessionInput, *, now: datetime | None = None) -> int:
    """Validate and store a new session (weights in the user's unit); returns its id."""
    with ctx.db.write() as s:
        record = _check(s, ctx, given, now)
        session = ExerciseSession(owner_id=ctx.owner_id)
        _fill(s, ctx, session, record)
        s.add(session)
        s.flush()
        return session.id


@retry_busy
def update_session(ctx: Ctx, session_id: int, given: SessionInput, *, now: datetime | None = None) -> None:
    """Replace a session's details with validated new ones."""
    with ctx.db.write() as s:
        record = _check(s, ctx, given, now)
        session = _owned(s, ctx, session_id)
        before = [w.weight_kg for e in session.entries for w in e.sets if w.weight_kg is not None]
        session.entries.clear()
        session.pains.clear()
        s.flush()
        _fill(s, ctx, session, record, before, s.get_one(Profile, ctx.owner_id).unit)


def session_form(ctx: Ctx, session_id: int) -> SessionInput:
    """A stored session as form input (weights in the user's unit), for editing."""
    with ctx.db.read() as s:
        unit = s.get_one(Profile, ctx.owner_id).unit
        session = _owned(s, ctx, session_id)
        return SessionInput(
            started_at=session.started_at,
            notes=session.notes,
            rpe=session.rpe,
            entries=tuple(
                EntryInput(
                    exercise=e.exercise.name,
                    sets=tuple(
                        SetInput(None if w.weight_kg is None else display_weight(w.weight_kg, unit), w.reps)
                        for w in e.sets
                    ),
                    minutes=e.minutes,
                    distance_km=e.distance_km,
                    intensity=e.intensity,
                )
                for e in session.entries
            ),
            pains=tuple(PainInput(p.region, p.before, p.during, p.after) for p in session.pains),
        )


@retry_busy
def delete_session(ctx: Ctx, session_id: int, *, now: datetime | None = None) -> None:
    """Move a session to the bin; restore_session brings it back."""
    with ctx.db.write() as s:
        _owned(s, ctx, session_id).deleted_at = now or datetime.now()


@retry_busy
def restore_session(ctx: Ctx, session_id: int) -> None:
    """Take a session out of the bin (the undo of delete_session)."""
    with ctx.db.write() as s:
        _owned(s, ctx, session_id, deleted=True).deleted_at = None


def deleted_sessions(ctx: Ctx) -> list[tuple[int, datetime, datetime]]:
    """Sessions in the bin: id, when it took place, when it was deleted; newest deletion first."""
    with ctx.db.read() as s:
        rows = s.execute(
            select(ExerciseSession.id, ExerciseSession.started_at, ExerciseSession.deleted_at)
            .where(ExerciseSession.owner_id == ctx.owner_id, ExerciseSession.deleted_at.is_not(None))
            .order_by(ExerciseSession.deleted_at.desc())
        )
        return [(i, started, deleted) for i, started, deleted in rows if deleted is not None]

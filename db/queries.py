"""Read side: one owner's data as tidy pandas DataFrames (weights in kg, as stored)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pandas as pd
from sqlalchemy import Executable, func, select
from sqlalchemy.orm import Session as OrmSession

from db.models import (
    AsNeededDose,
    Checkin,
    Entry,
    Exercise,
    ExerciseSession,
    PainRating,
    PegCheckin,
    PgicAnswer,
    PressureThreshold,
    PsfsRating,
    WorkSet,
)
from db.rows import live_sessions


def _frame(s: OrmSession, stmt: Executable, dates: tuple[str, ...] = ()) -> pd.DataFrame:
    frame = pd.read_sql(stmt, s.connection())
    for column in dates:
        frame[column] = pd.to_datetime(frame[column])
    return frame


def sessions(s: OrmSession, owner_id: int, start: datetime | None = None, end: datetime | None = None) -> pd.DataFrame:
    """One row per live session: session_id, started_at, notes, rpe."""
    stmt = (
        select(
            ExerciseSession.id.label("session_id"),
            ExerciseSession.started_at,
            ExerciseSession.notes,
            ExerciseSession.rpe,
        )
        .where(*live_sessions(owner_id, start, end))
        .order_by(ExerciseSession.started_at)
    )
    return _frame(s, stmt, ("started_at",))


def entries(s: OrmSession, owner_id: int, start: datetime | None = None, end: datetime | None = None) -> pd.DataFrame:
    """One row per exercise done: session, exercise details, minutes, distance, intensity."""
    stmt = (
        select(
            Entry.id.label("entry_id"),
            Entry.session_id,
            ExerciseSession.started_at,
            Entry.position,
            Exercise.name.label("exercise"),
            Exercise.category,
            Exercise.equipment,
            Exercise.impact,
            Exercise.one_sided,
            Entry.minutes,
            Entry.distance_km,
            Entry.intensity,
        )
        .join(ExerciseSession, Entry.session_id == ExerciseSession.id)
        .join(Exercise, Entry.exercise_id == Exercise.id)
        .where(*live_sessions(owner_id, start, end))
        .order_by(ExerciseSession.started_at, Entry.position)
    )
    return _frame(s, stmt, ("started_at",))


def sets(s: OrmSession, owner_id: int, start: datetime | None = None, end: datetime | None = None) -> pd.DataFrame:
    """One row per strength set: session, exercise, equipment, set number, weight_kg, reps."""
    stmt = (
        select(
            Entry.session_id,
            ExerciseSession.started_at,
            Entry.id.label("entry_id"),
            Exercise.name.label("exercise"),
            Exercise.equipment,
            WorkSet.position.label("set_number"),
            WorkSet.weight_kg,
            WorkSet.reps,
        )
        .join(Entry, WorkSet.entry_id == Entry.id)
        .join(ExerciseSession, Entry.session_id == ExerciseSession.id)
        .join(Exercise, Entry.exercise_id == Exercise.id)
        .where(*live_sessions(owner_id, start, end))
        .order_by(ExerciseSession.started_at, Entry.position, WorkSet.position)
    )
    return _frame(s, stmt, ("started_at",))


def pains(s: OrmSession, owner_id: int, start: datetime | None = None, end: datetime | None = None) -> pd.DataFrame:
    """One row per session and region: before, during, after."""
    stmt = (
        select(
            PainRating.session_id,
            ExerciseSession.started_at,
            PainRating.region,
            PainRating.before,
            PainRating.during,
            PainRating.after,
        )
        .join(ExerciseSession, PainRating.session_id == ExerciseSession.id)
        .where(*live_sessions(owner_id, start, end))
        .order_by(ExerciseSession.started_at, PainRating.region)
    )
    return _frame(s, stmt, ("started_at",))


def checkins(s: OrmSession, owner_id: int, start: date | None = None) -> pd.DataFrame:
    """Next-morning check-ins: day, region, pain, linked session_id (may be empty)."""
    stmt = select(Checkin.day, Checkin.region, Checkin.pain, Checkin.session_id).where(Checkin.owner_id == owner_id)
    if start is not None:
        stmt = stmt.where(Checkin.day >= start)
    return _frame(s, stmt.order_by(Checkin.day, Checkin.region), ("day",))


def pegs(s: OrmSession, owner_id: int, start: date | None = None) -> pd.DataFrame:
    """Weekly PEG-3 check-ins with their three items."""
    stmt = select(PegCheckin.day, PegCheckin.pain, PegCheckin.enjoyment, PegCheckin.activity).where(
        PegCheckin.owner_id == owner_id
    )
    if start is not None:
        stmt = stmt.where(PegCheckin.day >= start)
    return _frame(s, stmt.order_by(PegCheckin.day), ("day",))


def pressures(s: OrmSession, owner_id: int, start: date | None = None) -> pd.DataFrame:
    """Pressure pain thresholds: day, site, the three trials and their mean (kg/cm2)."""
    stmt = select(
        PressureThreshold.day,
        PressureThreshold.site,
        PressureThreshold.trial1,
        PressureThreshold.trial2,
        PressureThreshold.trial3,
        PressureThreshold.mean,
    ).where(PressureThreshold.owner_id == owner_id)
    if start is not None:
        stmt = stmt.where(PressureThreshold.day >= start)
    return _frame(s, stmt.order_by(PressureThreshold.day, PressureThreshold.id), ("day",))


# --- Progress page: reads limited to a date range, aggregated where the database does it best ---------


def day_range(start: date, end: date) -> tuple[datetime, datetime]:
    """Datetimes covering the days start..end, both included."""
    return datetime.combine(start, time.min), datetime.combine(end + timedelta(days=1), time.min)


def exercises_done(s: OrmSession, owner_id: int) -> list[str]:
    """Names of the exercises the owner has logged in live sessions, alphabetically.

    Asked per exercise (is there any live entry of it?), which reads a few index entries each instead of
    every entry of a long history.
    """
    logged = (
        select(Entry.id)
        .join(ExerciseSession, Entry.session_id == ExerciseSession.id)
        .where(Entry.exercise_id == Exercise.id, *live_sessions(owner_id))
        .exists()
    )
    stmt = select(Exercise.name).where(Exercise.owner_id == owner_id, logged).order_by(Exercise.name)
    return list(s.scalars(stmt))


def first_day(s: OrmSession, owner_id: int) -> date | None:
    """The day of the owner's earliest live session or check-in, or None when there is nothing yet."""
    started = s.scalar(select(func.min(ExerciseSession.started_at)).where(*live_sessions(owner_id)))
    checked = s.scalar(select(func.min(Checkin.day)).where(Checkin.owner_id == owner_id))
    days = [d.date() if isinstance(d, datetime) else d for d in (started, checked) if d is not None]
    return min(days) if days else None


def first_record_day(s: OrmSession, owner_id: int) -> date | None:
    """The day of the owner's earliest record a report shows as an event (a live session, a morning check-in, PEG-3,
    a pressure threshold, a function goal rating, a global impression answer or an as-needed dose), or None.
    Regular medication is left out: it is shown as taken since its first day, however long before."""
    days = [first_day(s, owner_id)]
    for table in (PegCheckin, PressureThreshold, PsfsRating, PgicAnswer):
        days.append(s.scalar(select(func.min(table.day)).where(table.owner_id == owner_id)))
    days.append(s.scalar(select(func.min(AsNeededDose.taken_at)).where(AsNeededDose.owner_id == owner_id)))
    found = [d.date() if isinstance(d, datetime) else d for d in days if d is not None]
    return min(found) if found else None

"""Read side for the home page and the rules: plain rows and counts, without pandas.

The home page (the first page a server draws) and the suggestions on it read the whole history for the rules
and the last seven days for the summary. DataFrames cost more than these reads (and pandas more to import than
the page takes to run), so they are read as tuples. The orders match db/queries.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session as OrmSession

from db.models import Checkin, Entry, Exercise, ExerciseSession, PainRating, WorkSet
from db.rows import Rows, live_sessions, rows


class RulesRows(NamedTuple):
    """The whole live history as the rules read it (tracker/history.make_history)."""

    sessions: Rows
    """id, started_at."""
    entries: Rows
    """session id, entry id, exercise, minutes."""
    sets: Rows
    """entry id, weight_kg, reps."""
    pains: Rows
    """session id, region, before, during."""
    checkins: Rows
    """day, region, pain, linked session id (or None)."""


def rules_rows(s: OrmSession, owner_id: int) -> RulesRows:
    """Every live session of the owner with its exercises, sets and pain, and every check-in."""
    by_start = ExerciseSession.started_at
    return RulesRows(
        sessions=rows(s, select(ExerciseSession.id, by_start).where(*live_sessions(owner_id)).order_by(by_start)),
        entries=rows(
            s,
            select(Entry.session_id, Entry.id, Exercise.name, Entry.minutes)
            .join(ExerciseSession, Entry.session_id == ExerciseSession.id)
            .join(Exercise, Entry.exercise_id == Exercise.id)
            .where(*live_sessions(owner_id))
            .order_by(by_start, Entry.position),
        ),
        sets=rows(
            s,
            select(WorkSet.entry_id, WorkSet.weight_kg, WorkSet.reps)
            .join(Entry, WorkSet.entry_id == Entry.id)
            .join(ExerciseSession, Entry.session_id == ExerciseSession.id)
            .where(*live_sessions(owner_id))
            .order_by(by_start, Entry.position, WorkSet.position),
        ),
        pains=rows(
            s,
            select(PainRating.session_id, PainRating.region, PainRating.before, PainRating.during)
            .join(ExerciseSession, PainRating.session_id == ExerciseSession.id)
            .where(*live_sessions(owner_id))
            .order_by(by_start, PainRating.region),
        ),
        checkins=rows(
            s,
            select(Checkin.day, Checkin.region, Checkin.pain, Checkin.session_id)
            .where(Checkin.owner_id == owner_id)
            .order_by(Checkin.day, Checkin.region),
        ),
    )


def anything_logged(s: OrmSession, owner_id: int) -> bool:
    """True once the owner has a live session or a check-in."""
    session = select(ExerciseSession.id).where(*live_sessions(owner_id)).limit(1)
    checkin = select(Checkin.id).where(Checkin.owner_id == owner_id).limit(1)
    return s.scalar(session) is not None or s.scalar(checkin) is not None


class WeekRows(NamedTuple):
    """What the home page sums up over a few days."""

    sessions: int
    strength_sets: int
    cardio_minutes: float
    during: Sequence[int]
    """Pain during exercise of each rating that has one."""


def week_rows(s: OrmSession, owner_id: int, start: datetime, end: datetime) -> WeekRows:
    """Live sessions started in [start, end): how many, their sets, cardio minutes and pain during."""
    live = live_sessions(owner_id, start, end)
    in_range = select(ExerciseSession.id).where(*live).scalar_subquery()
    sessions = s.scalar(select(func.count()).select_from(ExerciseSession).where(*live))
    sets = s.scalar(
        select(func.count(WorkSet.id))
        .join(Entry, WorkSet.entry_id == Entry.id)
        .join(Exercise, Entry.exercise_id == Exercise.id)
        .where(Entry.session_id.in_(in_range))
    )
    cardio = s.scalar(
        select(func.sum(Entry.minutes))
        .join(Exercise, Entry.exercise_id == Exercise.id)
        .where(Entry.session_id.in_(in_range), Exercise.category == "cardio")
    )
    rated = select(PainRating.during).where(PainRating.session_id.in_(in_range), PainRating.during.is_not(None))
    during = [value for value in s.scalars(rated) if value is not None]
    return WeekRows(sessions or 0, sets or 0, float(cardio or 0), during)

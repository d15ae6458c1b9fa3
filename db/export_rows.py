"""Read side of the export: one owner's whole history as plain rows (tuples), in the export's column order.

db/queries.py hands the same tables out as DataFrames for the pages; building a frame of every set of ten
years (and turning it back into Python values for the CSV writer) cost more than reading the rows, so the
export reads tuples straight from the cursor. The orders match db/queries.py, which the export used before.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from db.models import (
    AsNeededDose,
    Checkin,
    Entry,
    Exercise,
    ExerciseSession,
    FunctionGoal,
    Medication,
    PainRating,
    PegCheckin,
    PgicAnswer,
    PressureThreshold,
    PsfsRating,
    WorkSet,
)
from db.rows import Rows, live_sessions, rows


def sessions(s: OrmSession, owner_id: int) -> Rows:
    """Live sessions, oldest first: id, started_at, rpe, notes."""
    columns = (ExerciseSession.id, ExerciseSession.started_at, ExerciseSession.rpe, ExerciseSession.notes)
    return rows(s, select(*columns).where(*live_sessions(owner_id)).order_by(ExerciseSession.started_at))


def entries(s: OrmSession, owner_id: int) -> Rows:
    """Exercises done in live sessions: session id, position (from 0), exercise, minutes, distance_km,
    intensity, the session's started_at and the exercise's category."""
    stmt = (
        select(Entry.session_id, Entry.position, Exercise.name, Entry.minutes, Entry.distance_km, Entry.intensity,
               ExerciseSession.started_at, Exercise.category)
        .join(ExerciseSession, Entry.session_id == ExerciseSession.id)
        .join(Exercise, Entry.exercise_id == Exercise.id)
        .where(*live_sessions(owner_id))
        .order_by(ExerciseSession.started_at, Entry.position)
    )  # fmt: skip
    return rows(s, stmt)


def sets(s: OrmSession, owner_id: int) -> Rows:
    """Strength sets of live sessions: session id, entry position, set position (both from 0), weight_kg, reps,
    the session's started_at and the exercise."""
    stmt = (
        select(Entry.session_id, Entry.position, WorkSet.position, WorkSet.weight_kg, WorkSet.reps,
               ExerciseSession.started_at, Exercise.name)
        .join(Entry, WorkSet.entry_id == Entry.id)
        .join(ExerciseSession, Entry.session_id == ExerciseSession.id)
        .join(Exercise, Entry.exercise_id == Exercise.id)
        .where(*live_sessions(owner_id))
        .order_by(ExerciseSession.started_at, Entry.position, WorkSet.position)
    )  # fmt: skip
    return rows(s, stmt)


def pains(s: OrmSession, owner_id: int) -> Rows:
    """Pain ratings of live sessions: session id, region, before, during, after, the session's started_at."""
    stmt = (
        select(PainRating.session_id, PainRating.region, PainRating.before, PainRating.during, PainRating.after,
               ExerciseSession.started_at)
        .join(ExerciseSession, PainRating.session_id == ExerciseSession.id)
        .where(*live_sessions(owner_id))
        .order_by(ExerciseSession.started_at, PainRating.region)
    )  # fmt: skip
    return rows(s, stmt)


def checkins(s: OrmSession, owner_id: int) -> Rows:
    """Next-morning check-ins: day, region, pain, linked session id (or None), sleep quality (or None)."""
    stmt = select(Checkin.day, Checkin.region, Checkin.pain, Checkin.session_id, Checkin.sleep_quality)
    return rows(s, stmt.where(Checkin.owner_id == owner_id).order_by(Checkin.day, Checkin.region))


def pegs(s: OrmSession, owner_id: int) -> Rows:
    """Weekly PEG-3 check-ins: day, pain, enjoyment, activity."""
    stmt = select(PegCheckin.day, PegCheckin.pain, PegCheckin.enjoyment, PegCheckin.activity)
    return rows(s, stmt.where(PegCheckin.owner_id == owner_id).order_by(PegCheckin.day))


def pressures(s: OrmSession, owner_id: int) -> Rows:
    """Pressure pain thresholds: day, site, the three trials and their mean (kg/cm2)."""
    t = PressureThreshold
    stmt = select(t.day, t.site, t.trial1, t.trial2, t.trial3, t.mean).where(t.owner_id == owner_id)
    return rows(s, stmt.order_by(t.day, t.id))


def own_exercises(s: OrmSession, owner_id: int) -> Rows:
    """The exercises the owner added: name, category, equipment, impact, one_sided, counterpart."""
    e = Exercise
    stmt = select(e.name, e.category, e.equipment, e.impact, e.one_sided, e.counterpart)
    return rows(s, stmt.where(e.owner_id == owner_id, e.builtin.is_(False)))


def goals(s: OrmSession, owner_id: int) -> Rows:
    """Function goals in the order added: activity, day added, day retired (None while rated)."""
    g = FunctionGoal
    stmt = select(g.activity, g.created_on, g.retired_on).where(g.owner_id == owner_id)
    return rows(s, stmt.order_by(g.created_on, g.position, g.id))


def psfs(s: OrmSession, owner_id: int) -> Rows:
    """PSFS ratings: day, activity, the day that activity was added, score."""
    stmt = (
        select(PsfsRating.day, FunctionGoal.activity, FunctionGoal.created_on, PsfsRating.score)
        .join(FunctionGoal, FunctionGoal.id == PsfsRating.goal_id)
        .where(PsfsRating.owner_id == owner_id)
        .order_by(PsfsRating.day, FunctionGoal.position, FunctionGoal.id)
    )
    return rows(s, stmt)


def pgic(s: OrmSession, owner_id: int) -> Rows:
    """PGIC answers: day, score."""
    stmt = select(PgicAnswer.day, PgicAnswer.score).where(PgicAnswer.owner_id == owner_id)
    return rows(s, stmt.order_by(PgicAnswer.day))


def medications(s: OrmSession, owner_id: int) -> Rows:
    """Regular medication: name, dose, unit, first day, last day (None while taken)."""
    m = Medication
    stmt = select(m.name, m.dose, m.unit, m.start_day, m.end_day).where(m.owner_id == owner_id)
    return rows(s, stmt.order_by(m.start_day, m.id))


def doses(s: OrmSession, owner_id: int) -> Rows:
    """As-needed doses: name, dose, unit, when taken."""
    d = AsNeededDose
    stmt = select(d.name, d.dose, d.unit, d.taken_at).where(d.owner_id == owner_id)
    return rows(s, stmt.order_by(d.taken_at, d.id))

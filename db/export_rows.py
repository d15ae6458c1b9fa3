"""Read side of the export: one owner's whole history a column at a time, in the export's column order.

db/queries.py hands the same tables out as DataFrames for the pages; building a frame of every set of ten
years (and turning it back into Python values for the CSV writer) cost more than reading the rows, so the
export reads straight from the cursor (db.rows.read_columns). The orders match db/queries.py, which the export
used before. The statements are built once, with the owner as a parameter, so each is compiled once. Entries
and pain ratings leave out their session's start, the export takes it from the sessions it read; an entry holds
its exercise's id (the names are read once each), a set its entry's id (its session, entry number, start and
exercise are taken from the entries read): every value fetched from the driver costs about as much as writing it.
Positions are read as the numbers a person counts from 1 (position + 1), which SQL adds for nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Integer, bindparam, literal_column, select
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
from db.rows import Columns, live_sessions, read_columns

OWNER = bindparam("owner", type_=Integer)
ONE = literal_column("1", Integer)  # written into the SQL: the statements' only parameter is the owner
_LIVE = live_sessions(OWNER)
_STARTED = ExerciseSession.started_at

_SESSIONS = select(ExerciseSession.id, _STARTED, ExerciseSession.rpe, ExerciseSession.notes).where(*_LIVE)
_ENTRIES = (
    select(Entry.id, Entry.session_id, Entry.position + ONE, Entry.exercise_id, Entry.minutes, Entry.distance_km,
           Entry.intensity)
    .join(ExerciseSession, Entry.session_id == ExerciseSession.id)
    .where(*_LIVE)
)  # fmt: skip
_DONE = select(Entry.exercise_id).join(ExerciseSession, Entry.session_id == ExerciseSession.id).where(*_LIVE)
_NAMES = select(Exercise.id, Exercise.name, Exercise.category)
_OWN_NAMES, _NAMED = _NAMES.where(Exercise.owner_id == OWNER), _NAMES.where(Exercise.id.in_(_DONE))
_SETS = (
    select(WorkSet.entry_id, WorkSet.position + ONE, WorkSet.weight_kg, WorkSet.reps)
    .join(Entry, WorkSet.entry_id == Entry.id)
    .join(ExerciseSession, Entry.session_id == ExerciseSession.id)
    .where(*_LIVE)
)
_PAINS = (
    select(PainRating.session_id, PainRating.region, PainRating.before, PainRating.during, PainRating.after)
    .join(ExerciseSession, PainRating.session_id == ExerciseSession.id)
    .where(*_LIVE)
)
_PSFS = (
    select(PsfsRating.day, FunctionGoal.activity, FunctionGoal.created_on, PsfsRating.score)
    .join(FunctionGoal, FunctionGoal.id == PsfsRating.goal_id)
    .where(PsfsRating.owner_id == OWNER)
)
_T, _G, _M, _D = PressureThreshold, FunctionGoal, Medication, AsNeededDose
_E = Exercise
STATEMENTS = {
    "sessions": _SESSIONS.order_by(_STARTED),
    "entries": _ENTRIES.order_by(_STARTED, Entry.position),
    "sets": _SETS.order_by(_STARTED, Entry.position, WorkSet.position),
    "pains": _PAINS.order_by(_STARTED, PainRating.region),
    "checkins": select(Checkin.day, Checkin.region, Checkin.pain, Checkin.session_id, Checkin.sleep_quality)
    .where(Checkin.owner_id == OWNER)
    .order_by(Checkin.day, Checkin.region),
    "pegs": select(PegCheckin.day, PegCheckin.pain, PegCheckin.enjoyment, PegCheckin.activity)
    .where(PegCheckin.owner_id == OWNER)
    .order_by(PegCheckin.day),
    "pressures": select(_T.day, _T.site, _T.trial1, _T.trial2, _T.trial3, _T.mean)
    .where(_T.owner_id == OWNER)
    .order_by(_T.day, _T.id),
    "own_exercises": select(_E.name, _E.category, _E.equipment, _E.impact, _E.one_sided, _E.counterpart).where(
        _E.owner_id == OWNER, _E.builtin.is_(False)
    ),
    "goals": select(_G.activity, _G.created_on, _G.retired_on)
    .where(_G.owner_id == OWNER)
    .order_by(_G.created_on, _G.position, _G.id),
    "psfs": _PSFS.order_by(PsfsRating.day, FunctionGoal.position, FunctionGoal.id),
    "pgic": select(PgicAnswer.day, PgicAnswer.score).where(PgicAnswer.owner_id == OWNER).order_by(PgicAnswer.day),
    "medications": select(_M.name, _M.dose, _M.unit, _M.start_day, _M.end_day)
    .where(_M.owner_id == OWNER)
    .order_by(_M.start_day, _M.id),
    "doses": select(_D.name, _D.dose, _D.unit, _D.taken_at).where(_D.owner_id == OWNER).order_by(_D.taken_at, _D.id),
}
"""Each table the export reads, by name; the columns each holds are listed at `Stored` in formats/csv_export.py."""


def table(s: OrmSession, name: str, owner_id: int) -> Columns:
    """One of STATEMENTS' tables for the owner (only the owner's rows; sessions in the bin left out)."""
    return read_columns(s, STATEMENTS[name], owner=owner_id)


def named_exercises(s: OrmSession, owner_id: int, named: Iterable[int]) -> Columns:
    """Id, name and category of the owner's exercises, or of every exercise the entries name where one of `named`
    (the entries' exercise ids) is not the owner's own (the app never writes one, but the export names it)."""
    own = read_columns(s, _OWN_NAMES, owner=owner_id)
    return own if set(named) <= set(own[0]) else read_columns(s, _NAMED, owner=owner_id)

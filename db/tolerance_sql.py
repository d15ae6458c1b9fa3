"""Per session and exercise: what was done and whether it was tolerated, for the pain-threshold picture.

One row per exercise entry (a few thousand in ten years of the main exercises): the heaviest load with its
reps, the most reps, minutes, and the session's status by the same SQL as the rest of the Progress page.
The tolerated level itself (a trailing window over these rows) is worked out in tracker/tolerance.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import Float, Select, bindparam, case, select
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import aliased

from db.models import Entry, Exercise, ExerciseSession, WorkSet
from db.progress_sql import WORSE, Scope, as_date, session_facts
from tracker.threshold import Status
from tracker.tolerance import Effort

# Looking a status up by its value; calling the enum costs more than the rest of building an effort.
STATUSES = {member.value: member for member in Status}


def effort_rows(s: OrmSession, scope: Scope, *, limit: int, kg_per_unit: float, names: Sequence[str]) -> list[Effort]:
    """The efforts on the named exercises in the scope, oldest first (loads in the user's unit)."""
    values = scope.bound() | {"limit": limit, "names": list(names), "kg_per_unit": kg_per_unit}
    return [
        Effort(
            as_date(day),
            str(name),
            str(category),
            STATUSES[state],
            None if load is None else float(load),
            None if reps is None else int(reps),
            None if minutes is None else float(minutes),
        )
        for day, state, name, category, load, reps, minutes in s.connection()
        .execute(_efforts(s.get_bind().dialect.name), values)
        .all()
    ]


@lru_cache(maxsize=4)
def _efforts(dialect: str) -> Select[*tuple[Any, ...]]:
    """effort_rows' statement, built once per dialect (parameters: Scope.bound(), limit, names, kg_per_unit)."""
    sessions = session_facts(dialect, "day")
    named = Exercise.name.in_(bindparam("names", expanding=True))
    # Each entry's best set, found by the entry's index on its few sets and joined by its key: the heaviest load
    # (loaded sets only) with the most reps at it, or, with no load at all, the most reps. Ranking all the
    # entries' sets in one window and joining the winners back cost half as much again.
    load = case((WorkSet.weight_kg > 0, WorkSet.weight_kg))
    best_id = (
        select(WorkSet.id)
        .where(WorkSet.entry_id == Entry.id)
        .order_by(load.desc().nulls_last(), WorkSet.reps.desc())
        .limit(1)
        .correlate(Entry)
        .scalar_subquery()
    )
    best = aliased(WorkSet, name="best_set")
    return (
        select(
            sessions.c.start,
            sessions.c.status,
            Exercise.name,
            Exercise.category,
            case((best.weight_kg > 0, best.weight_kg)) / bindparam("kg_per_unit", type_=Float),
            best.reps,
            Entry.minutes,
        )
        .select_from(sessions)
        .join(Entry, Entry.session_id == sessions.c.session_id)
        .join(Exercise, Entry.exercise_id == Exercise.id)
        .outerjoin(best, best.id == best_id)
        .where(named)
        .order_by(sessions.c.start, Entry.id)
    )


def session_statuses(s: OrmSession, scope: Scope, *, limit: int) -> list[tuple[int, date, Status, bool]]:
    """Every live session in the scope, oldest first: its id, day, status (as the threshold charts count it) and
    whether its next morning was worse (2 or more points above before, whatever the pain during)."""
    values = scope.bound() | {"limit": limit}
    return [
        (int(session_id), as_date(day), STATUSES[state], severity == WORSE)
        for session_id, day, state, severity in s.connection()
        .execute(_statuses(s.get_bind().dialect.name), values)
        .all()
    ]


@lru_cache(maxsize=4)
def _statuses(dialect: str) -> Select[*tuple[Any, ...]]:
    """session_statuses' statement, built once per dialect (parameters: Scope.bound(), limit)."""
    sessions = session_facts(dialect, "day")
    return (
        select(sessions.c.session_id, sessions.c.start, sessions.c.status, sessions.c.severity)
        .join(ExerciseSession, ExerciseSession.id == sessions.c.session_id)
        .order_by(ExerciseSession.started_at, ExerciseSession.id)
    )

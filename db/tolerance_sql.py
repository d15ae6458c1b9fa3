"""Per session and exercise: what was done and whether it was tolerated, for the pain-threshold picture.

One row per exercise entry (a few thousand in ten years of the main exercises): the heaviest load with its
reps, the most reps, minutes, and the session's status by the same SQL as the rest of the Progress page.
The tolerated level itself (a trailing window over these rows) is worked out in tracker/tolerance.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import Float, Select, bindparam, case, func, select
from sqlalchemy.orm import Session as OrmSession

from db.models import Entry, Exercise, ExerciseSession, WorkSet
from db.progress_sql import LIVE, Scope, as_date, session_facts
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
def _efforts(dialect: str) -> Select[Any]:
    """effort_rows' statement, built once per dialect (parameters: Scope.bound(), limit, names, kg_per_unit)."""
    sessions = session_facts(dialect, "day")
    named = Exercise.name.in_(bindparam("names", expanding=True))
    # Only the sets of the entries asked for: grouping every set in the database cost more than the rest.
    wanted = (
        select(Entry.id)
        .join(ExerciseSession, Entry.session_id == ExerciseSession.id)
        .join(Exercise, Entry.exercise_id == Exercise.id)
        .where(*LIVE, named)
    )
    # Each entry's best set in one pass: the heaviest load (loaded sets only) with the most reps at it, or, with
    # no load at all, the most reps. Two grouped subqueries joined on the load read the sets twice.
    load = case((WorkSet.weight_kg > 0, WorkSet.weight_kg))
    best_first = (load.desc().nulls_last(), WorkSet.reps.desc())
    ranked = (
        select(
            WorkSet.entry_id,
            load.label("load"),
            WorkSet.reps,
            func.row_number().over(partition_by=WorkSet.entry_id, order_by=best_first).label("place"),
        )
        .where(WorkSet.entry_id.in_(wanted))
        .subquery("ranked_sets")
    )
    top = select(ranked.c.entry_id, ranked.c.load, ranked.c.reps).where(ranked.c.place == 1).subquery("top_set")
    return (
        select(
            sessions.c.start,
            sessions.c.status,
            Exercise.name,
            Exercise.category,
            top.c.load / bindparam("kg_per_unit", type_=Float),
            top.c.reps,
            Entry.minutes,
        )
        .select_from(sessions)
        .join(Entry, Entry.session_id == sessions.c.session_id)
        .join(Exercise, Entry.exercise_id == Exercise.id)
        .outerjoin(top, top.c.entry_id == Entry.id)
        .where(named)
        .order_by(sessions.c.start, Entry.id)
    )

"""The strength chart's read: per time bucket and strength exercise, the best estimated one-rep max (e1RM).

The database applies tracker.strength's formulas to every loaded set and keeps the best per bucket, so ten
years of sets come back as a few rows per bucket.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Float, and_, case, cast, func, literal, select
from sqlalchemy.orm import Session as OrmSession

from db.models import Entry, Exercise, ExerciseSession, WorkSet
from db.progress_sql import Scope, as_date, period
from tracker.strength import E1RM_MAX_REPS, ROUGH_MAX_REPS, Formula
from tracker.threshold import STRENGTH
from tracker.trends import Bucket


def _float(value: float) -> ColumnElement[float]:
    """A float constant sent as a parameter, so PostgreSQL does double (not numeric) arithmetic like Python."""
    return literal(value, Float)


def _estimate(load: ColumnElement[Any], reps: ColumnElement[Any], formula: Formula) -> ColumnElement[Any]:
    """tracker.strength's one-rep-max formula in SQL (one rep is the load itself)."""
    if formula is Formula.BRZYCKI:
        return load * _float(36.0) / (_float(37.0) - reps)
    return load * (_float(1.0) + reps / _float(30.0))


@dataclass(frozen=True)
class StrengthRow:
    """One strength exercise in one bucket: the best e1RM from sets of 1-10 reps (`e1rm`, from `estimated`
    sets), the best rough one from sets of 11-20 reps (`rough`, from `rough_sets`), and `skipped` loaded sets
    over 20 reps."""

    start: date
    exercise: str
    e1rm: float | None
    estimated: int
    rough: float | None
    rough_sets: int
    skipped: int


def strength_rows(
    s: OrmSession,
    scope: Scope,
    *,
    bucket: Bucket,
    kg_per_unit: float,
    formula: Formula,
    names: Sequence[str] | None = None,
) -> list[StrengthRow]:
    """What the strength chart needs, per bucket and strength exercise with loaded sets (of `names` only)."""
    load = WorkSet.weight_kg / _float(kg_per_unit)
    reps = cast(WorkSet.reps, Float)
    estimate = case((WorkSet.reps == 1, load), else_=_estimate(load, reps, formula))
    accurate = and_(WorkSet.reps >= 1, WorkSet.reps <= E1RM_MAX_REPS)
    rough = and_(WorkSet.reps > E1RM_MAX_REPS, WorkSet.reps <= ROUGH_MAX_REPS)
    start = period(s, ExerciseSession.started_at, bucket)
    stmt = (
        select(
            start,
            Exercise.name,
            func.max(case((accurate, estimate))),
            func.sum(case((accurate, 1), else_=0)),
            func.max(case((rough, estimate))),
            func.sum(case((rough, 1), else_=0)),
            func.sum(case((WorkSet.reps > ROUGH_MAX_REPS, 1), else_=0)),
        )
        .join(Entry, Entry.session_id == ExerciseSession.id)
        .join(Exercise, Entry.exercise_id == Exercise.id)
        .join(WorkSet, WorkSet.entry_id == Entry.id)
        .where(*scope.live(), Exercise.category == STRENGTH, WorkSet.weight_kg > 0)
        .group_by(start, Exercise.name)
    )
    if names is not None:
        stmt = stmt.where(Exercise.name.in_(names))
    return [
        StrengthRow(
            as_date(day),
            str(name),
            None if best is None else float(best),
            int(estimated or 0),
            None if rough_best is None else float(rough_best),
            int(rough_n or 0),
            int(skipped or 0),
        )
        for day, name, best, estimated, rough_best, rough_n, skipped in s.connection().execute(stmt).all()
    ]

"""The Progress page's day-level reads: resting pain per day (with the kinds of exercise done), PEG-3 and
pressure thresholds. Few enough rows (one per day at most) to finish in Python with tracker/'s rules."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import Integer, Select, bindparam, case, func, literal, select, union_all
from sqlalchemy.orm import Session as OrmSession

from db.models import Checkin, Entry, Exercise, ExerciseSession, PainRating, PegCheckin, PressureThreshold
from db.progress_sql import FIRST_DAY, LAST_DAY, LIVE, REGIONS, Scope, as_date, period_in
from tracker.catalog import CATEGORIES


def _ratings(dialect: str) -> list[Select[Any]]:
    """Resting pain ratings as (day, total, n, kinds) rows: before and after sessions, morning check-ins
    (parameters: Scope.bound()).

    Pain at peak during exercise is left out: it belongs to the work done, not to the day's level.
    """
    counted = case((PainRating.before.is_not(None), 1), else_=0) + case((PainRating.after.is_not(None), 1), else_=0)
    from_sessions = (
        select(
            period_in(dialect, ExerciseSession.started_at, "day").label("day"),
            (func.coalesce(PainRating.before, 0) + func.coalesce(PainRating.after, 0)).label("total"),
            counted.label("n"),
            literal(0, Integer).label("kinds"),
        )
        .join(ExerciseSession, PainRating.session_id == ExerciseSession.id)
        .where(*LIVE, PainRating.region.in_(REGIONS))
    )
    from_checkins = select(
        period_in(dialect, Checkin.day, "day").label("day"),
        Checkin.pain.label("total"),
        literal(1, Integer).label("n"),
        literal(0, Integer).label("kinds"),
    ).where(
        Checkin.owner_id == bindparam("owner_id", type_=Integer),
        Checkin.day >= FIRST_DAY,
        Checkin.day <= LAST_DAY,
        Checkin.region.in_(REGIONS),
    )
    return [from_sessions, from_checkins]


# Statements with sub-queries are built once per dialect and run with Scope.bound(): building one cost about as
# much as running it over a year of ratings.
@lru_cache(maxsize=4)
def _daily_pain(dialect: str) -> Select[Any]:
    both = union_all(*_ratings(dialect)).subquery("ratings")
    return (
        select(both.c.day, func.sum(both.c.total), func.sum(both.c.n))
        .group_by(both.c.day)
        .having(func.sum(both.c.n) > 0)
        .order_by(both.c.day)
    )


def daily_pain_rows(s: OrmSession, scope: Scope) -> list[tuple[date, float, int]]:
    """Per day with any resting pain rating: their sum and number, oldest first."""
    rows = s.connection().execute(_daily_pain(s.get_bind().dialect.name), scope.bound()).all()
    return [(as_date(day), float(total), int(n)) for day, total, n in rows]


def kind_bits() -> dict[str, int]:
    """One bit per kind of exercise, in catalogue order, for `day_rows`."""
    return {category: 1 << i for i, category in enumerate(CATEGORIES)}


@lru_cache(maxsize=4)
def _days(dialect: str) -> Select[Any]:
    bits = kind_bits()
    done = (
        select(
            period_in(dialect, ExerciseSession.started_at, "day").label("day"),
            literal(0, Integer).label("total"),
            literal(0, Integer).label("n"),
            case(*((Exercise.category == key, bit) for key, bit in bits.items()), else_=0).label("kinds"),
        )
        .join(Entry, Entry.session_id == ExerciseSession.id)
        .join(Exercise, Entry.exercise_id == Exercise.id)
        .where(*LIVE)
    )
    every = union_all(*_ratings(dialect), done).subquery("days")
    return (
        select(every.c.day, func.sum(every.c.total), func.sum(every.c.n), func.sum(every.c.kinds.distinct()))
        .group_by(every.c.day)
        .order_by(every.c.day)
    )


def day_rows(s: OrmSession, scope: Scope) -> list[tuple[date, float, int, int]]:
    """Per day with resting pain ratings or sessions: the ratings' sum and number, and the kinds of exercise
    done as bits of `kind_bits` (both in one pass, for the pain trend and "what helps"), oldest first."""
    rows = s.connection().execute(_days(s.get_bind().dialect.name), scope.bound()).all()
    return [(as_date(day), float(total), int(n), int(kinds)) for day, total, n, kinds in rows]


def peg_rows(s: OrmSession, scope: Scope) -> list[tuple[date, int, int, int]]:
    """Weekly PEG-3 check-ins in the scope's days: day, pain, enjoyment, activity."""
    stmt = select(PegCheckin.day, PegCheckin.pain, PegCheckin.enjoyment, PegCheckin.activity).where(
        PegCheckin.owner_id == scope.owner_id, PegCheckin.day >= scope.start, PegCheckin.day <= scope.end
    )
    return [(day, pain, enjoyment, activity) for day, pain, enjoyment, activity in s.execute(stmt).all()]


def pressure_rows(s: OrmSession, scope: Scope) -> list[tuple[str, date, float]]:
    """Pressure pain thresholds (mean of the trials, kg/cm2) in the scope's days: site, day, mean."""
    stmt = select(PressureThreshold.site, PressureThreshold.day, PressureThreshold.mean).where(
        PressureThreshold.owner_id == scope.owner_id,
        PressureThreshold.day >= scope.start,
        PressureThreshold.day <= scope.end,
    )
    return [(site, day, mean) for site, day, mean in s.execute(stmt).all()]

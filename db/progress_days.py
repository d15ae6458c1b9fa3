"""The Progress page's day-level reads: resting pain per day (with the kinds of exercise done), PEG-3 and
pressure thresholds. Few enough rows (one per day at most) to finish in Python with tracker/'s rules."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Integer, Select, case, func, literal, select, union_all
from sqlalchemy.orm import Session as OrmSession

from db.models import Checkin, Entry, Exercise, ExerciseSession, PainRating, PegCheckin, PressureThreshold
from db.progress_sql import Scope, as_date, period
from tracker.catalog import CATEGORIES


def _ratings(s: OrmSession, scope: Scope) -> list[Select[Any]]:
    """Resting pain ratings as (day, total, n, kinds) rows: before and after sessions, morning check-ins.

    Pain at peak during exercise is left out: it belongs to the work done, not to the day's level.
    """
    counted = case((PainRating.before.is_not(None), 1), else_=0) + case((PainRating.after.is_not(None), 1), else_=0)
    from_sessions = (
        select(
            period(s, ExerciseSession.started_at, "day").label("day"),
            (func.coalesce(PainRating.before, 0) + func.coalesce(PainRating.after, 0)).label("total"),
            counted.label("n"),
            literal(0, Integer).label("kinds"),
        )
        .join(ExerciseSession, PainRating.session_id == ExerciseSession.id)
        .where(*scope.live(), PainRating.region.in_(scope.regions))
    )
    from_checkins = select(
        period(s, Checkin.day, "day").label("day"),
        Checkin.pain.label("total"),
        literal(1, Integer).label("n"),
        literal(0, Integer).label("kinds"),
    ).where(
        Checkin.owner_id == scope.owner_id,
        Checkin.day >= scope.start,
        Checkin.day <= scope.end,
        Checkin.region.in_(scope.regions),
    )
    return [from_sessions, from_checkins]


def daily_pain_rows(s: OrmSession, scope: Scope) -> list[tuple[date, float, int]]:
    """Per day with any resting pain rating: their sum and number, oldest first."""
    both = union_all(*_ratings(s, scope)).subquery("ratings")
    stmt = (
        select(both.c.day, func.sum(both.c.total), func.sum(both.c.n))
        .group_by(both.c.day)
        .having(func.sum(both.c.n) > 0)
        .order_by(both.c.day)
    )
    return [(as_date(day), float(total), int(n)) for day, total, n in s.connection().execute(stmt).all()]


def kind_bits() -> dict[str, int]:
    """One bit per kind of exercise, in catalogue order, for `day_rows`."""
    return {category: 1 << i for i, category in enumerate(CATEGORIES)}


def day_rows(s: OrmSession, scope: Scope) -> list[tuple[date, float, int, int]]:
    """Per day with resting pain ratings or sessions: the ratings' sum and number, and the kinds of exercise
    done as bits of `kind_bits` (both in one pass, for the pain trend and "what helps"), oldest first."""
    bits = kind_bits()
    done = (
        select(
            period(s, ExerciseSession.started_at, "day").label("day"),
            literal(0, Integer).label("total"),
            literal(0, Integer).label("n"),
            case(*((Exercise.category == key, bit) for key, bit in bits.items()), else_=0).label("kinds"),
        )
        .join(Entry, Entry.session_id == ExerciseSession.id)
        .join(Exercise, Entry.exercise_id == Exercise.id)
        .where(*scope.live())
    )
    every = union_all(*_ratings(s, scope), done).subquery("days")
    stmt = (
        select(every.c.day, func.sum(every.c.total), func.sum(every.c.n), func.sum(every.c.kinds.distinct()))
        .group_by(every.c.day)
        .order_by(every.c.day)
    )
    return [
        (as_date(day), float(total), int(n), int(kinds)) for day, total, n, kinds in s.connection().execute(stmt).all()
    ]


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

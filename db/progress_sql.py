"""The Progress page's heavy reads, aggregated by the database to one row per time bucket and series.

Ten years hold about 2,000 sessions, 6,000 exercises and 20,000 sets; sending those to Python to be
grouped there costs more than the rest of the page. These queries return at most a few rows per bucket.
The rules they apply (tolerated, 24-hour response, e1RM, work per set) are the ones in tracker/; the
integration tests check both give the same figures on generated histories.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    Float,
    Integer,
    Subquery,
    and_,
    case,
    cast,
    func,
    literal,
    or_,
    select,
)
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.orm import Session as OrmSession

from db.models import Checkin, Entry, Exercise, PainRating, Session, WorkSet
from db.queries import day_range
from tracker.pain import WOBBLE_POINTS
from tracker.strength import E1RM_MAX_REPS, Formula
from tracker.threshold import STRENGTH, Status
from tracker.trends import Bucket

CARDIO = "cardio"
# Severity of a region's next-morning response, worst highest (as tracker.threshold orders them).
SETTLED, SAME, WORSE = 0, 1, 2


def _float(value: float) -> ColumnElement[float]:
    """A float constant sent as a parameter, so PostgreSQL does double (not numeric) arithmetic like Python."""
    return literal(value, Float)


def period(
    s: OrmSession, column: ColumnElement[Any] | InstrumentedAttribute[Any], bucket: Bucket
) -> ColumnElement[Any]:
    """The first day of the bucket holding a timestamp: Monday weeks, calendar months and quarters.

    SQLite gives the day as ISO text and PostgreSQL as a date; `as_date` reads either.
    """
    dialect = s.get_bind().dialect.name
    if dialect == "postgresql":
        return cast(column if bucket == "day" else func.date_trunc(bucket, column), Date)
    if dialect != "sqlite":
        raise NotImplementedError(f"The Progress page supports SQLite and PostgreSQL, not {dialect}.")
    if bucket == "day":
        return func.date(column)
    if bucket == "week":
        # The coming Sunday (or today on a Sunday), then back six days: the Monday of the week.
        return func.date(column, "weekday 0", "-6 days")
    if bucket == "month":
        return func.date(column, "start of month")
    months_in = (cast(func.strftime("%m", column), Integer) - 1) % 3
    return func.date(column, "start of month", func.printf("-%d months", months_in))


def as_date(value: object) -> date:
    """A day from SQL: SQLite gives ISO text, PostgreSQL a date."""
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


@dataclass(frozen=True)
class Scope:
    """Whose sessions, which days (both included) and which body regions' pain ratings count."""

    owner_id: int
    start: date
    end: date
    regions: tuple[str, ...]

    def live(self) -> list[ColumnElement[bool]]:
        """The owner's sessions that are not deleted and started within the days."""
        first, after = day_range(self.start, self.end)
        return [
            Session.owner_id == self.owner_id,
            Session.deleted_at.is_(None),
            Session.started_at >= first,
            Session.started_at < after,
        ]


def _pain_facts(scope: Scope) -> Subquery:
    """Per session: peak pain during (worst region) and the worst next-morning response severity."""
    rise = Checkin.pain - PainRating.before
    severity = case(
        (
            and_(PainRating.before.is_not(None), Checkin.pain.is_not(None)),
            case((rise <= 0, SETTLED), (rise <= WOBBLE_POINTS, SAME), else_=WORSE),
        )
    )
    return (
        select(
            PainRating.session_id.label("session_id"),
            func.max(PainRating.during).label("peak"),
            func.max(severity).label("severity"),
        )
        .join(Session, PainRating.session_id == Session.id)
        .outerjoin(Checkin, and_(Checkin.session_id == PainRating.session_id, Checkin.region == PainRating.region))
        .where(*scope.live(), PainRating.region.in_(scope.regions))
        .group_by(PainRating.session_id)
        .subquery("pain_facts")
    )


def _status(facts: Subquery, limit: int) -> ColumnElement[str]:
    """tracker.threshold.status in SQL: over the limit, else unknown without ratings, else by the response."""
    return case(
        (facts.c.peak > limit, Status.OVER.value),
        (or_(facts.c.peak.is_(None), facts.c.severity.is_(None)), Status.UNKNOWN.value),
        (facts.c.severity == SETTLED, Status.TOLERATED.value),
        else_=Status.NOT_SETTLED.value,
    )


def _entry_facts(scope: Scope, kg_per_unit: float, formula: Formula, names: Sequence[str] | None) -> Subquery:
    """Per exercise done: its best set by work (load x reps, reps alone when unloaded) and by e1RM, in the
    user's unit, with how many sets could and could not be estimated and whether any set carried a load."""
    loaded = WorkSet.weight_kg > 0
    load = WorkSet.weight_kg / _float(kg_per_unit)
    reps = cast(WorkSet.reps, Float)
    estimable = and_(loaded, WorkSet.reps >= 1, WorkSet.reps <= E1RM_MAX_REPS)
    if formula is Formula.BRZYCKI:
        estimate = load * _float(36.0) / (_float(37.0) - reps)
    else:
        estimate = load * (_float(1.0) + reps / _float(30.0))
    one_rep = case((WorkSet.reps == 1, load), else_=estimate)
    stmt = (
        select(
            Entry.session_id.label("session_id"),
            Session.started_at.label("started_at"),
            Exercise.name.label("exercise"),
            Exercise.category.label("category"),
            Entry.minutes.label("minutes"),
            func.max(case((loaded, load * reps), else_=reps)).label("volume"),
            func.max(case((estimable, one_rep))).label("e1rm"),
            func.count(case((estimable, 1))).label("estimated"),
            func.count(case((and_(loaded, WorkSet.reps > E1RM_MAX_REPS), 1))).label("skipped"),
            func.max(case((loaded, 1), else_=0)).label("loaded"),
        )
        .join(Session, Entry.session_id == Session.id)
        .join(Exercise, Entry.exercise_id == Exercise.id)
        .outerjoin(WorkSet, WorkSet.entry_id == Entry.id)
        .where(*scope.live())
        .group_by(Entry.id, Entry.session_id, Session.started_at, Exercise.name, Exercise.category, Entry.minutes)
    )
    if names is not None:
        stmt = stmt.where(Exercise.name.in_(names))
    return stmt.subquery("entry_facts")


@dataclass(frozen=True)
class WorkRow:
    """Exercises of one name, kind of session (tolerated, over the limit...) and bucket, summed up.

    `amount` is the most work by the chosen measure and `counted` how many of them had any; `e1rm` the
    best estimate, from `estimated` sets, with `skipped` sets over the rep limit; `cardio_minutes` the
    minutes when it is cardio; `loaded` whether any set carried a load; `done` how many were logged.
    """

    start: date
    exercise: str
    category: str
    status: Status
    amount: float | None
    counted: int
    e1rm: float | None
    estimated: int
    skipped: int
    cardio_minutes: float
    loaded: bool
    done: int


def work_rows(
    s: OrmSession,
    scope: Scope,
    *,
    bucket: Bucket,
    limit: int,
    kg_per_unit: float,
    formula: Formula,
    by_e1rm: bool,
    names: Sequence[str] | None = None,
) -> list[WorkRow]:
    """Everything the tolerated-load, strength and cardio charts need, per bucket, exercise and status."""
    facts = _pain_facts(scope)
    entries = _entry_facts(scope, kg_per_unit, formula, names)
    strength = entries.c.e1rm if by_e1rm else entries.c.volume
    minutes = func.nullif(entries.c.minutes, 0)
    inner = (
        select(
            period(s, entries.c.started_at, bucket).label("start"),
            entries.c.exercise,
            entries.c.category,
            _status(facts, limit).label("status"),
            case((entries.c.category == STRENGTH, strength), else_=minutes).label("amount"),
            entries.c.e1rm,
            entries.c.estimated,
            entries.c.skipped,
            case((entries.c.category == CARDIO, minutes)).label("cardio"),
            entries.c.loaded,
        )
        .select_from(entries)
        .outerjoin(facts, facts.c.session_id == entries.c.session_id)
        .subquery("worked")
    )
    c = inner.c
    stmt = select(
        c.start,
        c.exercise,
        c.category,
        c.status,
        func.max(c.amount),
        func.count(c.amount),
        func.max(c.e1rm),
        func.sum(c.estimated),
        func.sum(c.skipped),
        func.coalesce(func.sum(c.cardio), 0),
        func.max(c.loaded),
        func.count(),
    ).group_by(c.start, c.exercise, c.category, c.status)
    return [
        WorkRow(
            as_date(start),
            str(name),
            str(category),
            Status(status),
            None if amount is None else float(amount),
            int(counted),
            None if best is None else float(best),
            int(estimated or 0),
            int(skipped or 0),
            float(cardio),
            bool(loaded),
            int(done),
        )
        for start, name, category, status, amount, counted, best, estimated, skipped, cardio, loaded, done in (
            s.connection().execute(stmt).all()
        )
    ]


def response_rows(s: OrmSession, scope: Scope, bucket: Bucket) -> list[tuple[date, int | None, int]]:
    """Sessions per bucket and worst next-morning severity (None: no check-in to compare with)."""
    facts = _pain_facts(scope)
    inner = (
        select(period(s, Session.started_at, bucket).label("start"), facts.c.severity)
        .outerjoin(facts, facts.c.session_id == Session.id)
        .where(*scope.live())
        .subquery("responses")
    )
    stmt = select(inner.c.start, inner.c.severity, func.count()).group_by(inner.c.start, inner.c.severity)
    return [
        (as_date(start), None if severity is None else int(severity), int(n))
        for start, severity, n in s.connection().execute(stmt).all()
    ]


def daily_pain_rows(s: OrmSession, scope: Scope) -> list[tuple[date, float, int]]:
    """Per day with any: the sum and number of resting pain ratings (before and after sessions, morning
    check-ins), oldest first. Pain at peak during exercise belongs to the work, not to the day's level."""
    counted = case((PainRating.before.is_not(None), 1), else_=0) + case((PainRating.after.is_not(None), 1), else_=0)
    from_sessions = (
        select(
            period(s, Session.started_at, "day").label("day"),
            (func.coalesce(PainRating.before, 0) + func.coalesce(PainRating.after, 0)).label("total"),
            counted.label("n"),
        )
        .join(Session, PainRating.session_id == Session.id)
        .where(*scope.live(), PainRating.region.in_(scope.regions))
    )
    from_checkins = select(
        period(s, Checkin.day, "day").label("day"), Checkin.pain.label("total"), literal(1, Integer).label("n")
    ).where(
        Checkin.owner_id == scope.owner_id,
        Checkin.day >= scope.start,
        Checkin.day <= scope.end,
        Checkin.region.in_(scope.regions),
    )
    both = from_sessions.union_all(from_checkins).subquery("ratings")
    stmt = (
        select(both.c.day, func.sum(both.c.total), func.sum(both.c.n))
        .group_by(both.c.day)
        .having(func.sum(both.c.n) > 0)
        .order_by(both.c.day)
    )
    return [(as_date(day), float(total), int(n)) for day, total, n in s.connection().execute(stmt).all()]


def kinds_by_day(s: OrmSession, scope: Scope) -> list[tuple[date, str]]:
    """Each day with sessions and the categories of exercise done on it (one row per pair)."""
    stmt = (
        select(period(s, Session.started_at, "day"), Exercise.category)
        .join(Entry, Entry.session_id == Session.id)
        .join(Exercise, Entry.exercise_id == Exercise.id)
        .where(*scope.live())
        .distinct()
    )
    return [(as_date(day), str(category)) for day, category in s.connection().execute(stmt).all()]

"""The Progress page's heavy reads, aggregated by the database to one row per time bucket and series.

Ten years hold about 2,000 sessions, 6,000 exercises and 20,000 sets; sending those to Python to be
grouped there costs more than the rest of the page. These queries return at most a few rows per bucket.
The rules they apply (tolerated, 24-hour response, work per set) are the ones in tracker/ (the strength
chart's e1RM is in strength_sql.py); the
integration tests check both give the same figures on generated histories.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    Integer,
    Select,
    Subquery,
    and_,
    bindparam,
    case,
    cast,
    func,
    select,
)
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.sql.elements import BindParameter

from db.models import Checkin, Entry, Exercise, ExerciseSession, PainRating
from db.queries import day_range
from tracker.pain import WOBBLE_POINTS
from tracker.threshold import Status
from tracker.trends import Bucket

CARDIO = "cardio"
# Severity of a region's next-morning response, worst highest (as tracker.threshold orders them).
SETTLED, WORSE = 0, 1


def period(
    s: OrmSession, column: ColumnElement[Any] | InstrumentedAttribute[Any], bucket: Bucket
) -> ColumnElement[Any]:
    """The first day of the bucket holding a timestamp: Monday weeks, calendar months and quarters.

    SQLite gives the day as ISO text and PostgreSQL as a date; `as_date` reads either.
    """
    return period_in(s.get_bind().dialect.name, column, bucket)


def period_in(
    dialect: str, column: ColumnElement[Any] | InstrumentedAttribute[Any], bucket: Bucket
) -> ColumnElement[Any]:
    """`period` for a database dialect's name ("sqlite" or "postgresql")."""
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
    return value if isinstance(value, date) else _iso_day(str(value))


@lru_cache(maxsize=8192)
def _iso_day(text: str) -> date:
    # Ten years hold under 4,000 days, each read many times per page (every session, rating and bucket).
    return date.fromisoformat(text[:10])


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
            ExerciseSession.owner_id == self.owner_id,
            ExerciseSession.deleted_at.is_(None),
            ExerciseSession.started_at >= first,
            ExerciseSession.started_at < after,
        ]

    def bound(self) -> dict[str, Any]:
        """Values for the parameters of `LIVE` and `REGIONS`, for a statement built once and run many times."""
        first, after = day_range(self.start, self.end)
        return {
            "owner_id": self.owner_id,
            "first": first,
            "after": after,
            "regions": list(self.regions),
            "first_day": self.start,
            "last_day": self.end,
        }


# Scope.live as parameters (values from Scope.bound): building a statement with sub-queries costs several
# milliseconds of Python, about as much as running it over a year of sessions, so such statements are built once.
LIVE: tuple[ColumnElement[bool], ...] = (
    ExerciseSession.owner_id == bindparam("owner_id", type_=Integer),
    ExerciseSession.deleted_at.is_(None),
    ExerciseSession.started_at >= bindparam("first", type_=ExerciseSession.started_at.type),
    ExerciseSession.started_at < bindparam("after", type_=ExerciseSession.started_at.type),
)
REGIONS: BindParameter[Any] = bindparam("regions", expanding=True)
# The scope's first and last day as dates (values from Scope.bound), for rows kept by day rather than by time.
FIRST_DAY: BindParameter[Any] = bindparam("first_day", type_=Date)
LAST_DAY: BindParameter[Any] = bindparam("last_day", type_=Date)


@lru_cache(maxsize=32)
def session_facts(dialect: str, bucket: Bucket) -> Subquery:
    """Per live session: its bucket's first day, the worst next-morning severity over the scope's regions, and
    whether its work counts as tolerated (tracker.threshold.status: over the limit, else unknown without
    ratings, else by the response). Built once per dialect and bucket; run with `Scope.bound()` and "limit"
    (the pain limit) as parameters.

    Sessions drive the joins (each finds its ratings and check-ins by index), so the plan stays cheap even
    when PostgreSQL has no statistics yet, as right after a bulk import.
    """
    rise = Checkin.pain - PainRating.before
    severity = func.max(
        case(
            (
                and_(PainRating.before.is_not(None), Checkin.pain.is_not(None)),
                case((rise <= WOBBLE_POINTS, SETTLED), else_=WORSE),
            )
        )
    )
    peak = func.max(PainRating.during)
    status = case(
        (peak > bindparam("limit", type_=Integer), Status.OVER.value),
        (peak.is_(None), Status.UNRATED.value),
        (severity.is_(None), Status.PENDING.value),
        (severity == SETTLED, Status.TOLERATED.value),
        else_=Status.WORSE.value,
    )
    return (
        select(
            ExerciseSession.id.label("session_id"),
            period_in(dialect, ExerciseSession.started_at, bucket).label("start"),
            severity.label("severity"),
            status.label("status"),
        )
        .outerjoin(PainRating, and_(PainRating.session_id == ExerciseSession.id, PainRating.region.in_(REGIONS)))
        .outerjoin(Checkin, and_(Checkin.session_id == PainRating.session_id, Checkin.region == PainRating.region))
        .where(*LIVE)
        .group_by(ExerciseSession.id, ExerciseSession.started_at)
        .subquery("session_facts")
    )


def response_rows(s: OrmSession, scope: Scope, bucket: Bucket) -> list[tuple[date, int | None, int]]:
    """Sessions per bucket and worst next-morning severity (None: no check-in to compare with)."""
    stmt = _responses(s.get_bind().dialect.name, bucket)
    return [
        (as_date(start), None if severity is None else int(severity), int(n))
        for start, severity, n in s.connection().execute(stmt, scope.bound() | {"limit": 0}).all()
    ]


@lru_cache(maxsize=32)
def _responses(dialect: str, bucket: Bucket) -> Select[Any]:
    sessions = session_facts(dialect, bucket)
    return select(sessions.c.start, sessions.c.severity, func.count()).group_by(sessions.c.start, sessions.c.severity)


# Minutes in all are rounded, so sums added up in another order (services/derived.py) come out the same.
MINUTES_DECIMALS = 6


def exercise_counts(s: OrmSession, scope: Scope) -> list[tuple[str, str, int, float]]:
    """Each exercise logged in the scope's sessions: name, category, how many times and its minutes in all."""
    return [
        (str(name), str(category), int(n), round(float(minutes or 0.0), MINUTES_DECIMALS))
        for name, category, n, minutes in s.connection().execute(_counts(), scope.bound()).all()
    ]


@lru_cache(maxsize=1)
def _counts() -> Select[*tuple[Any, ...]]:
    """exercise_counts' statement (parameters: Scope.bound())."""
    return (
        select(Exercise.name, Exercise.category, func.count(), func.coalesce(func.sum(Entry.minutes), 0.0))
        .join(Entry, Entry.exercise_id == Exercise.id)
        .join(ExerciseSession, Entry.session_id == ExerciseSession.id)
        .where(*LIVE)
        .group_by(Exercise.name, Exercise.category)
    )


def cardio_rows(
    s: OrmSession, scope: Scope, bucket: Bucket, names: Sequence[str] | None = None
) -> list[tuple[date, str, float]]:
    """Cardio minutes per bucket and modality (of `names` only, when given)."""
    inner = (
        select(period(s, ExerciseSession.started_at, bucket).label("start"), Exercise.name, Entry.minutes)
        .join(Entry, Entry.session_id == ExerciseSession.id)
        .join(Exercise, Entry.exercise_id == Exercise.id)
        .where(*scope.live(), Exercise.category == CARDIO, Entry.minutes > 0)
    )
    if names is not None:
        inner = inner.where(Exercise.name.in_(names))
    sub = inner.subquery("cardio")
    stmt = select(sub.c.start, sub.c.name, func.sum(sub.c.minutes)).group_by(sub.c.start, sub.c.name)
    return [(as_date(start), str(name), float(total)) for start, name, total in s.connection().execute(stmt).all()]

"""The Progress page's data: one owner's history in a date range, aggregated into small chart-ready frames.

Every frame has at most one row per time bucket and series (the bucket grows with the range: day, week,
month or quarter, and the database does the grouping), so what a chart sends to the browser stays about the
same size at one year or ten. The page reads it in two parts: the headline (the pain-threshold picture and
the pain trend) at once, the details (every other chart) when asked for; the report reads both together.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date
from typing import Any, Required, TypedDict, Unpack

import pandas as pd
from sqlalchemy.orm import Session as OrmSession

from db import progress_days, progress_sql, queries, strength_sql
from db.models import Profile
from db.progress_sql import Scope
from services import progress_frames as frames
from services import progress_points as points
from services.context import Ctx, settings_of
from services.derived import Derived, derived_in
from services.health_progress import (
    GoalSleepViews,
    HealthViews,
    MedicationViews,
    goal_sleep_views_in,
    medication_views_in,
)
from services.threshold_picture import Picture, main_exercises, picture
from tracker.helps import what_helps
from tracker.settings import Settings
from tracker.strength import Formula
from tracker.threshold import STRENGTH
from tracker.trends import Bucket, DayPain, PainPoint, bucket_for, cardio_per_week, daily_pain, pain_series
from tracker.units import kg_per

# More lines than this on one small chart cannot be told apart, and each one adds data to send.
MAX_LINES = 6


@dataclass(frozen=True)
class Options:
    """What the filters can offer: the first logged day, exercises done, tracked regions, weight unit."""

    first_day: date | None
    exercises: tuple[str, ...]
    regions: tuple[str, ...]
    unit: str


def progress_options(ctx: Ctx) -> Options:
    """Choices for the Progress page's filters."""
    with ctx.db.read() as s:
        settings = settings_of(s.get_one(Profile, ctx.owner_id))
        names = queries.exercises_done(s, ctx.owner_id)
        first = queries.first_day(s, ctx.owner_id)
    return Options(first, tuple(names), settings.regions, settings.unit)


@dataclass(frozen=True)
class Period:
    """The date range read (weights in the user's unit) and what the filters picked."""

    start: date
    end: date
    bucket: Bucket
    unit: str
    pain_limit: int
    picked: tuple[str, ...]
    """The exercises chosen in the filter (empty: all)."""


@dataclass(frozen=True)
class Headline(Period):
    """What the page shows first: the pain-threshold picture, and the pain trend with medication on it."""

    threshold: pd.DataFrame
    """The pain-threshold picture's chart rows (services/threshold_picture.COLUMNS)."""
    picture: Picture
    pain: pd.DataFrame
    comparison: str
    medication: MedicationViews


@dataclass(frozen=True)
class Details(Period):
    """Every other chart: pressure, strength, cardio, response, what helps, PEG, function goals and sleep."""

    pressure: pd.DataFrame
    strength: pd.DataFrame
    not_estimated: tuple[str, ...]
    top_strength: tuple[str, ...]
    """When more strength exercises were done than the chart can show apart, those with the most sets it can
    estimate (else empty)."""
    cardio: pd.DataFrame
    response: pd.DataFrame
    helps: pd.DataFrame
    helps_lines: tuple[str, ...]
    peg: pd.DataFrame
    goals_sleep: GoalSleepViews


@dataclass(frozen=True)
class Progress(Headline, Details):
    """Everything the Progress page charts for one date range: the headline and the details."""

    @property
    def health(self) -> HealthViews:
        """Function goals, medication on the pain trend, and sleep (services/health_progress.py)."""
        return HealthViews(**_values(self.medication), **_values(self.goals_sleep))


def _values(item: Any) -> dict[str, Any]:
    """A dataclass's fields by name, not copied (unlike dataclasses.asdict, which copies every frame deeply)."""
    return {f.name: getattr(item, f.name) for f in fields(item)}


@dataclass(frozen=True)
class Query:
    """What to read: the owner's days, body regions and exercises picked, e1RM formula and time bucket."""

    scope: Scope
    settings: Settings
    bucket: Bucket
    chosen: tuple[str, ...] | None
    formula: Formula = Formula.EPLEY
    max_lines: int | None = None

    def period(self) -> dict[str, Any]:
        """The fields every part shares."""
        return {
            "start": self.scope.start,
            "end": self.scope.end,
            "bucket": self.bucket,
            "unit": self.settings.unit,
            "pain_limit": self.settings.pain_limit,
            "picked": self.chosen or (),
        }


class Filters(TypedDict, total=False):
    """The keyword arguments of progress_data and its parts (start and end are required)."""

    start: Required[date]
    end: Required[date]
    regions: Sequence[str] | None
    exercises: Sequence[str] | None
    formula: Formula
    max_lines: int | None
    bucket: Bucket | None


def _query(owner_id: int, settings: Settings, filters: Filters) -> Query:
    start, end = filters["start"], filters["end"]
    scope = Scope(owner_id, start, end, tuple(filters.get("regions") or settings.regions))
    exercises = filters.get("exercises")
    chosen = tuple(exercises) if exercises else None
    bucket = filters.get("bucket") or bucket_for(start, end)
    return Query(scope, settings, bucket, chosen, filters.get("formula", Formula.EPLEY), filters.get("max_lines"))


def progress_data(ctx: Ctx, **filters: Unpack[Filters]) -> Progress:
    """Everything the Progress page charts for the owner between start and end (both included).

    The threshold picture shows the chosen exercises, or the main strength and cardio ones. With `max_lines`
    and no exercises chosen, the strength frame keeps that many of the strength exercises with the most sets it
    can estimate (`top_strength`), so a long list cannot swell the chart. `bucket` overrides the time bucket
    the range's length would give. Filters: start, end, regions, exercises, formula, max_lines, bucket.
    """
    with ctx.db.read() as s:
        settings = settings_of(s.get_one(Profile, ctx.owner_id))
        return progress_data_in(s, ctx.owner_id, settings, **filters)


def progress_headline(ctx: Ctx, **filters: Unpack[Filters]) -> Headline:
    """The headline part of progress_data alone (same filters): what the page shows before anything is opened."""
    with ctx.db.read() as s:
        q = _query(ctx.owner_id, settings_of(s.get_one(Profile, ctx.owner_id)), filters)
        derived = derived_in(s, ctx.owner_id)
        if derived is not None and derived.serves(q.scope, q.settings.pain_limit):
            start, end = q.scope.start, q.scope.end
            points, days = derived.pain_in(start, end, q.bucket)
            return _headline(s, q, derived.counts_in(start, end), days, derived, points)
        days = daily_pain(progress_days.daily_pain_rows(s, q.scope))
        return _headline(s, q, progress_sql.exercise_counts(s, q.scope), days)


def progress_details(ctx: Ctx, **filters: Unpack[Filters]) -> Details:
    """The details part of progress_data alone (same filters), read when the person opens them."""
    with ctx.db.read() as s:
        q = _query(ctx.owner_id, settings_of(s.get_one(Profile, ctx.owner_id)), filters)
        days = points.split_days(progress_days.day_rows(s, q.scope))
        return _details(s, q, progress_sql.exercise_counts(s, q.scope), days)


def progress_data_in(s: OrmSession, owner_id: int, settings: Settings, **filters: Unpack[Filters]) -> Progress:
    """progress_data read in the caller's transaction `s`, for an owner whose settings are known."""
    q = _query(owner_id, settings, filters)
    counts = progress_sql.exercise_counts(s, q.scope)
    days = points.split_days(progress_days.day_rows(s, q.scope))
    details = _details(s, q, counts, days)
    headline = _headline(s, q, counts, days[0])
    return Progress(**(_values(headline) | _values(details)))


def _headline(
    s: OrmSession,
    q: Query,
    counts: Sequence[tuple[str, str, int, float]],
    days: list[DayPain],
    derived: Derived | None = None,
    points: list[PainPoint] | None = None,
) -> Headline:
    """The headline, from the exercises done (for the main ones) and the daily pain (with the derived data: the
    pain trend's `points`, and of the days only those the baseline comparison reads)."""
    scope, bucket = q.scope, q.bucket
    names = q.chosen or main_exercises(counts)
    threshold = picture(s, scope, q.settings, bucket=bucket, names=names, derived=derived)
    trend = pain_series(days, bucket) if points is None else points
    pain = frames.frame((frames.shallow(p) for p in trend), frames.PAIN_COLUMNS)
    return Headline(
        **q.period(),
        threshold=threshold.frame,
        picture=threshold,
        pain=pain,
        comparison=frames.comparison(days, scope.start, scope.end),
        medication=medication_views_in(s, scope.owner_id, start=scope.start, end=scope.end, pain=pain),
    )


def _details(
    s: OrmSession,
    q: Query,
    counts: Sequence[tuple[str, str, int, float]],
    split_days: tuple[list[DayPain], dict[date, set[str]], list[str]],
) -> Details:
    """The details, from the days as progress_points.split_days gives them (daily pain and kinds done)."""
    scope, bucket, chosen = q.scope, q.bucket, q.chosen
    strength = [name for name, category, _, _ in counts if category == STRENGTH]
    rows = strength_sql.strength_rows(
        s,
        scope,
        bucket=bucket,
        kg_per_unit=kg_per(q.settings.unit),
        formula=q.formula,
        names=chosen or tuple(sorted(strength)),
    )
    cardio = progress_sql.cardio_rows(s, scope, bucket, chosen)
    responses = progress_sql.response_rows(s, scope, bucket)
    days, done, kinds = split_days
    daily = {d.day: d.pain for d in days}
    helps = what_helps(daily, done, kinds, since=scope.start)
    top = () if chosen or q.max_lines is None else points.most_done(points.estimable_sets(rows), q.max_lines)
    e1rms = points.e1rm_points(r for r in rows if not top or r.exercise in top)
    return Details(
        **q.period(),
        pressure=frames.pressure_frame(progress_days.pressure_rows(s, scope), bucket),
        strength=frames.strength_frame(e1rms),
        not_estimated=frames.not_estimated(e1rms),
        top_strength=top,
        cardio=frames.frame((frames.shallow(m) for m in cardio_per_week(cardio, bucket)), frames.CARDIO_COLUMNS),
        response=frames.response_frame(points.response_points(responses)),
        helps=frames.helps_frame(helps),
        helps_lines=tuple(h.text for h in helps),
        peg=frames.peg_frame(progress_days.peg_rows(s, scope), bucket),
        goals_sleep=goal_sleep_views_in(
            s, scope.owner_id, start=scope.start, end=scope.end, bucket=bucket, daily_pain=daily
        ),
    )

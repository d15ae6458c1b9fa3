"""The Progress page's data: one owner's history in a date range, aggregated into small chart-ready frames.

Every frame has at most one row per time bucket and series (the bucket grows with the range: day, week,
month or quarter, and the database does the grouping), so what a chart sends to the browser stays about the
same size at one year or ten.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import astuple, dataclass
from datetime import date

import pandas as pd
from sqlalchemy.orm import Session as OrmSession

from db import progress_days, progress_sql, queries
from db.models import Profile
from db.progress_sql import Scope
from services import progress_points as points
from services.context import Ctx, settings_of
from services.health_progress import HealthViews, health_views_in
from services.threshold_picture import Picture, main_exercises, picture
from tracker.helps import Helps, what_helps
from tracker.pain import Response
from tracker.settings import Settings
from tracker.strength import ACCURATE_BASIS, ROUGH_BASIS, Formula
from tracker.threshold import STRENGTH, E1rmPoint, ResponseCount
from tracker.trends import (
    COMPARE_DAYS,
    Bucket,
    DayPain,
    baseline_vs_recent,
    bucket_for,
    bucket_mean,
    cardio_per_week,
    pain_series,
    peg_series,
)
from tracker.units import kg_per

# The 24-hour response categories as the charts name them (tracker.pain.next_morning_response decides).
SETTLED_WORDS = "settled (within 1 point)"
WORSE_WORDS = "worse (2+ points up)"
PENDING_WORDS = "no next-morning rating yet"
RESPONSE_WORDS = {Response.SETTLED: SETTLED_WORDS, Response.WORSE: WORSE_WORDS, None: PENDING_WORDS}
# More lines than this on one small chart cannot be told apart, and each one adds data to send.
MAX_LINES = 6
WITH, WITHOUT = "after a day with it", "after a day without it"
PAIN_COLUMNS = ("period", "pain", "trend", "low", "high", "days")
CARDIO_COLUMNS = ("period", "modality", "per_week", "total")
DECIMALS = 1


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
class Progress:
    """Chart-ready frames for one date range (weights in the user's unit), and the summary lines."""

    start: date
    end: date
    bucket: Bucket
    unit: str
    pain_limit: int
    threshold: pd.DataFrame
    """The pain-threshold picture's chart rows (services/threshold_picture.COLUMNS)."""
    picture: Picture
    pressure: pd.DataFrame
    pain: pd.DataFrame
    comparison: str
    strength: pd.DataFrame
    not_estimated: tuple[str, ...]
    top_strength: tuple[str, ...]
    """When more strength exercises were done than the chart can show apart, those with the most sets it can
    estimate (else empty)."""
    picked: tuple[str, ...]
    """The exercises chosen in the filter (empty: all)."""
    cardio: pd.DataFrame
    response: pd.DataFrame
    helps: pd.DataFrame
    helps_lines: tuple[str, ...]
    peg: pd.DataFrame
    health: HealthViews
    """Function goals, medication on the pain trend, and sleep (services/health_progress.py)."""


def _frame(rows: Iterable[Sequence[object]], columns: Sequence[str]) -> pd.DataFrame:
    """A frame from row tuples; the first column is the period start, as a timestamp."""
    frame = pd.DataFrame(list(rows), columns=list(columns))
    frame[columns[0]] = pd.to_datetime(frame[columns[0]])
    return frame


def progress_data(
    ctx: Ctx,
    *,
    start: date,
    end: date,
    regions: Sequence[str] | None = None,
    exercises: Sequence[str] | None = None,
    formula: Formula = Formula.EPLEY,
    max_lines: int | None = None,
    bucket: Bucket | None = None,
) -> Progress:
    """Everything the Progress page charts for the owner between start and end (both included).

    The threshold picture shows the chosen exercises, or the main strength and cardio ones. With `max_lines`
    and no exercises chosen, the strength frame keeps that many of the strength exercises with the most sets it
    can estimate (`top_strength`), so a long list cannot swell the chart. `bucket` overrides the time bucket
    the range's length would give.
    """
    with ctx.db.read() as s:
        settings = settings_of(s.get_one(Profile, ctx.owner_id))
        return progress_data_in(
            s,
            ctx.owner_id,
            settings,
            start=start,
            end=end,
            regions=regions,
            exercises=exercises,
            formula=formula,
            max_lines=max_lines,
            bucket=bucket,
        )


def progress_data_in(
    s: OrmSession,
    owner_id: int,
    settings: Settings,
    *,
    start: date,
    end: date,
    regions: Sequence[str] | None = None,
    exercises: Sequence[str] | None = None,
    formula: Formula = Formula.EPLEY,
    max_lines: int | None = None,
    bucket: Bucket | None = None,
) -> Progress:
    """progress_data read in the caller's transaction `s`, for an owner whose settings are known."""
    bucket = bucket or bucket_for(start, end)
    chosen = tuple(exercises) if exercises else None
    scope = Scope(owner_id, start, end, tuple(regions or settings.regions))
    counts = progress_sql.exercise_counts(s, scope)
    shown = chosen or main_exercises(counts)
    threshold = picture(s, scope, settings, bucket=bucket, names=shown)
    strength = [name for name, category, _, _ in counts if category == STRENGTH]
    names = chosen or tuple(sorted(strength))
    rows = progress_sql.strength_rows(
        s, scope, bucket=bucket, kg_per_unit=kg_per(settings.unit), formula=formula, names=names
    )
    cardio = progress_sql.cardio_rows(s, scope, bucket, chosen)
    responses = progress_sql.response_rows(s, scope, bucket)
    days, done, kinds = points.split_days(progress_days.day_rows(s, scope))
    pegs = progress_days.peg_rows(s, scope)
    pressures = progress_days.pressure_rows(s, scope)
    daily = {d.day: d.pain for d in days}
    helps = what_helps(daily, done, kinds, since=start)
    top_strength = () if chosen or max_lines is None else points.most_done(points.estimable_sets(rows), max_lines)
    e1rms = points.e1rm_points(r for r in rows if not top_strength or r.exercise in top_strength)
    pain = _frame((astuple(p) for p in pain_series(days, bucket)), PAIN_COLUMNS)
    health = health_views_in(s, owner_id, start=start, end=end, bucket=bucket, pain=pain, daily_pain=daily)
    return Progress(
        start=start,
        end=end,
        bucket=bucket,
        unit=settings.unit,
        pain_limit=settings.pain_limit,
        threshold=threshold.frame,
        picture=threshold,
        pressure=_pressure(pressures, bucket),
        pain=pain,
        comparison=_comparison(days, start, end),
        strength=_strength(e1rms),
        not_estimated=_not_estimated(e1rms),
        top_strength=top_strength,
        picked=chosen or (),
        cardio=_frame((astuple(m) for m in cardio_per_week(cardio, bucket)), CARDIO_COLUMNS),
        response=_response(points.response_points(responses)),
        helps=_helps_frame(helps),
        helps_lines=tuple(h.text for h in helps),
        peg=_peg(pegs, bucket),
        health=health,
    )


def _comparison(days: Sequence[DayPain], start: date, end: date) -> str:
    """Baseline against recent pain, or why not yet: the period is too short, or there are too few ratings."""
    needed = 2 * COMPARE_DAYS
    if (end - start).days + 1 < needed:
        return f"Baseline against recent pain needs a period of at least {needed} days: pick a longer one above."
    return baseline_vs_recent(days).text


def _strength(points: Sequence[E1rmPoint]) -> pd.DataFrame:
    rows = (
        (
            p.start,
            p.exercise,
            round(p.e1rm, DECIMALS),
            ROUGH_BASIS if p.rough else ACCURATE_BASIS,
            p.estimated_sets + p.rough_sets,
        )
        for p in points
        if p.e1rm is not None
    )
    return _frame(rows, ("period", "exercise", "e1rm", "basis", "sets"))


def _not_estimated(points: Sequence[E1rmPoint]) -> tuple[str, ...]:
    """Strength exercises with loaded sets in the range but none of 20 reps or fewer."""
    estimated: dict[str, bool] = {}
    for p in points:
        estimated[p.exercise] = estimated.get(p.exercise, False) or p.e1rm is not None
    return tuple(sorted(name for name, ok in estimated.items() if not ok))


def _response(counts: Iterable[ResponseCount]) -> pd.DataFrame:
    rows = ((c.start, RESPONSE_WORDS[c.response], c.sessions) for c in counts)
    return _frame(rows, ("period", "response", "sessions"))


def _helps_frame(helps: Sequence[Helps]) -> pd.DataFrame:
    """Long form for the chart, only where both sides have enough days."""
    rows = [
        (h.kind, side, pain, n)
        for h in helps
        if h.enough
        for side, pain, n in ((WITH, h.pain_with, h.days_with), (WITHOUT, h.pain_without, h.days_without))
    ]
    return pd.DataFrame(rows, columns=["kind", "side", "pain", "days"])


def _peg(pegs: Iterable[tuple[date, int, int, int]], bucket: Bucket) -> pd.DataFrame:
    return _frame((astuple(b) for b in peg_series(pegs, bucket)), ("period", "peg", "checkins"))


def _pressure(pressures: Iterable[tuple[str, date, float]], bucket: Bucket) -> pd.DataFrame:
    by_site: dict[str, list[tuple[date, float]]] = defaultdict(list)
    for site, day, mean in pressures:
        by_site[site].append((day, mean))
    rows = [(b.start, site, b.value, b.count) for site in sorted(by_site) for b in bucket_mean(by_site[site], bucket)]
    return _frame(rows, ("period", "site", "kg_cm2", "readings"))

"""The doctor's report: one owner's data for a date range and body regions, gathered for page and PDF."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from statistics import median
from typing import NamedTuple

import altair as alt
import pandas as pd

import charts
from db import progress_days, queries
from db.models import Profile
from db.progress_sql import Scope
from services.context import Ctx, settings_of
from services.history import history
from services.progress import Progress, progress_data
from services.suggestions import accepted_changes, load_history
from tracker.history import History
from tracker.redflags import red_flags_in
from tracker.report import Adherence, ChangeLine, FlagLine, LoadLine, PainLine, ReportData
from tracker.rules import Thresholds, thresholds
from tracker.threshold import Status
from tracker.trends import at_least_weekly, baseline_vs_recent, bucket_for, daily_pain

LOG_COLUMNS = ["when", "exercises", "pain", "effort", "notes"]
# Page 1 and the tolerated-load chart show the exercises done most often within the limit.
TOP_EXERCISES = 4
# Each end of the tolerated-load comparison is the median of up to this many periods.
LOAD_SPAN = 3
LOADED = ("strength", "cardio")
Chart = alt.Chart | alt.LayerChart


@dataclass(frozen=True)
class Report:
    """Page 1's values and the charts that follow it (titled), for the screen and the PDF."""

    data: ReportData
    charts: tuple[ReportChart, ...]


def adherence(ctx: Ctx, start: date, end: date) -> Adherence:
    """Sessions and cardio minutes in the range (both days included)."""
    with ctx.db.read() as s:
        sessions = queries.sessions(s, ctx.owner_id, *queries.day_range(start, end))
        entries = queries.entries(s, ctx.owner_id, *queries.day_range(start, end))
    cardio = float(entries.loc[entries["category"] == "cardio", "minutes"].sum())
    weeks = ((end - start).days + 1) / 7
    return Adherence(len(sessions), weeks, round(cardio, 1))


def pain_lines(ctx: Ctx, start: date, end: date, regions: tuple[str, ...]) -> tuple[PainLine, ...]:
    """Per region: resting pain of the range's first two weeks against its last two (with the MCID label)."""
    lines = []
    with ctx.db.read() as s:
        for region in regions:
            totals = progress_days.daily_pain_rows(s, Scope(ctx.owner_id, start, end, (region,)))
            lines.append(PainLine(region, baseline_vs_recent(daily_pain(totals))))
    return tuple(lines)


def top_exercises(threshold: pd.DataFrame, loaded: set[str]) -> list[str]:
    """The strength and cardio exercises (`loaded`) with the most sessions of tolerated work, most first.

    Stretches, Pilates and yoga are left out: their minutes say how long, not how much load was tolerated.
    """
    tolerated = threshold[(threshold["status"] == Status.TOLERATED.value) & threshold["exercise"].isin(loaded)]
    counts = tolerated.groupby("exercise")["sessions"].sum().sort_values(ascending=False, kind="stable")
    return [str(name) for name in counts.index[:TOP_EXERCISES]]


def load_lines(
    threshold: pd.DataFrame, top: list[str], periods: str = "periods", span: int = LOAD_SPAN
) -> tuple[LoadLine, ...]:
    """Tolerated work of each top exercise with at least two periods of it: the median of up to `span` periods
    at the start of the range against the same at its end (never overlapping), so one unusual day at either
    end does not make the change. `periods` names them in the text ('weeks')."""
    lines = []
    tolerated = threshold[threshold["status"] == Status.TOLERATED.value].sort_values("period")
    for name in top:
        rows = tolerated[tolerated["exercise"] == name]
        amounts = [float(a) for a in rows["amount"]]
        if len(amounts) >= 2:
            k = min(span, len(amounts) // 2)
            first, last = median(amounts[:k]), median(amounts[-k:])
            lines.append(LoadLine(name, first, last, str(rows["measure"].iloc[-1]), k, periods))
    return tuple(lines)


def _within(history: History, end: date, regions: tuple[str, ...]) -> History:
    """The history up to `end`, with pain ratings of the chosen regions only."""
    sessions = tuple(
        replace(s, pains=tuple(p for p in s.pains if p.region in regions)) for s in history.sessions if s.day <= end
    )
    mornings = tuple(m for m in history.mornings if m.region in regions and m.day <= end)
    return History(sessions, mornings, history.exercises)


def flags_in(history: History, limits: Thresholds, start: date, end: date) -> list[FlagLine]:
    """Red flags anywhere in the range, the latest first, whatever the range's length."""
    return [FlagLine(f.title, f.dates) for f in red_flags_in(history, limits, start, end)]


class ReportChart(NamedTuple):
    """One chart of the report: its title, the chart, and a key saying how to read it."""

    title: str
    chart: Chart
    key: str


def report_charts(p: Progress, threshold: pd.DataFrame) -> tuple[ReportChart, ...]:
    """The report's charts with their titles and keys (`threshold`: the main exercises' frame), leaving out
    empty ones. The keys are written for a reader who has not seen the app."""
    per = {"week": "week", "month": "month", "quarter": "quarter"}.get(p.bucket, "day")
    found: list[tuple[str, pd.DataFrame, Chart, str]] = [
        (
            "Pain at rest (0-10)",
            p.pain,
            charts.pain_chart(p.pain, p.bucket),
            f"Mean of the day's resting ratings (before and after exercise, on waking) per {per}; the band spans "
            "the lowest to the highest day. Pain during exercise is not included.",
        ),
        (
            "Tolerated load of the main exercises",
            threshold,
            charts.threshold_chart(threshold),
            f"Most work per {per} (best set as load × reps, or minutes) in sessions where pain during stayed at "
            f"or below the patient's limit of {p.pain_limit}/10 and had settled by the next morning, as a share "
            "of the first. Red crosses: over the limit; orange triangles: not settled next morning; grey squares: "
            "pain or morning rating missing.",
        ),
        (
            "Weekly PEG-3",
            p.peg,
            charts.peg_chart(p.peg),
            "Mean of three 0-10 items: average pain, and interference with enjoyment of life and with general "
            "activity. Lower is better.",
        ),
        (
            "Cardio minutes per week",
            p.cardio,
            charts.cardio_chart(p.cardio, p.bucket),
            "Minutes of cardio per week by kind (walking, cycling, elliptical, swimming).",
        ),
        (
            "How sessions settled by the next morning",
            p.response,
            charts.response_chart(p.response, p.bucket),
            "Sessions per period by pain on waking against pain before the session: settled (no more than 1 "
            "point above, within the day-to-day wobble of a 0-10 rating), worse (2 or more points above), or no "
            "next-morning rating yet.",
        ),
    ]
    return tuple(ReportChart(title, chart, key) for title, frame, chart, key in found if not frame.empty)


def session_log(ctx: Ctx, start: date, end: date, regions: tuple[str, ...]) -> pd.DataFrame:
    """The range's sessions, oldest first, as readable text (pain in the chosen regions only)."""
    table = history(ctx, *queries.day_range(start, end), regions=regions, compact=True)
    return table.iloc[::-1].reset_index(drop=True)[LOG_COLUMNS]


def build_report(ctx: Ctx, *, start: date, end: date, regions: tuple[str, ...], note: str = "") -> Report:
    """Page 1 and the charts of the owner's report from `start` to `end` (both included) in `regions`."""
    with ctx.db.read() as s:
        settings = settings_of(s.get_one(Profile, ctx.owner_id))
    # At least weekly: the most tolerated work of a week is not set by a day with only a short warm-up.
    weekly = at_least_weekly(bucket_for(start, end))
    p = progress_data(ctx, start=start, end=end, regions=regions, bucket=weekly)
    full, _ = load_history(ctx)
    loaded = {name for name, e in full.exercises.items() if e.category in LOADED}
    top = top_exercises(p.threshold, loaded)
    data = ReportData(
        name=settings.display_name,
        start=start,
        end=end,
        regions=regions,
        unit=settings.unit,
        adherence=adherence(ctx, start, end),
        pain=pain_lines(ctx, start, end, regions),
        peg=tuple((pd.Timestamp(d).date(), float(v)) for d, v in zip(p.peg["period"], p.peg["peg"], strict=True)),
        loads=load_lines(p.threshold, top, f"{p.bucket}s"),
        changes=tuple(ChangeLine(c.day, c.title) for c in accepted_changes(ctx, start, end)),
        flags=tuple(flags_in(_within(full, end, regions), thresholds(settings.rules), start, end)),
        note=note,
    )
    # Sessions that did not count are merged across exercises, so the main ones' marks need their own frame.
    main = progress_data(ctx, start=start, end=end, regions=regions, exercises=top, bucket=weekly) if top else None
    return Report(data, report_charts(p, p.threshold.iloc[0:0] if main is None else main.threshold))

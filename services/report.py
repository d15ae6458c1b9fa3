"""The doctor's report: one owner's data for a date range and body regions, gathered for page and PDF."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import NamedTuple

import altair as alt
import pandas as pd

from db import progress_days, queries
from db.models import Profile
from db.progress_sql import Scope
from formats import charts, threshold_chart
from services.context import Ctx, settings_of
from services.history import history
from services.progress import Progress, progress_data
from services.suggestions import accepted_changes, load_history
from tracker.history import History
from tracker.redflags import red_flags_in
from tracker.report import Adherence, ChangeLine, FlagLine, LoadLine, PainLine, ReportData
from tracker.rules import Thresholds, thresholds
from tracker.trends import at_least_weekly, baseline_vs_recent, bucket_for, daily_pain

LOG_COLUMNS = ["when", "exercises", "pain", "effort", "notes"]
# The stacked exercise charts in the PDF and images: about an A4 text width.
PANEL_WIDTH = 560
Chart = alt.Chart | alt.LayerChart | alt.VConcatChart


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
    """One chart of the report: its title, the chart, a key saying how to read it, and (for a picture of
    several small charts) the parts the screen draws one by one, since a page cannot stretch stacked charts."""

    title: str
    chart: Chart
    key: str
    parts: tuple[Chart, ...] = ()


def threshold_charts(p: Progress) -> tuple[alt.LayerChart, ...]:
    """One small chart per main exercise, each on its own axis, titled with its change over the range."""
    span = (p.start.isoformat(), p.end.isoformat())
    return tuple(
        threshold_chart.threshold_panel(
            p.threshold[p.threshold["exercise"] == name].reset_index(drop=True),
            measure=p.picture.measures[name],
            title=name,
            subtitle=p.picture.subtitles.get(name, ""),
            span=span,
        )
        for name in p.picture.exercises
    )


def report_charts(p: Progress) -> tuple[ReportChart, ...]:
    """The report's charts with their titles and keys, leaving out empty ones. The keys are written for a reader
    who has not seen the app."""
    per = {"week": "week", "month": "month", "quarter": "quarter"}.get(p.bucket, "day")
    # Every chart covers the report's period, whatever the data in it.
    span = (p.start.isoformat(), p.end.isoformat())
    panels = threshold_charts(p)
    picture = ReportChart(
        "Tolerated work of the main exercises",
        threshold_chart.stacked(panels, PANEL_WIDTH) if panels else alt.Chart(),
        f"One chart per exercise, in its own units (heaviest set as load × reps, or minutes). The line is the "
        f"tolerated level: the second-best session of the last {p.picture.window} days in which pain during stayed "
        f"at or below the patient's limit of {p.pain_limit}/10 and next-morning pain was no more than 1 point above "
        "the level before, so a level counts once reached twice. Red crosses: sessions over the limit; orange "
        "triangles: next morning 2 or more points worse; open circles: no next-morning rating.",
        panels,
    )
    found: list[tuple[str, pd.DataFrame, Chart, str]] = [
        (
            "Pain at rest (0-10)",
            p.pain,
            charts.pain_chart(p.pain, p.bucket, span=span),
            f"Mean of the day's resting ratings (before and after exercise, on waking) per {per}; the band spans "
            "the lowest to the highest day. Pain during exercise is not included.",
        ),
        (
            "Weekly PEG-3",
            p.peg,
            charts.peg_chart(p.peg, span=span),
            "Mean of three 0-10 items: average pain, and interference with enjoyment of life and with general "
            "activity. Lower is better.",
        ),
        (
            "Cardio minutes per week",
            p.cardio,
            charts.cardio_chart(p.cardio, p.bucket, span=span),
            "Minutes of cardio per week by kind (walking, cycling, elliptical, swimming).",
        ),
        (
            "How sessions settled by the next morning",
            p.response,
            charts.response_chart(p.response, p.bucket, span=span),
            "Sessions per period by pain on waking against pain before the session: settled (no more than 1 "
            "point above, within the day-to-day wobble of a 0-10 rating), worse (2 or more points above), or no "
            "next-morning rating yet.",
        ),
    ]
    shown = tuple(ReportChart(title, chart, key) for title, frame, chart, key in found if not frame.empty)
    # Page 1's headline is about tolerated work, so its picture comes right after pain.
    return (*shown[:1], *((picture,) if panels else ()), *shown[1:])


def session_log(ctx: Ctx, start: date, end: date, regions: tuple[str, ...]) -> pd.DataFrame:
    """The range's sessions, oldest first, as readable text (pain in the chosen regions only)."""
    table = history(ctx, *queries.day_range(start, end), regions=regions, compact=True)
    return table.iloc[::-1].reset_index(drop=True)[LOG_COLUMNS]


def build_report(ctx: Ctx, *, start: date, end: date, regions: tuple[str, ...], note: str = "") -> Report:
    """Page 1 and the charts of the owner's report from `start` to `end` (both included) in `regions`."""
    with ctx.db.read() as s:
        settings = settings_of(s.get_one(Profile, ctx.owner_id))
    # At least weekly, so a chart of a long range keeps a readable number of points.
    weekly = at_least_weekly(bucket_for(start, end))
    p = progress_data(ctx, start=start, end=end, regions=regions, bucket=weekly)
    full, _ = load_history(ctx)
    data = ReportData(
        name=settings.display_name,
        start=start,
        end=end,
        regions=regions,
        unit=settings.unit,
        adherence=adherence(ctx, start, end),
        pain=pain_lines(ctx, start, end, regions),
        peg=tuple((pd.Timestamp(d).date(), float(v)) for d, v in zip(p.peg["period"], p.peg["peg"], strict=True)),
        loads=tuple(
            LoadLine(c.exercise, c.percent, line) for c, line in zip(p.picture.changes, p.picture.lines, strict=True)
        ),
        headline=p.picture.headline,
        changes=tuple(ChangeLine(c.day, c.title) for c in accepted_changes(ctx, start, end)),
        flags=tuple(flags_in(_within(full, end, regions), thresholds(settings.rules), start, end)),
        note=note,
    )
    return Report(data, report_charts(p))

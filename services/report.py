"""The doctor's report: one owner's data for a date range and body regions, read in one transaction, as plain
values for the page, the doctor's shared view and the PDF (formats/ draws the charts and writes the file)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import pandas as pd
from sqlalchemy.orm import Session as OrmSession

from db import progress_days, queries
from db.models import Profile
from db.progress_sql import Scope
from db.tolerance_sql import session_statuses
from formats.chart_process import ChartProcess, ChartProcessError
from formats.report_specs import report_png_arguments
from services.context import Ctx, settings_of
from services.function_goals import goals_in
from services.history import history_in
from services.medication import doses_between_in, regular_in
from services.pgic import answers_in
from services.progress import progress_data_in
from services.report_charts import ReportChart, report_charts
from services.sleep import nights_in
from services.suggestions import accepted_changes_in, load_history_in
from tracker.describe import describe_pain
from tracker.history import History
from tracker.outcomes import LOG_WORDS, outcomes
from tracker.pain import REGIONS
from tracker.redflags import red_flags_in
from tracker.report import Adherence, ChangeLine, FlagLine, LoadLine, PainLine, ReportData
from tracker.report_health import function_summary, medication_summary, sleep_summary
from tracker.rules import Thresholds, thresholds
from tracker.threshold import Status
from tracker.trends import at_least_weekly, baseline_vs_recent, bucket_for, daily_pain

OnProgress = Callable[[float, str], None]
"""Hears how far a long task is: a fraction done and what it is doing."""
LOG_COLUMNS = ["when", "exercises", "pain", "outcome", "effort", "notes"]


@dataclass(frozen=True)
class Report:
    """Page 1's values and the charts that follow it (titled), for the screen and the PDF."""

    data: ReportData
    charts: tuple[ReportChart, ...]


def adherence(s: OrmSession, owner_id: int, start: date, end: date) -> Adherence:
    """Sessions and cardio minutes in the range (both days included), read in the caller's transaction `s`."""
    sessions = queries.sessions(s, owner_id, *queries.day_range(start, end))
    entries = queries.entries(s, owner_id, *queries.day_range(start, end))
    cardio = float(entries.loc[entries["category"] == "cardio", "minutes"].sum())
    weeks = ((end - start).days + 1) / 7
    return Adherence(len(sessions), weeks, round(cardio, 1))


def pain_lines(s: OrmSession, owner_id: int, start: date, end: date, regions: tuple[str, ...]) -> tuple[PainLine, ...]:
    """Per region: daily pain (before and after sessions, on waking) of the range's first two weeks against its last
    two (with the MCID label), read in the caller's transaction `s`."""
    lines = []
    for region in regions:
        totals = progress_days.daily_pain_rows(s, Scope(owner_id, start, end, (region,)))
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


def session_log(ctx: Ctx, start: date, end: date, regions: tuple[str, ...]) -> pd.DataFrame:
    """The range's sessions, oldest first, as readable text (pain in the chosen regions only)."""
    with ctx.db.read() as s:
        return session_log_in(s, ctx.owner_id, start, end, regions)


def session_log_in(s: OrmSession, owner_id: int, start: date, end: date, regions: tuple[str, ...]) -> pd.DataFrame:
    """session_log read in the caller's transaction `s`: pain with its next-morning rating per region ('Right knee
    4 → 7 → 6 → 6'), and each session's outcome in a few words (tracker/outcomes.LOG_WORDS)."""
    table = history_in(s, owner_id, *queries.day_range(start, end), regions=regions, compact=True)
    if table.empty:
        return pd.DataFrame(columns=LOG_COLUMNS)
    limit = settings_of(s.get_one(Profile, owner_id)).pain_limit
    words = _outcome_words(s, Scope(owner_id, start, end, regions), limit)
    pains = _pains_with_mornings(s, owner_id, start, end, regions)
    table["pain"] = [pains.get(sid, "") for sid in table["session_id"]]
    table["outcome"] = [words.get(sid, "") for sid in table["session_id"]]
    return table.iloc[::-1].reset_index(drop=True)[LOG_COLUMNS]


def _outcome_words(s: OrmSession, scope: Scope, limit: int) -> dict[int, str]:
    """Per session, its outcome in a few words; a session over the limit whose next morning was also worse says
    both ('over the limit, worse next morning'): the morning matters most, and the status alone named the limit."""
    return {
        sid: LOG_WORDS[state] + (f", {LOG_WORDS[Status.WORSE]}" if worse and state is Status.OVER else "")
        for sid, _, state, worse in session_statuses(s, scope, limit=limit)
    }


def session_outcome(ctx: Ctx, session_id: int, day: date) -> tuple[str, str]:
    """One session (started on `day`) as the report's session log gives it: its pain with the next morning's rating
    in every region rated ('Right knee 3 → 7 → 5 → 5'), and its outcome against the tracked regions, as the
    threshold charts count it ('over the limit'); "" for either when there is none."""
    with ctx.db.read() as s:
        settings = settings_of(s.get_one(Profile, ctx.owner_id))
        words = _outcome_words(s, Scope(ctx.owner_id, day, day, settings.regions), settings.pain_limit)
        pains = _pains_with_mornings(s, ctx.owner_id, day, day, tuple(REGIONS))
    return pains.get(session_id, ""), words.get(session_id, "")


def _pains_with_mornings(
    s: OrmSession, owner_id: int, start: date, end: date, regions: tuple[str, ...]
) -> dict[int, str]:
    """Per session, its pain in the regions as 'Right knee 4 → 7 → 6 → 6' (before, during, after, next morning;
    '?' where not rated), regions joined by '; '."""
    pains = queries.pains(s, owner_id, *queries.day_range(start, end))
    checkins = queries.checkins(s, owner_id, start).dropna(subset=["session_id"])
    mornings = {
        (int(sid), region): int(pain)
        for sid, region, pain in zip(checkins["session_id"], checkins["region"], checkins["pain"], strict=True)
    }
    texts: dict[int, list[str]] = defaultdict(list)
    for row in pains[pains["region"].isin(regions)].itertuples():
        sid = int(row.session_id)
        rated = (None if pd.isna(v) else int(v) for v in (row.before, row.during, row.after))
        morning = mornings.get((sid, str(row.region)), "?")
        texts[sid].append(f"{describe_pain(str(row.region), *rated)} → {morning}")
    return {sid: "; ".join(found) for sid, found in texts.items()}


def build_report(ctx: Ctx, *, start: date, end: date, regions: tuple[str, ...], note: str = "") -> Report:
    """Page 1 and the charts of the owner's report from `start` to `end` (both included) in `regions`."""
    with ctx.db.read() as s:
        return build_report_in(s, ctx.owner_id, start=start, end=end, regions=regions, note=note)


def report_first_day(ctx: Ctx, start: date, end: date) -> date:
    """The day a report asked from `start` to `end` starts on (see first_day_in)."""
    with ctx.db.read() as s:
        return first_day_in(s, ctx.owner_id, start, end)[0]


def first_day_in(s: OrmSession, owner_id: int, start: date, end: date) -> tuple[date, date | None]:
    """The report's first day, and the day asked for when that moved: a period asked to start before anything was
    logged starts on the first day with a record, as Progress does (the empty months before it made every "per
    week" figure smaller and left half of each chart blank)."""
    first = queries.first_record_day(s, owner_id)
    if first is not None and start < first <= end:
        return first, start
    return start, None


def build_report_in(
    s: OrmSession,
    owner_id: int,
    *,
    start: date,
    end: date,
    regions: tuple[str, ...],
    note: str = "",
    charts_ready: Callable[[tuple[ReportChart, ...]], None] | None = None,
) -> Report:
    """build_report read in the caller's transaction `s`; `charts_ready` hears the charts as soon as they are
    known, before page 1's other values are read (the command line starts drawing them then)."""
    settings = settings_of(s.get_one(Profile, owner_id))
    start, asked = first_day_in(s, owner_id, start, end)
    # At least weekly, so a chart of a long range keeps a readable number of points.
    weekly = at_least_weekly(bucket_for(start, end))
    p = progress_data_in(s, owner_id, settings, start=start, end=end, regions=regions, bucket=weekly)
    charts = report_charts(p, regions or settings.regions)
    # The charts' scope, so page 1's counts of sessions are theirs.
    scope = Scope(owner_id, start, end, regions or settings.regions)
    if charts_ready is not None:
        charts_ready(charts)
    full = load_history_in(s, owner_id)
    data = ReportData(
        asked_start=asked,
        name=settings.display_name,
        start=start,
        end=end,
        regions=regions,
        unit=settings.unit,
        adherence=adherence(s, owner_id, start, end),
        pain=pain_lines(s, owner_id, start, end, regions),
        peg=tuple((pd.Timestamp(d).date(), float(v)) for d, v in zip(p.peg["period"], p.peg["peg"], strict=True)),
        loads=tuple(
            LoadLine(c.exercise, c.percent, line) for c, line in zip(p.picture.changes, p.picture.lines, strict=True)
        ),
        headline=p.picture.headline,
        outcomes=outcomes(
            ((day, state, worse) for _, day, state, worse in session_statuses(s, scope, limit=settings.pain_limit)),
            settings.pain_limit,
        ),
        changes=tuple(ChangeLine(c.day, c.title) for c in accepted_changes_in(s, owner_id, start, end)),
        flags=tuple(flags_in(_within(full, end, regions), thresholds(settings.rules), start, end)),
        note=note,
        function=function_summary(((g.activity, g.retired_on, g.ratings) for g in goals_in(s, owner_id)), start, end),
        pgic=tuple(a for a in answers_in(s, owner_id) if start <= a.day <= end),
        medication=medication_summary(regular_in(s, owner_id), doses_between_in(s, owner_id, start, end), start, end),
        sleep=sleep_summary(nights_in(s, owner_id, start, end).values()),
    )
    return Report(data, charts)


def report_pdf(
    ctx: Ctx,
    *,
    start: date,
    end: date,
    regions: tuple[str, ...],
    progress: OnProgress | None = None,
    note: str = "",
    demo: bool = False,
    drawer: ChartProcess | None = None,
) -> bytes:
    """The owner's report for a range and regions as PDF bytes; `progress(fraction, text)` hears how far it is.

    The report and its session log are read in one transaction; `demo` marks every page as made-up demo data
    (formats/report_pdf.render_pdf). With a started `drawer` (the command line's), the charts are drawn in that
    process while this one reads the session log and writes page 1; if it fails they are drawn here.
    """
    say = progress or (lambda _fraction, _text: None)
    say(0.05, "Summarising your data…")
    sent: list[dict[str, Any]] = []

    def send(charts: Sequence[ReportChart]) -> None:
        # One chart at a time: the other process draws each while this one builds the next.
        for shown in charts:
            sent.append(report_png_arguments(shown.figures))
            if drawer is not None:
                drawer.draw(sent[-1:])

    with ctx.db.read() as s:
        try:
            report = build_report_in(
                s, ctx.owner_id, start=start, end=end, regions=regions, note=note,
                charts_ready=send if drawer is not None else None,
            )  # fmt: skip
        except ChartProcessError:
            drawer = None  # gone while being sent the charts: they are drawn here, the same images
            sent.clear()
            report = build_report_in(s, ctx.owner_id, start=start, end=end, regions=regions, note=note)
        log = session_log_in(s, ctx.owner_id, start, end, regions)

    # Imported once the charts are sent (fpdf2 takes about 0.4 s to load). Each chart goes on its page as soon as
    # its image is here, while the next is still being drawn.
    from formats.report_pdf import render_pdf

    def images() -> Iterator[tuple[str, bytes, str]]:
        pictures = _drawn(drawer, sent, report.charts, say)
        yield from ((shown.title, picture, shown.key) for shown, picture in zip(report.charts, pictures, strict=True))
        say(0.75, "Writing the session log…")

    pdf = render_pdf(report.data, log, images, demo=demo)
    say(1.0, "Done.")
    return pdf


def _drawn(
    drawer: ChartProcess | None, sent: list[dict[str, Any]], charts: Sequence[ReportChart], say: OnProgress
) -> Iterator[bytes]:
    """The charts' PNG images as each is drawn: by the drawer's process while it has them, the rest here."""
    from formats.vl_engine import draw_png

    done = 0
    if drawer is not None:
        try:
            for picture in drawer.each():
                done += 1
                yield picture
        except ChartProcessError:
            pass  # the rest are the same images, only later
    for i in range(done, len(charts)):
        say(0.2 + 0.5 * i / len(charts), f"Drawing the charts ({i + 1} of {len(charts)})…")
        yield draw_png(sent[i] if i < len(sent) else report_png_arguments(charts[i].figures))

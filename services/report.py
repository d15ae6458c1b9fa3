"""The doctor's report: one owner's data for a date range and body regions, gathered for page and PDF."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta

import pandas as pd

from db import queries
from db.models import Profile
from services.context import Ctx, settings_of
from services.history import history
from services.suggestions import accepted_changes, load_history
from tracker.history import History
from tracker.redflags import red_flags
from tracker.report import Adherence, ChangeLine, FlagLine, ReportData
from tracker.rules import Thresholds, thresholds

LOG_COLUMNS = ["when", "exercises", "pain", "effort", "notes"]


def _bounds(start: date, end: date) -> tuple[datetime, datetime]:
    return datetime.combine(start, time.min), datetime.combine(end + timedelta(days=1), time.min)


def adherence(ctx: Ctx, start: date, end: date) -> Adherence:
    """Sessions and cardio minutes in the range (both days included)."""
    first, after = _bounds(start, end)
    with ctx.db.read() as s:
        sessions = queries.sessions(s, ctx.owner_id, first, after)
        entries = queries.entries(s, ctx.owner_id, first, after)
    cardio = float(entries.loc[entries["category"] == "cardio", "minutes"].sum())
    weeks = ((end - start).days + 1) / 7
    return Adherence(len(sessions), weeks, round(cardio, 1))


def _within(history: History, end: date, regions: tuple[str, ...]) -> History:
    """The history up to `end`, with pain ratings of the chosen regions only."""
    sessions = tuple(
        replace(s, pains=tuple(p for p in s.pains if p.region in regions)) for s in history.sessions if s.day <= end
    )
    mornings = tuple(m for m in history.mornings if m.region in regions and m.day <= end)
    return History(sessions, mornings, history.exercises)


def flags_in(history: History, limits: Thresholds, start: date, end: date) -> list[FlagLine]:
    """Red flags anywhere in the range: the red-flag rules run with the whole range as the recent window."""
    window = Thresholds({**limits.values, "recent_days": (end - start).days + 1})
    return [FlagLine(f.title, f.dates) for f in red_flags(history, window, end)]


def session_log(ctx: Ctx, start: date, end: date, regions: tuple[str, ...]) -> pd.DataFrame:
    """The range's sessions, oldest first, as readable text (pain in the chosen regions only)."""
    table = history(ctx, *_bounds(start, end), regions=regions, compact=True)
    return table.iloc[::-1].reset_index(drop=True)[LOG_COLUMNS]


def report_data(ctx: Ctx, *, start: date, end: date, regions: tuple[str, ...], note: str = "") -> ReportData:
    """Everything page 1 of the report says, for the owner's data from `start` to `end` in `regions`."""
    with ctx.db.read() as s:
        profile = s.get_one(Profile, ctx.owner_id)
        settings = settings_of(profile)
    full, _ = load_history(ctx)
    mine = _within(full, end, regions)
    return ReportData(
        name=settings.display_name,
        start=start,
        end=end,
        regions=regions,
        unit=settings.unit,
        adherence=adherence(ctx, start, end),
        changes=tuple(ChangeLine(c.day, c.title) for c in accepted_changes(ctx, start, end)),
        flags=tuple(flags_in(mine, thresholds(settings.rules), start, end)),
        note=note,
    )

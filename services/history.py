"""The History table and the home page's seven-day summary."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import pandas as pd

from db import queries
from db.models import Profile
from services.context import Ctx
from tracker.describe import describe_entry, describe_pain

HISTORY_COLUMNS = ["session_id", "when", "exercises", "pain", "effort", "notes"]


def history(
    ctx: Ctx,
    start: datetime | None = None,
    end: datetime | None = None,
    regions: tuple[str, ...] | None = None,
    *,
    compact: bool = False,
) -> pd.DataFrame:
    """One row per session, newest first, with exercises (identical sets grouped when compact) and pain
    (in `regions` only, if given) as readable text."""
    with ctx.db.read() as s:
        unit = s.get_one(Profile, ctx.owner_id).unit
        sessions = queries.sessions(s, ctx.owner_id, start, end)
        entries = queries.entries(s, ctx.owner_id, start, end)
        sets = queries.sets(s, ctx.owner_id, start, end)
        pains = queries.pains(s, ctx.owner_id, start, end)
    if sessions.empty:
        return pd.DataFrame(columns=HISTORY_COLUMNS)
    if regions is not None:
        pains = pains[pains["region"].isin(regions)].copy()
    sets_by_entry = {
        entry_id: list(
            zip(
                group["weight_kg"].astype(object).where(group["weight_kg"].notna(), None),
                group["reps"].astype(int),
                strict=True,
            )
        )
        for entry_id, group in sets.groupby("entry_id")
    }
    entries["text"] = [
        describe_entry(
            row.exercise,
            sets_by_entry.get(row.entry_id, []),
            _opt(row.minutes),
            _opt(row.distance_km),
            unit,
            compact=compact,
        )
        for row in entries.itertuples()
    ]
    pains["text"] = [
        describe_pain(row.region, _int(row.before), _int(row.during), _int(row.after)) for row in pains.itertuples()
    ]
    exercise_text = entries.groupby("session_id")["text"].agg("; ".join)
    pain_text = pains.groupby("session_id")["text"].agg("; ".join)
    table = pd.DataFrame(
        {
            "session_id": sessions["session_id"],
            "when": sessions["started_at"],
            "exercises": sessions["session_id"].map(exercise_text).fillna(""),
            "pain": sessions["session_id"].map(pain_text).fillna(""),
            "effort": sessions["rpe"].astype("Int64"),
            "notes": sessions["notes"],
        }
    )
    return table.iloc[::-1].reset_index(drop=True)


def _opt(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)  # type: ignore[arg-type]


def _int(value: object) -> int | None:
    return None if value is None or pd.isna(value) else int(value)  # type: ignore[call-overload]


@dataclass(frozen=True)
class WeekSummary:
    """The last seven days at a glance."""

    sessions: int
    strength_sets: int
    cardio_minutes: float
    mean_peak_pain: float | None
    worst_peak_pain: int | None


def week_summary(ctx: Ctx, *, today: date | None = None) -> WeekSummary:
    """Sessions, sets, cardio minutes and peak pain over the last 7 days (today included)."""
    today = today or date.today()
    start = datetime.combine(today - timedelta(days=6), time.min)
    end = datetime.combine(today + timedelta(days=1), time.min)
    with ctx.db.read() as s:
        sessions = queries.sessions(s, ctx.owner_id, start, end)
        entries = queries.entries(s, ctx.owner_id, start, end)
        sets = queries.sets(s, ctx.owner_id, start, end)
        pains = queries.pains(s, ctx.owner_id, start, end)
    during = pains["during"].dropna()
    cardio = entries.loc[entries["category"] == "cardio", "minutes"].sum()
    return WeekSummary(
        sessions=len(sessions),
        strength_sets=len(sets),
        cardio_minutes=float(cardio),
        mean_peak_pain=round(float(during.mean()), 1) if not during.empty else None,
        worst_peak_pain=int(during.max()) if not during.empty else None,
    )

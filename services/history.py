"""The History table and the home page's seven-day summary.

The home page is the first page a server draws: its summary reads plain rows (db/history_rows.py), and pandas
is loaded only by the History table.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import selectinload

from db.history_rows import anything_logged, week_rows
from db.models import Entry, ExerciseSession, Profile
from services.context import Ctx
from tracker.describe import describe_entry, describe_pain

if TYPE_CHECKING:
    import pandas as pd

HISTORY_COLUMNS = ["session_id", "when", "exercises", "peak", "pain", "effort", "notes"]
KM_PER_MILE = 1.609344


def history(
    ctx: Ctx,
    start: datetime | None = None,
    end: datetime | None = None,
    regions: tuple[str, ...] | None = None,
    *,
    compact: bool = False,
) -> pd.DataFrame:
    """One row per session, newest first, as readable text: exercises (identical sets grouped when compact),
    the highest pain during ('4/10'), pain (in `regions` only, if given), effort (RPE) and notes ('' where missing)."""
    with ctx.db.read() as s:
        return history_in(s, ctx.owner_id, start, end, regions, compact=compact)


def history_in(
    s: OrmSession,
    owner_id: int,
    start: datetime | None = None,
    end: datetime | None = None,
    regions: tuple[str, ...] | None = None,
    *,
    compact: bool = False,
) -> pd.DataFrame:
    """The History table read in the caller's transaction `s` (see history)."""
    import pandas as pd

    from db import queries

    unit = s.get_one(Profile, owner_id).unit
    sessions = queries.sessions(s, owner_id, start, end)
    entries = queries.entries(s, owner_id, start, end)
    sets = queries.sets(s, owner_id, start, end)
    pains = queries.pains(s, owner_id, start, end)
    if sessions.empty:
        return pd.DataFrame(columns=HISTORY_COLUMNS)
    if regions is not None:
        pains = pains[pains["region"].isin(regions)].copy()
    # Grouped in one pass over plain values: a pandas group per entry cost seconds over a year of sessions.
    sets_by_entry: dict[int, list[tuple[float | None, int]]] = defaultdict(list)
    for entry_id, weight, reps in zip(
        sets["entry_id"].tolist(), sets["weight_kg"].tolist(), sets["reps"].tolist(), strict=True
    ):
        sets_by_entry[entry_id].append((None if weight is None or weight != weight else weight, int(reps)))
    entries["text"] = [
        _entry_text(
            row.exercise, sets_by_entry.get(row.entry_id, []), _opt(row.minutes), _opt(row.distance_km), unit, compact
        )
        for row in entries.itertuples()
    ]
    pains["text"] = [
        describe_pain(row.region, _int(row.before), _int(row.during), _int(row.after)) for row in pains.itertuples()
    ]
    exercise_text = entries.groupby("session_id")["text"].agg("; ".join)
    pain_text = pains.groupby("session_id")["text"].agg("; ".join)
    peak = pains.groupby("session_id")["during"].max()
    ids = sessions["session_id"]
    table = pd.DataFrame(
        {
            "session_id": ids,
            "when": sessions["started_at"],
            "exercises": ids.map(exercise_text).fillna(""),
            "peak": [_out_of_ten(peak.get(i)) for i in ids],
            "pain": ids.map(pain_text).fillna(""),
            "effort": sessions["rpe"].astype("Int64"),
            "notes": sessions["notes"].fillna("").astype(str),
        }
    )
    return table.iloc[::-1].reset_index(drop=True)


def describe_session(ctx: Ctx, session_id: int, started: datetime) -> str:
    """One live session in a sentence, as History shows it: '2026-12-02 18:30 · Leg press: 3 × 12 at 60 kg ·
    peak pain 4/10'."""
    rows = history(ctx, started, started + timedelta(minutes=1), compact=True)
    row = rows[rows["session_id"] == session_id]
    if row.empty:
        return f"the session of {started:%Y-%m-%d %H:%M}"
    return _summary(started, str(row["exercises"].iloc[0]), str(row["peak"].iloc[0]))


def binned(ctx: Ctx) -> list[tuple[int, str, datetime]]:
    """Sessions in the bin, newest deletion first: id, what it was (as History describes it), when deleted."""
    with ctx.db.read() as s:
        unit = s.get_one(Profile, ctx.owner_id).unit
        found = s.scalars(
            select(ExerciseSession)
            .where(ExerciseSession.owner_id == ctx.owner_id, ExerciseSession.deleted_at.is_not(None))
            .order_by(ExerciseSession.deleted_at.desc())
            .options(
                selectinload(ExerciseSession.entries).selectinload(Entry.sets),
                selectinload(ExerciseSession.entries).selectinload(Entry.exercise),
                selectinload(ExerciseSession.pains),
            )
        ).all()
        described = []
        for session in found:
            exercises = "; ".join(
                _entry_text(
                    e.exercise.name, [(w.weight_kg, w.reps) for w in e.sets], e.minutes, e.distance_km, unit, True
                )
                for e in session.entries
            )
            peaks = [p.during for p in session.pains if p.during is not None]
            summary = _summary(session.started_at, exercises, _out_of_ten(max(peaks) if peaks else None))
            if session.deleted_at is not None:
                described.append((session.id, summary, session.deleted_at))
        return described


def _summary(started: datetime, exercises: str, peak: str) -> str:
    parts = [f"{started:%Y-%m-%d %H:%M}", exercises or "no exercises", f"peak pain {peak}" if peak else ""]
    return " · ".join(p for p in parts if p)


def _entry_text(
    exercise: str,
    sets: list[tuple[float | None, int]],
    minutes: float | None,
    distance_km: float | None,
    unit: str,
    compact: bool,
) -> str:
    """One exercise as text; a distance in miles for someone who weighs in pounds."""
    if unit != "lb" or distance_km is None:
        return describe_entry(exercise, sets, minutes, distance_km, unit, compact=compact)
    text = describe_entry(exercise, sets, minutes, None, unit, compact=compact)
    miles = f"{round(distance_km / KM_PER_MILE, 2):g} miles"
    return f"{text}, {miles}" if minutes is not None else f"{exercise}: {miles}"


def _missing(value: object) -> bool:
    import pandas as pd  # loaded already: only the History table's frames hold missing values

    return value is None or bool(pd.isna(value))  # type: ignore[call-overload]


def _out_of_ten(value: object) -> str:
    """'4/10', or '' when not rated."""
    return "" if _missing(value) else f"{int(value)}/10"  # type: ignore[call-overload]


def _opt(value: object) -> float | None:
    return None if _missing(value) else float(value)  # type: ignore[arg-type]


def _int(value: object) -> int | None:
    return None if _missing(value) else int(value)  # type: ignore[call-overload]


def has_anything(ctx: Ctx) -> bool:
    """True once the owner has logged a session or a check-in (a first visit has neither)."""
    with ctx.db.read() as s:
        return anything_logged(s, ctx.owner_id)


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
        week = week_rows(s, ctx.owner_id, start, end)
    during = week.during
    return WeekSummary(
        sessions=week.sessions,
        strength_sets=week.strength_sets,
        cardio_minutes=week.cardio_minutes,
        mean_peak_pain=round(sum(during) / len(during), 1) if during else None,
        worst_peak_pain=max(during) if during else None,
    )

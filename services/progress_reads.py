"""Reading one owner's sessions in a date range as the tracker's Work values (for the Progress page)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

import pandas as pd
from sqlalchemy.orm import Session as OrmSession

from db import queries
from tracker.pain import Response
from tracker.threshold import Work, session_response
from tracker.units import from_kg


def _opt_int(value: object) -> int | None:
    return None if value is None or pd.isna(value) else int(value)  # type: ignore[call-overload]


def load_works(
    s: OrmSession, owner_id: int, start: date, end: date, regions: Sequence[str], unit: str
) -> tuple[list[Work], list[tuple[date, Response | None]]]:
    """Every exercise done in the range with its session's peak pain and 24-hour response (loads in `unit`),
    and each session's day and response."""
    lo, hi = queries.day_range(start, end)
    entries = queries.entries(s, owner_id, lo, hi)
    sets = queries.sets(s, owner_id, lo, hi)
    pains = queries.session_pains(s, owner_id, start, end, regions)
    sets_of: dict[int, list[tuple[float | None, int]]] = defaultdict(list)
    for entry_id, weight, reps in zip(sets["entry_id"], sets["weight_kg"], sets["reps"], strict=True):
        load = None if pd.isna(weight) else from_kg(float(weight), unit)
        sets_of[int(entry_id)].append((load, int(reps)))
    ratings: dict[int, list[tuple[int | None, int | None]]] = defaultdict(list)
    peaks: dict[int, int] = {}
    for sid, before, during, morning in zip(
        pains["session_id"], pains["before"], pains["during"], pains["morning"], strict=True
    ):
        ratings[int(sid)].append((_opt_int(before), _opt_int(morning)))
        if (peak := _opt_int(during)) is not None:
            peaks[int(sid)] = max(peaks.get(int(sid), peak), peak)
    sessions = queries.sessions(s, owner_id, lo, hi)
    responses = {int(sid): session_response(ratings.get(int(sid), ())) for sid in sessions["session_id"]}
    days = [
        (pd.Timestamp(t).date(), responses[int(sid)])
        for sid, t in zip(sessions["session_id"], sessions["started_at"], strict=True)
    ]
    works = [
        Work(
            pd.Timestamp(row.started_at).date(),
            str(row.exercise),
            str(row.category),
            tuple(sets_of.get(int(row.entry_id), ())),
            None if pd.isna(row.minutes) else float(row.minutes),
            peaks.get(int(row.session_id)),
            responses.get(int(row.session_id)),  # type: ignore[call-overload]
        )
        for row in entries.itertuples()
    ]
    return works, days

"""Reading one owner's sessions in a date range as the tracker's Work values (for the Progress page)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from sqlalchemy.orm import Session as OrmSession

from db import queries
from tracker.pain import Response
from tracker.threshold import Work, session_response
from tracker.units import from_kg


def load_works(
    s: OrmSession, owner_id: int, start: date, end: date, regions: Sequence[str], unit: str
) -> tuple[list[Work], list[tuple[date, Response | None]]]:
    """Every exercise done in the range with its session's peak pain and 24-hour response (loads in `unit`),
    and each session's day and response."""
    sets_of: dict[int, list[tuple[float | None, int]]] = defaultdict(list)
    for entry_id, weight, reps, n in queries.set_rows(s, owner_id, start, end):
        sets_of[entry_id].extend([(None if weight is None else from_kg(weight, unit), reps)] * n)
    ratings: dict[int, list[tuple[int | None, int | None]]] = defaultdict(list)
    peaks: dict[int, int] = {}
    for sid, before, during, morning in queries.session_pain_rows(s, owner_id, start, end, regions):
        ratings[sid].append((before, morning))
        if during is not None:
            peaks[sid] = max(peaks.get(sid, during), during)
    sessions = queries.session_days(s, owner_id, start, end)
    responses = {sid: session_response(ratings.get(sid, ())) for sid, _ in sessions}
    days = [(started.date(), responses[sid]) for sid, started in sessions]
    works = [
        Work(started.date(), name, category, tuple(sets_of.get(entry_id, ())), minutes, peaks.get(sid), responses[sid])
        for entry_id, sid, started, name, category, minutes in queries.entry_rows(s, owner_id, start, end)
    ]
    return works, days

"""The Progress figures computed the slow, obvious way: whole sessions through the ORM, then tracker/.

The page gets the same figures from grouped SQL (db/progress_sql.py); tests hold the two equal.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from db.models import Checkin, Entry, ExerciseSession
from db.queries import day_range
from services.context import Ctx
from tracker.pain import Response
from tracker.threshold import Work, session_response
from tracker.trends import DayPain, daily_pain
from tracker.units import from_kg


@dataclass(frozen=True)
class Reference:
    """Every exercise done with the pain around it, each session's day and response, daily pain, kinds by day."""

    works: list[Work]
    sessions: list[tuple[date, Response | None]]
    days: list[DayPain]
    kinds: set[tuple[date, str]]


def reference(ctx: Ctx, start: date, end: date, regions: tuple[str, ...], unit: str) -> Reference:
    """Read the owner's live sessions from start to end (both included) and work everything out in Python."""
    first, after = day_range(start, end)
    with ctx.db.read() as s:
        found = s.scalars(
            select(ExerciseSession)
            .where(
                ExerciseSession.owner_id == ctx.owner_id,
                ExerciseSession.deleted_at.is_(None),
                ExerciseSession.started_at >= first,
                ExerciseSession.started_at < after,
            )
            .order_by(ExerciseSession.started_at)
            .options(
                selectinload(ExerciseSession.entries).selectinload(Entry.sets),
                selectinload(ExerciseSession.entries).selectinload(Entry.exercise),
                selectinload(ExerciseSession.pains),
            )
        ).all()
        checkins = s.scalars(select(Checkin).where(Checkin.owner_id == ctx.owner_id)).all()
        morning = {(c.session_id, c.region): c.pain for c in checkins if c.session_id is not None}
        works: list[Work] = []
        sessions: list[tuple[date, Response | None]] = []
        totals: dict[date, list[int]] = defaultdict(list)
        kinds: set[tuple[date, str]] = set()
        for session in found:
            day = session.started_at.date()
            pains = [p for p in session.pains if p.region in regions]
            response = session_response((p.before, morning.get((session.id, p.region))) for p in pains)
            peaks = [p.during for p in pains if p.during is not None]
            sessions.append((day, response))
            for p in pains:
                totals[day].extend(v for v in (p.before, p.after) if v is not None)
            for entry in session.entries:
                kinds.add((day, entry.exercise.category))
                sets = tuple((None if w.weight_kg is None else from_kg(w.weight_kg, unit), w.reps) for w in entry.sets)
                works.append(
                    Work(
                        day,
                        entry.exercise.name,
                        entry.exercise.category,
                        sets,
                        entry.minutes,
                        max(peaks) if peaks else None,
                        response,
                    )
                )
        for c in checkins:
            if start <= c.day <= end and c.region in regions:
                totals[c.day].append(c.pain)
    days = daily_pain((day, float(sum(values)), len(values)) for day, values in totals.items())
    return Reference(works, sessions, days, kinds)

"""Test data builders with sensible defaults and keyword overrides."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from services.context import Ctx
from services.sessions import log_session
from tracker.session_input import EntryInput, PainInput, SessionInput, SetInput

NOW = datetime(2026, 11, 23, 12, 0)


def strength_session(
    *,
    when: datetime | None = None,
    exercise: str = "Leg press",
    weight: float = 40.0,
    reps: int = 10,
    sets: int = 3,
    during: int = 3,
    before: int = 2,
    after: int = 2,
    region: str = "lower_back",
    notes: str = "",
    rpe: int | None = None,
) -> SessionInput:
    """Input for a one-exercise strength session with one pain rating."""
    return SessionInput(
        started_at=when or NOW - timedelta(hours=2),
        notes=notes,
        rpe=rpe,
        entries=(EntryInput(exercise, sets=tuple(SetInput(weight, reps) for _ in range(sets))),),
        pains=(PainInput(region, before, during, after),),
    )


def cardio_session(
    *,
    when: datetime | None = None,
    exercise: str = "Treadmill walk",
    minutes: float = 30,
    during: int = 2,
    before: int = 2,
    after: int = 2,
    region: str = "lower_back",
) -> SessionInput:
    """Input for a one-exercise cardio session with one pain rating."""
    return SessionInput(
        started_at=when or NOW - timedelta(hours=2),
        entries=(EntryInput(exercise, minutes=minutes),),
        pains=(PainInput(region, before, during, after),),
    )


def create_session(ctx: Ctx, **overrides: Any) -> int:
    """Log a strength session through the service layer; returns its id."""
    # Sessions may be placed relative to the real clock (UI tests) or to NOW (service tests).
    return log_session(ctx, strength_session(**overrides), now=max(NOW, datetime.now()))

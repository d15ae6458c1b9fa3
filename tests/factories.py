"""Test data builders with sensible defaults and keyword overrides."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from services.context import Ctx
from services.sessions import log_session

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
) -> dict[str, Any]:
    """Raw input for a one-exercise strength session with one pain rating."""
    return {
        "started_at": when or NOW - timedelta(hours=2),
        "notes": notes,
        "rpe": rpe,
        "entries": [{"exercise": exercise, "sets": [{"weight": weight, "reps": reps} for _ in range(sets)]}],
        "pains": [{"region": region, "before": before, "during": during, "after": after}],
    }


def cardio_session(
    *,
    when: datetime | None = None,
    exercise: str = "Treadmill walk",
    minutes: float = 30,
    during: int = 2,
    before: int = 2,
    after: int = 2,
    region: str = "lower_back",
) -> dict[str, Any]:
    """Raw input for a one-exercise cardio session with one pain rating."""
    return {
        "started_at": when or NOW - timedelta(hours=2),
        "entries": [{"exercise": exercise, "minutes": minutes}],
        "pains": [{"region": region, "before": before, "during": during, "after": after}],
    }


def create_session(ctx: Ctx, **overrides: Any) -> int:
    """Log a strength session through the service layer; returns its id."""
    # Sessions may be placed relative to the real clock (UI tests) or to NOW (service tests).
    return log_session(ctx, strength_session(**overrides), now=max(NOW, datetime.now()))

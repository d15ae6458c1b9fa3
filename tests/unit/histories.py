"""Small synthetic histories for the suggestion rules: days counted back from a fixed today."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from tracker.catalog import Exercise, by_name
from tracker.history import ExerciseDone, Morning, PainAround, SessionDone, SetDone, make_history
from tracker.settings import Settings
from tracker.suggestions import Suggestion, candidates, suggest
from tracker.units import to_kg

TODAY = date(2026, 11, 23)


def ago(days: int) -> date:
    """The day `days` before TODAY."""
    return TODAY - timedelta(days=days)


def pain(during: int | None = 3, before: int | None = 2, morning: int | None = 2) -> tuple[PainAround, ...]:
    """One lower-back rating; morning=None means no next-morning check-in."""
    return (PainAround("lower_back", before, during, morning),)


def lift(
    days_ago: int,
    name: str = "Leg press",
    weight: float | None = 40.0,
    reps: Sequence[int] = (10, 10, 10),
    *,
    unit: str = "kg",
    during: int | None = 3,
    before: int | None = 2,
    morning: int | None = 2,
) -> SessionDone:
    """A strength session (weight in `unit`, stored in kg as the app does)."""
    kg = None if weight is None else to_kg(weight, unit)
    entry = ExerciseDone(name, tuple(SetDone(kg, r) for r in reps))
    return SessionDone(ago(days_ago), (entry,), pain(during, before, morning))


def cardio(
    days_ago: int,
    name: str = "Treadmill walk",
    minutes: float = 30,
    *,
    during: int | None = 2,
    before: int | None = 2,
    morning: int | None = 2,
) -> SessionDone:
    """A cardio (or any minutes-only) session."""
    return SessionDone(ago(days_ago), (ExerciseDone(name, (), minutes),), pain(during, before, morning))


def suggestions(
    sessions: Sequence[SessionDone],
    *,
    unit: str = "kg",
    limit: int = 5,
    rules: Mapping[str, float] | None = None,
    mornings: Sequence[Morning] = (),
    extra: Sequence[Exercise] = (),
) -> list[Suggestion]:
    """Run every rule on the sessions as of TODAY."""
    exercises = {**by_name(), **{e.name: e for e in extra}}
    settings = Settings(unit=unit, pain_limit=limit, rules=dict(rules or {}))
    return suggest(make_history(sessions, mornings, exercises), settings, TODAY)


def every_candidate(sessions: Sequence[SessionDone]) -> list[Suggestion]:
    """What every rule makes as of TODAY (default settings), the changes waiting behind the one shown included."""
    return candidates(make_history(sessions, (), by_name()), Settings(unit="kg", pain_limit=5, rules={}), TODAY)


def keys(found: Sequence[Suggestion]) -> list[str]:
    """The suggestions' keys, in the order shown."""
    return [s.key for s in found]


def improving_leg_press(
    count: int = 6, *, unit: str = "kg", start: float = 40.0, step: float = 2.0
) -> list[SessionDone]:
    """`count` leg-press sessions a week apart, load rising each time, 3 x 10 reps, pain calm, mornings settled."""
    return [lift(7 * (count - 1 - i) + 1, weight=start + step * i, unit=unit) for i in range(count)]

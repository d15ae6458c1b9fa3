"""All suggestion rules together: red flags first, and no load increase while a warning sign is present."""

from __future__ import annotations

from datetime import date

from tracker.advice import CHECK_WITH_PHYSIO, Kind, Suggestion
from tracker.cardio import ladder_down, ladder_up, pacing
from tracker.cautions import high_impact, one_sided
from tracker.history import History
from tracker.progression import ease_off, progression
from tracker.redflags import NOT_LOGGED_REMINDER, red_flags
from tracker.rules import thresholds
from tracker.settings import Settings
from tracker.switch import machine_to_free

__all__ = ["CHECK_WITH_PHYSIO", "NOT_LOGGED_REMINDER", "Kind", "Suggestion", "load_increases_blocked", "suggest"]

# Shown in this order; red flags always come first.
ORDER = (
    Kind.RED_FLAG,
    Kind.EASE,
    Kind.WARNING,
    Kind.LADDER_DOWN,
    Kind.PACING,
    Kind.DELOAD,
    Kind.SWITCH,
    Kind.PROGRESS,
    Kind.LADDER_UP,
)
RULES = (ease_off, high_impact, one_sided, ladder_down, pacing, progression, machine_to_free, ladder_up)


def load_increases_blocked(history: History, settings: Settings, flags: list[Suggestion]) -> bool:
    """True while a red flag is present or the latest session went over the limit or left a worse morning."""
    if flags:
        return True
    if not history.sessions:
        return False
    last = history.sessions[-1]
    return last.over_limit(settings.pain_limit) or last.worse_next_morning


def suggest(history: History, settings: Settings, today: date) -> list[Suggestion]:
    """Every suggestion that applies today, red flags first; load increases are left out while blocked."""
    limits = thresholds(settings.rules)
    past = History(tuple(s for s in history.sessions if s.day <= today), history.mornings, history.exercises)
    flags = red_flags(past, limits, today)
    found = [s for rule in RULES for s in rule(past, settings, limits, today)]
    if load_increases_blocked(past, settings, flags):
        found = [s for s in found if not s.raises_load]
    # Moving to a gentler kind of cardio replaces pacing the one being left.
    leaving = {s.key.removeprefix("ladder_down:") for s in found if s.kind is Kind.LADDER_DOWN}
    found = [s for s in found if not (s.kind is Kind.PACING and s.key.split(":", 1)[1] in leaving)]
    found.sort(key=lambda s: ORDER.index(s.kind))
    return flags + found

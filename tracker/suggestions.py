"""All suggestion rules together: red flags first, one plan per exercise, no load increase while pain is up."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from tracker.advice import CHECK_WITH_PHYSIO, Kind, Suggestion
from tracker.cardio import ladder_down, ladder_up, pacing
from tracker.cautions import high_impact, one_sided
from tracker.flareups import flare_ups
from tracker.history import History
from tracker.progression import ease_off, progression
from tracker.redflags import NOT_LOGGED_REMINDER, red_flags
from tracker.rules import thresholds
from tracker.settings import Settings
from tracker.switch import machine_to_free

__all__ = ["CHECK_WITH_PHYSIO", "NOT_LOGGED_REMINDER", "Kind", "Suggestion", "load_increases_blocked", "suggest"]

# Shown in this order; red flags always come first. Where two plan the same exercise, the earlier one stays.
ORDER = (
    Kind.RED_FLAG,
    Kind.FLARE_UP,
    Kind.EASE,
    Kind.WARNING,
    Kind.LADDER_DOWN,
    Kind.PACING,
    Kind.DELOAD,
    Kind.SWITCH,
    Kind.PROGRESS,
    Kind.LADDER_UP,
)
RULES = (ease_off, high_impact, one_sided, ladder_down, pacing, progression, machine_to_free, ladder_up, flare_ups)


def load_increases_blocked(history: History, settings: Settings, warnings: Sequence[Suggestion]) -> bool:
    """True during a red flag or flare-up, or when the latest judged session went over the limit or left a worse
    morning (a session still waiting for its next-morning rating neither blocks nor clears)."""
    if any(s.kind in (Kind.RED_FLAG, Kind.FLARE_UP) for s in warnings):
        return True
    last = history.latest_judged(settings.pain_limit)
    return last is not None and last.failed(settings.pain_limit)


def one_plan_per_exercise(found: Sequence[Suggestion]) -> list[Suggestion]:
    """Keep, for each exercise, only the first suggestion (in ORDER) that sets its load or minutes."""
    planned: set[str] = set()
    kept: list[Suggestion] = []
    for suggestion in sorted(found, key=lambda s: ORDER.index(s.kind)):
        if planned.intersection(suggestion.plans):
            continue
        planned.update(suggestion.plans)
        kept.append(suggestion)
    return kept


def suggest(history: History, settings: Settings, today: date) -> list[Suggestion]:
    """Every suggestion that applies today, red flags first; load increases are left out while blocked."""
    limits = thresholds(settings.rules)
    past = History(tuple(s for s in history.sessions if s.day <= today), history.mornings, history.exercises)
    flags = red_flags(past, limits, today)
    flagged = {f.key.rsplit(":", 1)[1] for f in flags}
    found = [s for rule in RULES for s in rule(past, settings, limits, today)]
    # A red flag in a region says more than a flare-up there.
    found = [s for s in found if not (s.kind is Kind.FLARE_UP and s.key.split(":", 1)[1] in flagged)]
    if load_increases_blocked(past, settings, [*flags, *found]):
        found = [s for s in found if not s.raises_load]
    return flags + one_plan_per_exercise(found)

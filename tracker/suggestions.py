"""All suggestion rules together: red flags first, one plan per exercise, no load increase while pain is up."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from tracker.advice import CHECK_WITH_PHYSIO, Kind, Suggestion
from tracker.cardio import ladder_down, ladder_up, pacing
from tracker.cautions import high_impact, one_sided
from tracker.describe import joined
from tracker.ease import ease_off
from tracker.flareups import flare_ups
from tracker.history import History
from tracker.progression import progression
from tracker.redflags import NOT_LOGGED_REMINDER, red_flags
from tracker.rules import thresholds
from tracker.settings import Settings
from tracker.switch import machine_to_free

__all__ = [
    "CHECK_WITH_PHYSIO",
    "NOT_LOGGED_REMINDER",
    "TRYING_DAYS",
    "Kind",
    "Suggestion",
    "candidates",
    "is_change",
    "load_increases_blocked",
    "one_change_at_a_time",
    "suggest",
]

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


# An accepted change is given this long to show how the body answers before the next change is offered.
TRYING_DAYS = 14


def is_change(suggestion: Suggestion) -> bool:
    """A planned change made while things go well (more load or minutes, free weights, a step back up, a lighter
    week), as opposed to easing off after pain or a warning."""
    return suggestion.raises_load or suggestion.kind is Kind.DELOAD


def one_change_at_a_time(found: Sequence[Suggestion], *, under_way: bool = False) -> list[Suggestion]:
    """Keep the first planned change (a move to free weights, else in ORDER); the others wait, as the one kept says.

    With two changes at once, a rise in pain could come from either; one at a time shows what the body tolerates.
    `under_way`: a change the person accepted is still being tried, so every other change waits for it.
    """
    # The move to free weights is the product's main suggestion: it goes first, the rest in ORDER.
    changes = sorted((s for s in found if is_change(s)), key=lambda s: s.kind is not Kind.SWITCH)
    if not changes:
        return list(found)
    first, waiting = changes[0], changes[1:]
    kept = [s for s in found if not is_change(s) or (s is first and not under_way)]
    if not waiting or under_way:
        return kept
    titles = joined([f"\u201c{s.title}\u201d" for s in waiting])
    note = (
        f" Also due, and waiting for this one: {titles}. Once you accept it, the next comes after {TRYING_DAYS // 7} "
        "weeks of trying it; dismiss or snooze it and the next comes at once. One change at a time shows which one "
        "your body answers to."
    )
    return [replace(s, what=s.what + note) if s is first else s for s in kept]


def candidates(history: History, settings: Settings, today: date) -> list[Suggestion]:
    """Every suggestion the rules make today, red flags first; several planned changes may be among them."""
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


def suggest(history: History, settings: Settings, today: date) -> list[Suggestion]:
    """The suggestions to show today, red flags first: load increases left out while blocked, one change at a time."""
    return one_change_at_a_time(candidates(history, settings, today))

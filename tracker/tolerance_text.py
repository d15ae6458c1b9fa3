"""The words of the pain-threshold picture: one headline and one line per main exercise, from its levels."""

from __future__ import annotations

from collections.abc import Sequence
from statistics import fmean

from tracker.advice import day_text
from tracker.tolerance import LevelChange, effort_text


def change_figure(change: LevelChange, same_within: float) -> str:
    """'+29%'; where the reps say more than the load's percent, the reps too: 'same load, 4 more reps' or
    '+4%, 4 more reps'."""
    if not change.reps_say_more(same_within):
        return f"{change.percent:+.0f}%"
    count = abs(change.more_reps)
    reps = f"{count} {'more' if change.more_reps > 0 else 'fewer'} rep{'' if count == 1 else 's'}"
    same = change.first.effort.load == change.last.effort.load
    return f"same load, {reps}" if same else f"{change.percent:+.0f}%, {reps}"


def change_words(change: LevelChange, unit: str, same_within: float) -> str:
    """'60 kg × 12 → 77.5 kg × 12 within the pain limit (+29%)': an exercise's chart subtitle."""
    before, after = effort_text(change.first.effort, unit), effort_text(change.last.effort, unit)
    return f"{before} → {after} within the pain limit ({change_figure(change, same_within)})"


def change_line(change: LevelChange, unit: str, same_within: float) -> str:
    """'Leg press: 60 kg × 12 → 77.5 kg × 12 within the pain limit (+29%)'."""
    return f"{change.exercise}: {change_words(change, unit, same_within)}"


def _moved(percent: float, same_within: float) -> str:
    if abs(percent) < same_within:
        return f"about the same (within {same_within:g}%)"
    return f"up {percent:.0f}%" if percent > 0 else f"down {-percent:.0f}%"


def headline(
    changes: Sequence[LevelChange],
    same_within: float,
    unit: str,
    *,
    pending: int = 0,
    tolerated: int = 0,
    limit: int = 5,
    so_far: Sequence[str] = (),
) -> str:
    """One line that says where the tolerated level went, in words and numbers, or what it still needs
    (`so_far`: each exercise's level when none has a change yet, e.g. 'Leg press 40 kg × 12').

    The same words go to the person (Progress) and to their doctor (the report, the share view), so they speak
    about the data, not to either reader: what to do next is the page's to say beside it."""
    if not changes:
        if pending:
            if pending == 1:
                return (
                    "1 recent session is waiting for the next-morning rating; if it settles, it counts as tolerated "
                    "work."
                )
            return (
                f"{pending} recent sessions are waiting for the next-morning rating; each one that settles counts as "
                "tolerated work."
            )
        if tolerated:
            shown = f" ({'; '.join(so_far)})" if so_far else ""
            return f"Tolerated so far{shown}; no trend yet: a level counts once reached on a second tolerated day."
        return (
            f"No tolerated session yet: a session counts when pain during stays at or below the pain limit "
            f"({limit}/10) and pain on waking the next morning is no more than 1 point above the level before it."
        )
    since = day_text(min(c.first.day for c in changes))
    directions = {c.direction(same_within) for c in changes}
    if len(changes) == 1:
        (c,) = changes
        reps = c.reps_say_more(same_within)
        moved = ("up" if c.more_reps > 0 else "down") if reps else _moved(c.percent, same_within)
        more = f": {change_figure(c, same_within)}" if reps else ""
        return (
            f"Tolerated work on {c.exercise} is {moved} since {since} "
            f"({effort_text(c.first.effort, unit)} → {effort_text(c.last.effort, unit)}{more})"
        )
    # One mean percent only where every percent says the whole change (reps gained at one load are not in it).
    if len(directions) == 1 and not any(c.reps_say_more(same_within) for c in changes):
        mean = fmean(c.percent for c in changes)
        return (
            f"Tolerated work is {_moved(mean, same_within)} since {since} across the {len(changes)} exercises charted"
        )
    groups = {1: "rose for", -1: "fell for", 0: "held about the same for"}
    parts = []
    for sign in (1, -1, 0):
        named = [f"{c.exercise} ({change_figure(c, same_within)})" for c in changes if c.direction(same_within) == sign]
        if named:
            parts.append(f"{groups[sign]} {_and(named)}")
    return f"Since {since}, tolerated work " + "; ".join(parts)


def _and(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"

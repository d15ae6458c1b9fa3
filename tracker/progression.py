"""Pain-gated double progression for strength work: raise, keep, lighten after stalls, ease off after a flare."""

from __future__ import annotations

from datetime import date, timedelta

from tracker.advice import Kind, Suggestion, days_text, make
from tracker.catalog import Exercise, is_lower_body
from tracker.history import ExerciseDone, History, SessionDone
from tracker.rules import Thresholds
from tracker.settings import Settings
from tracker.strength import DUMBBELL_STEP, PLATE_STEP, round_down_to_step
from tracker.units import format_weight, to_kg

# Typical increments: smaller for the upper body, larger for the legs (in the user's unit).
UPPER_INCREMENT = {"kg": 2.5, "lb": 5.0}
LOWER_INCREMENT = {"kg": 5.0, "lb": 10.0}


def load_step(equipment: str) -> dict[str, float]:
    """The smallest load step that exists for the equipment: dumbbell-sized or plate-sized."""
    return DUMBBELL_STEP if equipment in {"dumbbell", "kettlebell"} else PLATE_STEP


def increment_kg(name: str, unit: str) -> float:
    """A typical next step up in load for the exercise, in kg (unknown exercises get the smaller one)."""
    table = LOWER_INCREMENT if is_lower_body(name) else UPPER_INCREMENT
    return to_kg(table[unit], unit)


def all_sets_at_top(entry: ExerciseDone, top: int) -> bool:
    """True when every set reached the top of the rep range."""
    return bool(entry.sets) and all(s.reps >= top for s in entry.sets)


def stalled_sessions(runs: list[ExerciseDone], top: int) -> int:
    """How many of the latest sessions in a row were stalls.

    A stall is a session at the same load as the one before whose reps did not reach the top of the range
    and did not beat the best reps at that load. Every set at the top is progress, never a stall.
    """
    count = 0
    best_at: dict[float, int] = {}
    for previous, entry in zip([None, *runs[:-1]], runs, strict=True):
        load = entry.top_weight
        total = sum(s.reps for s in entry.sets)
        same = previous is not None and load is not None and previous.top_weight == load
        if same and load is not None and not all_sets_at_top(entry, top) and total <= best_at.get(load, 0):
            count += 1
        else:
            count = 0
        if load is not None:
            best_at[load] = max(best_at.get(load, 0), total)
    return count


def progression(history: History, settings: Settings, limits: Thresholds, today: date) -> list[Suggestion]:
    """Per loaded strength exercise done lately: raise when earned, a lighter week after stalls.

    Only sessions whose verdict is known count: one still waiting for its next-morning rating is neither
    a step towards a raise nor a stall.
    """
    since = today - timedelta(weeks=limits.count("window_weeks"))
    found: list[Suggestion] = []
    for name in history.names_done(since):
        info = history.info(name)
        if info is None or info.category != "strength":
            continue
        runs = history.judged_with(name, settings.pain_limit)
        if not runs:
            continue
        last = runs[-1]
        entry = last.find(name)
        if entry is None or entry.top_weight is None:
            continue
        if last.failed(settings.pain_limit):
            continue  # the ease-off rule speaks for the latest session; an older flare means: keep the load
        suggestion = _raise(name, info, history, runs, settings, limits)
        if suggestion is None:
            suggestion = _deload(name, info, runs, settings, limits)
        if suggestion is not None:
            found.append(suggestion)
    return found


def earned_raise(name: str, runs: list[SessionDone], limit: int, limits: Thresholds) -> list[SessionDone]:
    """The latest sessions that earn a heavier load, or [] when they do not (yet).

    Earned: the last 'raise_after_sessions' judged sessions in a row at the same load, each with every set
    at the top of the range, pain within the limit and a settled next morning.
    """
    needed, top = limits.count("raise_after_sessions"), limits.count("rep_range_top")
    latest = runs[-needed:]
    entries = [e for s in latest if (e := s.find(name)) is not None]
    if len(latest) < needed or len(entries) < needed or entries[-1].top_weight is None:
        return []
    load = entries[-1].top_weight
    at_top = all(e.top_weight == load and all_sets_at_top(e, top) for e in entries)
    return latest if at_top and all(s.tolerated(limit) for s in latest) else []


def _raise(
    name: str, info: Exercise, history: History, runs: list[SessionDone], settings: Settings, limits: Thresholds
) -> Suggestion | None:
    top, bottom = limits.count("rep_range_top"), limits.count("rep_range_bottom")
    earned = earned_raise(name, runs, settings.pain_limit, limits)
    entry = earned[-1].find(name) if earned else None
    if entry is None or entry.top_weight is None:
        return None
    unit, load = settings.unit, entry.top_weight
    later = [e.top_weight or 0.0 for s in history.with_exercise(name) if s.day > earned[-1].day and (e := s.find(name))]
    if any(weight > load for weight in later):
        return None  # already lifting more in a session still waiting for its next morning
    new = round_down_to_step(load + increment_kg(name, unit), unit, load_step(info.equipment))
    if new <= load:
        new = load + increment_kg(name, unit)
    shown, now = format_weight(new, unit), format_weight(load, unit)
    return make(
        f"progress:{name}",
        Kind.PROGRESS,
        f"{name}: try {shown}",
        f"Next time, use {shown} instead of {now} and aim for {bottom} reps per set; "
        f"build back up to {top} before the next increase.",
        f"In your last {len(earned)} sessions of {name} ({days_text([s.day for s in earned])}) every set reached "
        f"{top} reps at {now}, pain during stayed within your limit of {settings.pain_limit}/10 and the next "
        f"mornings settled. Double progression waits for {limits.count('raise_after_sessions')} such sessions in a "
        "row before adding load, so one good day is not mistaken for a new level.",
        earned,
        fingerprint=f"{new:.2f}",
        raises_load=True,
        unit=unit,
        plans=[name],
    )


def _deload(
    name: str, info: Exercise, runs: list[SessionDone], settings: Settings, limits: Thresholds
) -> Suggestion | None:
    entries = [e for s in runs if (e := s.find(name)) is not None]
    top = limits.count("rep_range_top")
    stalls = stalled_sessions(entries, top)
    load = entries[-1].top_weight
    if stalls < limits.count("stall_sessions") or load is None:
        return None
    unit = settings.unit
    lighter = round_down_to_step(load * (1 - limits.share("deload_percent")), unit, load_step(info.equipment))
    shown, now = format_weight(lighter, unit), format_weight(load, unit)
    stalled = runs[-(stalls + 1) :]
    best = max(sum(s.reps for s in e.sets) for e in entries if e.top_weight == load)
    return make(
        f"deload:{name}",
        Kind.DELOAD,
        f"{name}: a lighter week at {shown}",
        f"For about a week, use {shown} (about {limits['deload_percent']:g}% less than {now}), "
        "then build back up; a short step back often gets progress moving again.",
        f"In your last {stalls} sessions at {now} your reps neither reached the top of your range ({top}) nor beat "
        f"your best of {best} reps in all at that load. After {limits.count('stall_sessions')} such sessions in a "
        "row a lighter week is the usual next step.",
        stalled,
        fingerprint=f"{load:.2f}",
        unit=unit,
        plans=[name],
    )

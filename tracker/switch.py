"""The main suggestion: move part of a machine exercise over to its free-weight counterpart, gradually."""

from __future__ import annotations

from datetime import date, timedelta
from statistics import fmean

from tracker.advice import Kind, Suggestion, day_text, days_text, make
from tracker.catalog import Exercise, is_free_weight
from tracker.history import ExerciseDone, History, SessionDone
from tracker.progression import all_sets_at_top, load_step
from tracker.rules import Thresholds
from tracker.settings import Settings
from tracker.strength import round_down_to_step
from tracker.units import format_weight


def machine_to_free(history: History, settings: Settings, limits: Thresholds, today: date) -> list[Suggestion]:
    """For each machine exercise whose strength clearly improved without a pain cost: suggest its counterpart."""
    since = today - timedelta(weeks=limits.count("window_weeks"))
    found: list[Suggestion] = []
    for name in history.names_done(since):
        info = history.info(name)
        if info is None or info.equipment != "machine" or not info.counterpart:
            continue
        counterpart = history.info(info.counterpart) or Exercise(info.counterpart, "strength", "dumbbell")
        if history.with_exercise(counterpart.name, since):
            continue  # already mixing the two: the plan is under way
        suggestion = _switch(history, info, counterpart, settings, limits, since)
        if suggestion is not None:
            found.append(suggestion)
    return found


def working_load(entry: ExerciseDone, bottom: int) -> float | None:
    """The heaviest load lifted for at least the bottom of the rep range (None when no set got there)."""
    loads = [s.weight_kg for s in entry.sets if s.weight_kg and s.reps >= bottom]
    return max(loads) if loads else None


def _improvement(runs: list[SessionDone], name: str, limits: Thresholds, unit: str) -> str | None:
    """Plain words for how strength clearly improved, with the numbers, or None when it has not (yet).

    Sets over 10 reps have no one-rep-max estimate, so a rehab 3 x 12 is measured by its working load instead.
    """
    top, bottom = limits.count("rep_range_top"), limits.count("rep_range_bottom")
    entries = [e for s in runs if (e := s.find(name)) is not None]
    if len(entries) >= 2 and all(all_sets_at_top(e, top) for e in entries[-2:]):
        return f"every set reached the top of your rep range ({top} reps) on {days_text([s.day for s in runs[-2:]])}"
    if len(entries) < 3:
        return None
    compared = [*entries[:2], entries[-1]]
    estimates = [e.best_e1rm for e in compared]
    if all(x is not None for x in estimates):
        values = [x or 0.0 for x in estimates]
        measure = "your estimated one-rep max"
    else:
        loads = [working_load(e, bottom) for e in compared]
        if any(x is None for x in loads):
            return None
        values = [x or 0.0 for x in loads]
        measure = (
            f"the heaviest load you lifted for at least {bottom} reps (the bottom of your range; sets over 10 reps "
            "give no one-rep-max estimate, so the load itself is compared)"
        )
    baseline = fmean(values[:2])
    gain = values[2] / baseline - 1
    if gain < limits.share("strength_gain_percent"):
        return None
    first = " and ".join(format_weight(x, unit) for x in values[:2])
    return (
        f"{measure} rose {gain * 100:.0f}%, from {first} in your first two sessions to "
        f"{format_weight(values[2], unit)} now (at least {limits['strength_gain_percent']:g}% counts as a clear gain)"
    )


def _switch(
    history: History, info: Exercise, counterpart: Exercise, settings: Settings, limits: Thresholds, since: date
) -> Suggestion | None:
    name, unit, limit = info.name, settings.unit, settings.pain_limit
    window = history.with_exercise(name, since)
    if len(window) < limits.count("min_sessions"):
        return None
    runs = history.judged_with(name, limit)
    recent = runs[-limits.count("recent_within_limit") :]
    if len(recent) < limits.count("recent_within_limit") or not all(s.tolerated(limit) for s in recent):
        return None
    # Strength is read from every session, rated or not (an imported history counts), up to the latest judged one:
    # a session still waiting for its next morning speaks for neither rule yet, as in the raise and lighter-week
    # rules. Only the pain gate above needs ratings.
    done = history.with_exercise(name)
    latest = next(i for i, session in enumerate(done) if session is runs[-1])  # two equal sessions stay two
    improvement = _improvement(done[: latest + 1], name, limits, unit)
    last_entry = runs[-1].find(name)
    if improvement is None or last_entry is None or last_entry.top_weight is None:
        return None
    working = last_entry.top_weight
    sets = len(last_entry.sets)
    if is_free_weight(counterpart.equipment):
        share = working * limits["free_weight_ratio"]
        cap = limits["free_weight_start_max"]
        start = round_down_to_step(min(share, cap), unit, load_step(counterpart.equipment))
        why = (
            f"about {limits['free_weight_ratio'] * 100:.0f}% of your {format_weight(working, unit)} machine load, "
            "rounded down"
        )
        if share > cap:
            # A leg press moves far more than hands can hold: half of it would be no conservative start.
            why = (
                f"half of your {format_weight(working, unit)} machine load would be {format_weight(share, unit)}; a "
                f"first free-weight load stays at or under {format_weight(cap, unit)}, since the hands hold all of it"
            )
        load_words = (
            f"at {format_weight(start, unit)} in all"
            + (
                ", the kettlebell or dumbbell you hold"
                if counterpart.equipment == "kettlebell"
                else ", both dumbbells together where you hold two"
            )
            if start > 0
            else "with the lightest weight available"
        ) + f" ({why})"
    else:
        start = 0.0
        load_words = "with the lightest band or your body weight"
    half = -(-sets // 2)  # half the sets, rounded up
    middle = f"do {half} of the {sets} sets as {counterpart.name}; then " if 1 < half < sets else "move on to "
    plan = (
        f"Keep {name} at {format_weight(working, unit)} for now and swap one of your {sets} sets for "
        f"{counterpart.name} {load_words}. "
        f"When a week or two of that stays within your pain limit with settled mornings, {middle}all of them. "
        f"Keep {name} in your plan along the way: mixing machines and free weights is normal, "
        "and the machine stays useful."
    )
    reason = (
        f"In the last {limits.count('window_weeks')} weeks you did {len(window)} sessions of {name}, and "
        f"{improvement}. "
        f"In the last {len(recent)} sessions with a next-morning rating ({days_text([s.day for s in recent])}) pain "
        f"during stayed within your limit of {limit}/10 and the next mornings "
        "settled. Free weights train the balance and control a machine provides for you, so start well below the "
        f"machine load. This takes the place of a heavier {name} load for now: one change at a time shows what your "
        "body tolerates."
    )
    return make(
        f"switch:{name}",
        Kind.SWITCH,
        f"Start moving {name} to {counterpart.name}",
        plan,
        reason,
        recent,
        fingerprint=f"{counterpart.name}:{start:.2f}",
        raises_load=True,
        unit=unit,
        extra_evidence=[f"First sessions on {name}: {', '.join(day_text(s.day) for s in runs[:2])}"],
        plans=[name, counterpart.name],
    )

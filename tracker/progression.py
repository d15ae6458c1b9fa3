"""Pain-gated double progression for strength work: raise, keep, lighten after stalls, ease off after a flare."""

from __future__ import annotations

from datetime import date, timedelta

from tracker.advice import Kind, Suggestion, day_text, make
from tracker.catalog import Exercise
from tracker.history import ExerciseDone, History, SessionDone
from tracker.rules import Thresholds
from tracker.settings import Settings
from tracker.strength import DUMBBELL_STEP, PLATE_STEP, round_down_to_step
from tracker.units import format_weight, to_kg

# Typical increments: smaller for the upper body, larger for the legs (in the user's unit).
UPPER_INCREMENT = {"kg": 2.5, "lb": 5.0}
LOWER_INCREMENT = {"kg": 5.0, "lb": 10.0}
LOWER_BODY = frozenset(
    {
        "Leg press",
        "Leg extension",
        "Leg curl",
        "Hip abduction machine",
        "Goblet squat",
        "Split squat",
        "Romanian deadlift",
        "Barbell squat",
    }
)


def load_step(equipment: str) -> dict[str, float]:
    """The smallest load step that exists for the equipment: dumbbell-sized or plate-sized."""
    return DUMBBELL_STEP if equipment in {"dumbbell", "kettlebell"} else PLATE_STEP


def increment_kg(name: str, unit: str) -> float:
    """A typical next step up in load for the exercise, in kg (unknown exercises get the smaller one)."""
    table = LOWER_INCREMENT if name in LOWER_BODY else UPPER_INCREMENT
    return to_kg(table[unit], unit)


def all_sets_at_top(entry: ExerciseDone, top: int) -> bool:
    """True when every set reached the top of the rep range."""
    return bool(entry.sets) and all(s.reps >= top for s in entry.sets)


def stalled_sessions(runs: list[ExerciseDone]) -> int:
    """How many of the latest sessions in a row kept the same load without beating the best reps at it."""
    count = 0
    best_at: dict[float, int] = {}
    for previous, entry in zip([None, *runs[:-1]], runs, strict=True):
        load = entry.top_weight
        total = sum(s.reps for s in entry.sets)
        same = previous is not None and load is not None and previous.top_weight == load
        if same and load is not None and total <= best_at.get(load, 0):
            count += 1
        else:
            count = 0
        if load is not None:
            best_at[load] = max(best_at.get(load, 0), total)
    return count


def progression(history: History, settings: Settings, limits: Thresholds, today: date) -> list[Suggestion]:
    """Per loaded strength exercise done lately: raise when earned, a lighter week after stalls."""
    since = today - timedelta(weeks=limits.count("window_weeks"))
    found: list[Suggestion] = []
    for name in history.names_done(since):
        info = history.info(name)
        if info is None or info.category != "strength":
            continue
        runs = history.with_exercise(name)
        last = runs[-1]
        entry = last.find(name)
        if entry is None or entry.top_weight is None:
            continue
        if last.over_limit(settings.pain_limit) or last.worse_next_morning:
            continue  # the ease-off rule speaks for the latest session; an older flare means: keep the load
        suggestion = _raise(name, info, last, entry, settings, limits)
        if suggestion is None:
            suggestion = _deload(name, info, runs, settings, limits)
        if suggestion is not None:
            found.append(suggestion)
    return found


def _raise(
    name: str, info: Exercise, last: SessionDone, entry: ExerciseDone, settings: Settings, limits: Thresholds
) -> Suggestion | None:
    top, bottom = limits.count("rep_range_top"), limits.count("rep_range_bottom")
    if not all_sets_at_top(entry, top) or not last.settled_next_morning or entry.top_weight is None:
        return None
    unit, load = settings.unit, entry.top_weight
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
        f"On {day_text(last.day)} every set reached {top} reps at {now}, pain during stayed within your limit of "
        f"{settings.pain_limit}/10 and the next morning had settled. That is the signal double progression waits for.",
        [last],
        fingerprint=f"{new:.2f}",
        raises_load=True,
        unit=unit,
    )


def _deload(
    name: str, info: Exercise, runs: list[SessionDone], settings: Settings, limits: Thresholds
) -> Suggestion | None:
    entries = [e for s in runs if (e := s.find(name)) is not None]
    stalls = stalled_sessions(entries)
    load = entries[-1].top_weight
    if stalls < limits.count("stall_sessions") or load is None:
        return None
    unit = settings.unit
    lighter = round_down_to_step(load * (1 - limits.share("deload_percent")), unit, load_step(info.equipment))
    shown, now = format_weight(lighter, unit), format_weight(load, unit)
    stalled = runs[-(stalls + 1) :]
    return make(
        f"deload:{name}",
        Kind.DELOAD,
        f"{name}: a lighter week at {shown}",
        f"For about a week, use {shown} (about {limits['deload_percent']:g}% less than {now}), "
        "then build back up; a short step back often gets progress moving again.",
        f"Your reps at {now} have not improved over the last {stalls} sessions.",
        stalled,
        fingerprint=f"{load:.2f}",
        unit=unit,
    )


def ease_off(history: History, settings: Settings, limits: Thresholds, today: date) -> list[Suggestion]:
    """After a session that went over the pain limit or left a worse next morning: lower load or fewer sets."""
    if not history.sessions:
        return []
    last = history.sessions[-1]
    over, worse = last.over_limit(settings.pain_limit), last.worse_next_morning
    if (today - last.day).days >= limits.count("recent_days") or not (over or worse):
        return []
    unit = settings.unit
    changes = []
    for entry in last.exercises:
        info = history.info(entry.name)
        if info is None or info.category != "strength" or not entry.sets:
            continue
        if entry.top_weight is None:
            changes.append(f"{entry.name}: one set fewer ({len(entry.sets) - 1 or 1} instead of {len(entry.sets)})")
            continue
        lighter = round_down_to_step(
            entry.top_weight * (1 - limits.share("deload_percent")), unit, load_step(info.equipment)
        )
        changes.append(
            f"{entry.name}: {format_weight(lighter, unit)} instead of {format_weight(entry.top_weight, unit)}, "
            f"or keep the load and do {max(len(entry.sets) - 1, 1)} sets instead of {len(entry.sets)}"
        )
    if not changes:
        return []
    why = []
    if over:
        why.append(f"pain during reached {last.peak}/10, above your limit of {settings.pain_limit}/10")
    if worse:
        why.append("pain the next morning was clearly higher than before the session")
    return [
        make(
            f"ease:{last.day.isoformat()}",
            Kind.EASE,
            "Ease off next session",
            "Next time: " + "; ".join(changes) + ". Go back up once a session stays within your limit.",
            f"In your session on {day_text(last.day)}, {' and '.join(why)}. "
            "How the body answers by the next morning is the best guide to how much load it tolerates.",
            [last],
            fingerprint=last.day.isoformat(),
            unit=unit,
        )
    ]

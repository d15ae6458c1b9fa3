"""Strong's and Hevy's rows (formats/readers/app_rows.py) grouped into raw sessions, with the exercises they name."""

from __future__ import annotations

import re
from typing import Any

from formats.readers.app_rows import AppRow, number
from formats.readers.cells import bad_moment, moment
from formats.readers.model import Guess, Parsed, Problem, RawSession
from tracker.describe import counted, was_were
from tracker.records import MIN_MINUTES
from tracker.units import from_kg, to_kg

# What the words in brackets after a name say about equipment: 'Bench Press (Barbell)'.
EQUIPMENT_WORDS = {
    "barbell": "barbell",
    "ez bar": "barbell",
    "trap bar": "barbell",
    "dumbbell": "dumbbell",
    "kettlebell": "kettlebell",
    "machine": "machine",
    "smith machine": "machine",
    "plate loaded": "machine",
    "cable": "cable",
    "band": "band",
    "bodyweight": "bodyweight",
    "weighted": "bodyweight",
    "assisted": "machine",
}
_BRACKETS = re.compile(r"\(([^()]*)\)\s*$")


def equipment_of(name: str) -> str | None:
    """The equipment a name's bracketed suffix states ('Leg Press (Machine)' -> machine), else None."""
    found = _BRACKETS.search(name)
    return EQUIPMENT_WORDS.get(found.group(1).strip().lower()) if found else None


def bare_name(name: str) -> str:
    """The name without its bracketed suffix ('Leg Press (Machine)' -> 'Leg Press')."""
    return _BRACKETS.sub("", name).strip()


def _category(rows: list[AppRow]) -> str:
    # Reps written at all (even a wrong number, which the checks then report) make it a strength exercise.
    if any(r.reps.strip() and number(r.reps) != 0 for r in rows):
        return "strength"
    return "cardio" if any((number(r.distance) or 0) > 0 for r in rows) else "flexibility"


def _weight(row: AppRow, unit: str | None) -> object:
    value = number(row.weight)
    if not row.weight.strip() or value == 0:
        return None  # Strong and Hevy write 0 for a set without added load
    if value is None or row.unit is None or unit is None or row.unit == unit:
        return row.weight
    return round(from_kg(to_kg(value, row.unit), unit), 6)


def sessions_from(rows: list[AppRow], file: str, source: str, unit: str | None) -> Parsed:
    """Group set rows into sessions and entries; warm-ups are left out and counted.

    `unit` is the file's weight unit: 'kg', 'lb', 'per row' (a Weight Unit column) or None (not stated: the
    sessions' unit stays None and the import use case asks for it).
    """
    parsed = Parsed(source)
    grouped: dict[tuple[str, ...], list[AppRow]] = {}
    by_exercise: dict[str, list[AppRow]] = {}
    warmups = 0
    for row in rows:
        if row.warmup:
            warmups += 1
            continue
        grouped.setdefault(row.session, []).append(row)
        by_exercise.setdefault(row.exercise, []).append(row)
    for name, group in by_exercise.items():
        category = _category(group)
        equipment = equipment_of(name) if category == "strength" else "none"
        parsed.guesses[name] = Guess(category, equipment, (file, group[0].line))
    short: list[str] = []
    empty: list[str] = []
    for group in grouped.values():
        session = _session(group, file, unit, parsed, short, empty)
        if session is not None:
            parsed.sessions.append(session)
    if empty:
        parsed.notes.append(
            f"{counted(len(empty), 'exercise')} had no sets, time or distance recorded and {was_were(len(empty))} left "
            f"out: {_listed(empty)}."
        )
    if short:
        parsed.notes.append(
            f"{counted(len(short), 'timed exercise')} lasted under {MIN_MINUTES} minute in all and "
            f"{was_were(len(short))} saved as {MIN_MINUTES} minute, the shortest time Threshold records: "
            f"{_listed(short)}."
        )
    if warmups:
        parsed.notes.append(
            f"{counted(warmups, 'warm-up set')} {was_were(warmups)} left out: only working sets are kept."
        )
    parsed.unit_unknown = unit is None
    return parsed


def _listed(items: list[str], most: int = 5) -> str:
    more = f" and {len(items) - most:,} more" if len(items) > most else ""
    return "; ".join(items[:most]) + more


def _minutes(entry: dict[str, Any], where: tuple[str, int], short: list[str]) -> float | None:
    """An entry's minutes; a timed exercise (no sets) under the shortest time is raised to it and listed."""
    if not entry["seconds"]:
        return None
    minutes = round(entry["seconds"] / 60, 2)
    if minutes < MIN_MINUTES and not entry["sets"]:
        short.append(f"{entry['exercise']} ({entry['seconds']:g} s, line {where[1]})")
        return MIN_MINUTES
    return minutes


def _session(
    group: list[AppRow], file: str, unit: str | None, parsed: Parsed, short: list[str], empty: list[str]
) -> RawSession | None:
    """One session from its rows; exercises with nothing recorded are left out (and listed in `empty`), and a
    session left with no exercise is skipped."""
    first = group[0]
    started = moment(first.started)
    if started is None:
        parsed.problems.append(Problem(file, first.line, bad_moment("The date", first.started)))
        return None
    session_unit = unit if unit in ("kg", "lb") else first.unit
    said = next((row.notes for row in group if row.notes), "")
    notes = "\n".join(part for part in (first.title, said) if part)
    places = {"": (file, first.line)}
    entries: dict[str, dict[str, Any]] = {}
    for row in group:
        entry = entries.get(row.exercise)
        if entry is None:
            places[f"entries.{len(entries)}"] = (file, row.line)
            entry = entries[row.exercise] = {"exercise": row.exercise, "sets": [], "seconds": 0.0, "km": 0.0}
        i = list(entries).index(row.exercise)
        reps = number(row.reps)
        if row.reps.strip() and reps != 0:
            places[f"entries.{i}.sets.{len(entry['sets'])}"] = (file, row.line)
            entry["sets"].append({"weight": _weight(row, session_unit), "reps": row.reps})
        for column, text, key, factor in (
            ("Seconds", row.seconds, "seconds", 1.0),
            ("Distance", row.distance, "km", row.km_per or 1.0),
        ):
            if text.strip():
                value = number(text)
                if value is None:
                    parsed.problems.append(Problem(file, row.line, f"{column} {text.strip()[:20]!r} is not a number."))
                else:
                    entry[key] += value * factor
    kept = [(i, e) for i, e in enumerate(entries.values()) if e["sets"] or e["seconds"] or e["km"]]
    empty.extend(
        f"{e['exercise']} (line {places[f'entries.{i}'][1]})"
        for i, e in enumerate(entries.values())
        if (i, e) not in kept
    )
    if not kept:
        return None
    # Number the kept exercises afresh, so a problem found later still points at its own line.
    renumbered = {"": places[""]}
    for j, (i, _) in enumerate(kept):
        old_prefix = f"entries.{i}"
        for key, where in places.items():
            if key == old_prefix or key.startswith(old_prefix + "."):
                renumbered[f"entries.{j}{key[len(old_prefix) :]}"] = where
    raw_entries = [
        {
            "exercise": e["exercise"],
            "sets": e["sets"],
            "minutes": _minutes(e, places[f"entries.{i}"], short),
            "distance_km": round(e["km"], 3) if e["km"] else None,
        }
        for i, e in kept
    ]
    raw = {"started_at": started, "notes": notes, "rpe": None, "entries": raw_entries, "pains": []}
    return RawSession(raw, session_unit, renumbered)

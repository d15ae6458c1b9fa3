"""Strong's and Hevy's CSV exports read into raw sessions.

Layouts matched (as their exports write them):
  Strong, older:  Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,
                  Workout Notes,RPE  (no unit: weights are in the unit set in the app)
  Strong, with a unit per row (semicolons): Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;
                  Reps;RPE;Distance;Distance Unit;Seconds;Notes;Workout Notes;Workout Duration
  Strong 6:       Workout #,Date,Workout Name,Duration (sec),Exercise Name,Set Order,Weight (kg),Reps,RPE,
                  Distance (meters),Seconds,Notes,Workout Notes  (or Weight (lbs); commas or semicolons,
                  decimal commas with semicolons; Set Order W for warm-ups, 'Rest Timer' rows)
  Hevy:           title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,
                  set_type,weight_kg,reps,distance_km,duration_seconds,rpe  (or weight_lbs, distance_miles;
                  start_time like '26 Jul 2025, 07:06'; set_type warmup, normal, failure, dropset)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from imports.cells import bad_moment, moment, records
from imports.model import Guess, Parsed, Problem, RawSession
from imports.reading import CsvText
from tracker.units import from_kg, to_kg

KM_PER = {"km": 1.0, "kilometers": 1.0, "m": 0.001, "meters": 0.001, "mi": 1.609344, "miles": 1.609344}
WEIGHT_UNITS = {"kg": "kg", "kgs": "kg", "lb": "lb", "lbs": "lb"}
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


@dataclass
class AppRow:
    """One set row of a workout app's file, in the app's own terms."""

    line: int
    session: tuple[str, ...]
    started: str
    title: str
    notes: str
    exercise: str
    warmup: bool
    weight: str
    unit: str | None
    reps: str
    seconds: str
    distance: str
    km_per: float | None


def is_strong(header: list[str]) -> bool:
    """True when the columns are Strong's."""
    names = {c.strip().lower() for c in header}
    return {"date", "exercise name", "set order"} <= names


def is_hevy(header: list[str]) -> bool:
    """True when the columns are Hevy's."""
    names = {c.strip().lower() for c in header}
    return {"start_time", "exercise_title", "set_index"} <= names


def equipment_of(name: str) -> str | None:
    """The equipment a name's bracketed suffix states ('Leg Press (Machine)' -> machine), else None."""
    found = _BRACKETS.search(name)
    return EQUIPMENT_WORDS.get(found.group(1).strip().lower()) if found else None


def bare_name(name: str) -> str:
    """The name without its bracketed suffix ('Leg Press (Machine)' -> 'Leg Press')."""
    return _BRACKETS.sub("", name).strip()


def _num(text: str) -> float | None:
    try:
        return float(text.strip().replace(",", "."))
    except ValueError:
        return None


def _unit_in(header: list[str], prefix: str, units: dict[str, Any]) -> tuple[str | None, Any]:
    for column in header:
        name = column.strip().lower()
        found = re.fullmatch(rf"{prefix} \((\w+)\)", name)
        if found and found.group(1) in units:
            return name, units[found.group(1)]
    return None, None


def strong_rows(table: CsvText, problems: list[Problem]) -> tuple[list[AppRow], str | None]:
    """Strong's rows, and the weight unit when the file states one for all rows."""
    weight_col, unit = _unit_in(table.header, "weight", WEIGHT_UNITS)
    distance_col, km_per = _unit_in(table.header, "distance", KM_PER)
    names = {c.strip().lower() for c in table.header}
    rows = []
    for line, row in records(table, problems):
        order = row.get("set order", "").strip().lower()
        if order == "rest timer" or row.get("exercise name", "").strip().lower() == "rest timer":
            continue
        row_unit = unit if weight_col else WEIGHT_UNITS.get(row.get("weight unit", "").strip().lower())
        row_km = km_per if distance_col else KM_PER.get(row.get("distance unit", "").strip().lower(), 1.0)
        rows.append(
            AppRow(
                line=line,
                session=(row.get("workout #", ""), row["date"], row.get("workout name", "")),
                started=row["date"],
                title=row.get("workout name", "").strip(),
                notes=row.get("workout notes", "").strip(),
                exercise=row["exercise name"].strip(),
                warmup=order == "w",
                weight=row.get(weight_col or "weight", ""),
                unit=row_unit,
                reps=row.get("reps", ""),
                seconds=row.get("seconds", ""),
                distance=row.get(distance_col or "distance", ""),
                km_per=row_km,
            )
        )
    stated = unit if weight_col else ("per row" if "weight unit" in names else None)
    return rows, stated


def hevy_rows(table: CsvText, problems: list[Problem]) -> tuple[list[AppRow], str | None]:
    """Hevy's rows, and the weight unit its header states."""
    names = {c.strip().lower() for c in table.header}
    unit = "lb" if "weight_lbs" in names else "kg"
    weight_col = "weight_lbs" if unit == "lb" else "weight_kg"
    distance_col, km_per = ("distance_miles", KM_PER["mi"]) if "distance_miles" in names else ("distance_km", 1.0)
    rows = []
    for line, row in records(table, problems):
        rows.append(
            AppRow(
                line=line,
                session=(row["start_time"], row.get("title", "")),
                started=row["start_time"],
                title=row.get("title", "").strip(),
                notes=row.get("description", "").strip(),
                exercise=row["exercise_title"].strip(),
                warmup=row.get("set_type", "").strip().lower() == "warmup",
                weight=row.get(weight_col, ""),
                unit=unit,
                reps=row.get("reps", ""),
                seconds=row.get("duration_seconds", ""),
                distance=row.get(distance_col, ""),
                km_per=km_per,
            )
        )
    return rows, unit


def _category(rows: list[AppRow]) -> str:
    if any((_num(r.reps) or 0) > 0 for r in rows):
        return "strength"
    return "cardio" if any((_num(r.distance) or 0) > 0 for r in rows) else "flexibility"


def _weight(row: AppRow, unit: str | None) -> object:
    value = _num(row.weight)
    if not row.weight.strip() or value == 0:
        return None  # Strong and Hevy write 0 for a set without added load
    if value is None or row.unit is None or unit is None or row.unit == unit:
        return row.weight
    return round(from_kg(to_kg(value, row.unit), unit), 6)


def sessions_from(rows: list[AppRow], file: str, source: str, unit: str | None) -> Parsed:
    """Group set rows into sessions and entries; warm-ups are left out and counted.

    `unit` is the file's weight unit: 'kg', 'lb', 'per row' (a Weight Unit column) or None (not stated).
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
    for group in grouped.values():
        session = _session(group, file, unit, parsed)
        if session is not None:
            parsed.sessions.append(session)
    if warmups:
        parsed.notes.append(f"{warmups:,} warm-up set(s) were left out: only working sets are kept.")
    if unit is None:
        parsed.notes.append("The file does not say which unit its weights are in; they were read in your unit.")
    return parsed


def _session(group: list[AppRow], file: str, unit: str | None, parsed: Parsed) -> RawSession | None:
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
        reps = _num(row.reps)
        if row.reps.strip() and reps != 0:
            places[f"entries.{i}.sets.{len(entry['sets'])}"] = (file, row.line)
            entry["sets"].append({"weight": _weight(row, session_unit), "reps": row.reps})
        for column, text, key, factor in (
            ("Seconds", row.seconds, "seconds", 1.0),
            ("Distance", row.distance, "km", row.km_per or 1.0),
        ):
            if text.strip():
                value = _num(text)
                if value is None:
                    parsed.problems.append(Problem(file, row.line, f"{column} {text.strip()[:20]!r} is not a number."))
                else:
                    entry[key] += value * factor
    raw_entries = [
        {
            "exercise": e["exercise"],
            "sets": e["sets"],
            "minutes": round(e["seconds"] / 60, 2) if e["seconds"] else None,
            "distance_km": round(e["km"], 3) if e["km"] else None,
        }
        for e in entries.values()
    ]
    raw = {"started_at": started, "notes": notes, "rpe": None, "entries": raw_entries, "pains": []}
    return RawSession(raw, session_unit, places)

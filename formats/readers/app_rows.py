"""Strong's and Hevy's CSV exports read row by row, in the apps' own terms (workout_apps groups them).

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

from formats.readers.cells import records
from formats.readers.model import Problem
from formats.readers.reading import CsvText

KM_PER = {"km": 1.0, "kilometers": 1.0, "m": 0.001, "meters": 0.001, "mi": 1.609344, "miles": 1.609344}
WEIGHT_UNITS = {"kg": "kg", "kgs": "kg", "lb": "lb", "lbs": "lb"}


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


def number(text: str) -> float | None:
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

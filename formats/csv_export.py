"""Your data as tidy CSV files: a zip with a data dictionary, and single tables for download.

The rows come in as read from the database (services/export.py reads them); this module only shapes and writes.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from formats import tables as t
from formats.csv_columns import rows_csv
from formats.readme import readme_text
from tracker.catalog import Exercise
from tracker.pain import peg_score
from tracker.pgic import LABELS as PGIC_LABELS
from tracker.units import from_kg, to_kg

if TYPE_CHECKING:
    import pandas as pd

# Weights are stored in kg to 4 decimals. Six decimals of a pound (about 0.2 mg) always read back to the
# stored kilograms; fewer usually do, and the export writes the shortest that does (88.2, not 88.199896).
LB_DECIMALS = 6
STORED_DECIMALS = 4


def write_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """One CSV file: UTF-8 with a byte-order mark, every cell through the export's cell rules
    (formats/csv_columns.py writes the same text as `t.cell` on each value, faster)."""
    return rows_csv(header, rows)


def table_csv(frame: pd.DataFrame) -> bytes:
    """A single table as a CSV download (for example the History table)."""
    import pandas as pd  # only the pages' tables need it; the export itself writes plain rows

    columns = []
    for name in frame.columns:
        column = frame[name]
        if pd.api.types.is_datetime64_any_dtype(column) and (column.dropna().dt.normalize() == column.dropna()).all():
            column = column.dt.date  # a column of whole days reads better as dates
        columns.append(column.astype(object).tolist())
    return write_csv([str(c) for c in frame.columns], zip(*columns, strict=True) if columns else [])


def _weight(weight_kg: float | None, unit: str) -> object:
    if weight_kg is None:
        return None
    kg = float(weight_kg)
    if unit == "kg":
        return kg
    pounds = from_kg(kg, unit)
    for decimals in range(1, LB_DECIMALS):
        shown = t.number(pounds, decimals)
        if round(to_kg(float(shown), unit), STORED_DECIMALS) == kg:
            return shown
    return t.number(pounds, LB_DECIMALS)


Rows = Sequence[Sequence[Any]]


@dataclass(frozen=True)
class Stored:
    """One owner's rows for the export (tuples in the columns of db/export_rows.py) and their weight unit."""

    unit: str
    sessions: Rows
    """id, started_at, rpe, notes."""
    entries: Rows
    """session id, position from 0, exercise, minutes, distance_km, intensity, started_at, category."""
    sets: Rows
    """session id, entry position and set position from 0, weight_kg, reps, started_at, exercise."""
    pains: Rows
    """session id, region, before, during, after, started_at."""
    checkins: Rows
    """day, region, pain, linked session id or None, sleep quality or None."""
    pegs: Rows
    """day, pain, enjoyment, activity."""
    pressures: Rows
    """day, site, the three trials and their mean."""
    exercises: Sequence[Exercise]
    """The exercises the owner added (the built-in ones are not exported)."""
    goals: Sequence[tuple[str, date, date | None]] = ()
    """Function goals: activity, day added, day retired (None while rated)."""
    psfs: Sequence[tuple[date, str, date, int]] = ()
    """PSFS ratings: day, activity, the day that activity was added, score 0-10."""
    pgic: Sequence[tuple[date, int]] = ()
    """PGIC answers: day, 1-7."""
    medications: Sequence[tuple[str, float, str, date, date | None]] = ()
    """Regular medication: name, dose, unit, first day, last day (None while taken)."""
    doses: Sequence[tuple[str, float, str, datetime]] = ()
    """As-needed doses: name, dose, unit, when taken."""


def export_files(data: Stored, made: datetime, *, demo: bool = False) -> dict[str, bytes]:
    """Every table as CSV bytes, keyed by file name, and README.txt dated `made` (saying demo if `demo`)."""
    unit = data.unit
    started = {session_id: when for session_id, when, _rpe, _notes in data.sessions}
    files = {
        t.SESSIONS.file: write_csv(t.SESSIONS.columns(unit), data.sessions),
        t.ENTRIES.file: write_csv(
            t.ENTRIES.columns(unit), ((sid, position + 1, *rest) for sid, position, *rest in data.entries)
        ),
        t.SETS.file: write_csv(
            t.SETS.columns(unit),
            ((sid, entry + 1, number + 1, _weight(kg, unit), *rest) for sid, entry, number, kg, *rest in data.sets),
        ),
        t.PAINS.file: write_csv(t.PAINS.columns(unit), data.pains),
        t.CHECKINS.file: write_csv(
            t.CHECKINS.columns(unit),
            ((day, region, pain, started.get(sid), sleep) for day, region, pain, sid, sleep in data.checkins),
        ),
        t.PEGS.file: write_csv(t.PEGS.columns(unit), ((day, *items, peg_score(*items)) for day, *items in data.pegs)),
        t.PRESSURES.file: write_csv(t.PRESSURES.columns(unit), data.pressures),
        t.EXERCISES.file: write_csv(
            t.EXERCISES.columns(unit),
            [(e.name, e.category, e.equipment, e.impact, e.one_sided, e.counterpart) for e in data.exercises],
        ),
    }
    files.update(_health_files(data, unit))
    files["README.txt"] = readme_text(unit, made, demo=demo).encode("utf-8")
    return files


def _health_files(data: Stored, unit: str) -> dict[str, bytes]:
    """Function goals, PSFS ratings, PGIC answers and medication, one table each."""
    return {
        t.GOALS.file: write_csv(t.GOALS.columns(unit), data.goals),
        t.PSFS.file: write_csv(t.PSFS.columns(unit), data.psfs),
        t.PGIC.file: write_csv(
            t.PGIC.columns(unit), [(day, score, PGIC_LABELS.get(score)) for day, score in data.pgic]
        ),
        t.MEDICATIONS.file: write_csv(t.MEDICATIONS.columns(unit), data.medications),
        t.DOSES.file: write_csv(t.DOSES.columns(unit), data.doses),
    }


def zipped(files: Mapping[str, bytes]) -> bytes:
    """Files (name to bytes) as one zip archive, compressed."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()

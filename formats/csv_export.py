"""Your data as tidy CSV files: a zip with a data dictionary, and single tables for download.

The rows come in as read from the database (services/export.py reads them); this module only shapes and writes.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

import pandas as pd

from formats import tables as t
from formats.csv_columns import frame_csv
from formats.readme import readme_text
from tracker.catalog import Exercise
from tracker.pain import peg_score
from tracker.pgic import LABELS as PGIC_LABELS
from tracker.units import from_kg, to_kg

# Weights are stored in kg to 4 decimals. Six decimals of a pound (about 0.2 mg) always read back to the
# stored kilograms; fewer usually do, and the export writes the shortest that does (88.2, not 88.199896).
LB_DECIMALS = 6
STORED_DECIMALS = 4


def write_csv(header: Sequence[str], rows: pd.DataFrame | Iterable[Sequence[object]]) -> bytes:
    """One CSV file: UTF-8 with a byte-order mark, every cell through the export's cell rules.

    `rows` is a frame (its columns in header order) or rows of values; either way the rules are applied a
    column at a time (formats/csv_columns.py), which writes the same text as `t.cell` on each value.
    """
    if not isinstance(rows, pd.DataFrame):
        listed = [list(row) for row in rows]
        rows = pd.DataFrame(listed, columns=range(len(header)), dtype=object)
    return frame_csv(header, rows)


def table_csv(frame: pd.DataFrame) -> bytes:
    """A single table as a CSV download (for example the History table)."""
    columns = []
    for name in frame.columns:
        column = frame[name]
        if pd.api.types.is_datetime64_any_dtype(column) and (column.dropna().dt.normalize() == column.dropna()).all():
            column = column.dt.date  # a column of whole days reads better as dates
        columns.append(column.astype(object).tolist())
    return write_csv([str(c) for c in frame.columns], zip(*columns, strict=True) if columns else [])


def _weight(weight_kg: object, unit: str) -> object:
    if weight_kg is None or pd.isna(weight_kg):  # type: ignore[call-overload]
        return None
    kg = float(weight_kg)  # type: ignore[arg-type]
    if unit == "kg":
        return kg
    pounds = from_kg(kg, unit)
    for decimals in range(1, LB_DECIMALS):
        shown = t.number(pounds, decimals)
        if round(to_kg(float(shown), unit), STORED_DECIMALS) == kg:
            return shown
    return t.number(pounds, LB_DECIMALS)


def _rows(frame: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    return frame[list(columns)]


@dataclass(frozen=True)
class Stored:
    """One owner's rows for the export: the frames of db/queries.py, their weight unit and own exercises."""

    unit: str
    sessions: pd.DataFrame
    entries: pd.DataFrame
    sets: pd.DataFrame
    pains: pd.DataFrame
    checkins: pd.DataFrame
    pegs: pd.DataFrame
    pressures: pd.DataFrame
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
    unit, sessions, pains = data.unit, data.sessions, data.pains
    started = dict(zip(sessions["session_id"], sessions["started_at"], strict=True))
    entries = data.entries.assign(entry_number=data.entries["position"] + 1)
    sets = data.sets.merge(entries[["entry_id", "entry_number"]], on="entry_id")
    sets["set_number"] = sets["set_number"] + 1
    sets["weight"] = [_weight(w, unit) for w in sets["weight_kg"]]
    checkins = data.checkins.assign(session_started_at=data.checkins["session_id"].map(started))
    if "sleep_quality" not in checkins:  # the frame of db/queries.py has no sleep; services/export.py adds it
        checkins = checkins.assign(sleep_quality=None)
    items = data.pegs[["pain", "enjoyment", "activity"]].itertuples(index=False)
    pegs = data.pegs.assign(score=[peg_score(int(p), int(e), int(a)) for p, e, a in items])
    checkins, pegs, pressures = (f.assign(day=f["day"].dt.date) for f in (checkins, pegs, data.pressures))
    files = {
        t.SESSIONS.file: write_csv(
            t.SESSIONS.columns(unit), _rows(sessions, ["session_id", "started_at", "rpe", "notes"])
        ),
        t.ENTRIES.file: write_csv(
            t.ENTRIES.columns(unit),
            _rows(
                entries,
                [
                    "session_id",
                    "entry_number",
                    "exercise",
                    "minutes",
                    "distance_km",
                    "intensity",
                    "started_at",
                    "category",
                ],
            ),
        ),
        t.SETS.file: write_csv(
            t.SETS.columns(unit),
            _rows(sets, ["session_id", "entry_number", "set_number", "weight", "reps", "started_at", "exercise"]),
        ),
        t.PAINS.file: write_csv(
            t.PAINS.columns(unit), _rows(pains, ["session_id", "region", "before", "during", "after", "started_at"])
        ),
        t.CHECKINS.file: write_csv(
            t.CHECKINS.columns(unit), _rows(checkins, ["day", "region", "pain", "session_started_at", "sleep_quality"])
        ),
        t.PEGS.file: write_csv(t.PEGS.columns(unit), _rows(pegs, ["day", "pain", "enjoyment", "activity", "score"])),
        t.PRESSURES.file: write_csv(
            t.PRESSURES.columns(unit),
            _rows(pressures, ["day", "site", "trial1", "trial2", "trial3", "mean"]),
        ),
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

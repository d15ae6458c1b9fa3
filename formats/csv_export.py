"""Your data as tidy CSV files: a zip with a data dictionary, and single tables for download.

The rows come in as read from the database (services/export.py reads them); this module only shapes and writes.
"""

from __future__ import annotations

import io
import queue
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from formats import tables as t
from formats.csv_columns import column_cells, rows_csv
from formats.csv_write import Columns, Written, cells, columns_csv, looked_up, quoted
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
# zlib's level 5 deflates a ten-year export to within 0.3% of the size of its default (6) in 60% of the time.
ZIP_LEVEL = 5
T = TypeVar("T")


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


def _started(started: Mapping[Any, str], session_ids: Sequence[Any]) -> Written:
    """The start of each session as written in sessions.csv (empty where none is linked, or linked to a session in
    the bin)."""
    return Written(looked_up({sid: started.get(sid, "") for sid in set(session_ids)}, session_ids))


def _by_value(values: Sequence[Any], rule: Callable[[Any], T]) -> Sequence[T]:
    """`rule` of each value, worked out once per distinct value (a history repeats its weights and scores)."""
    return looked_up({value: rule(value) for value in set(values)}, values)


def _weight_cell(weight_kg: float | None, unit: str) -> str:
    """A set's weight in the person's unit as its CSV cell (`cell` of `_weight`, quoted as the csv module would)."""
    return quoted(t.cell(_weight(weight_kg, unit)))


@dataclass(frozen=True)
class Stored:
    """One owner's data for the export, a column at a time (db/export_rows.py reads them), and the weight unit."""

    unit: str
    sessions: Columns
    """id, started_at, rpe, notes."""
    entries: Columns
    """entry id, session id, entry number (its position from 1), exercise id, minutes, distance_km, intensity
    (each session's start is taken from `sessions`, each exercise's name and category from `done_exercises`)."""
    sets: Columns
    """entry id, set number (its position from 1), weight_kg, reps (the rest is taken from `entries`)."""
    pains: Columns
    """session id, region, before, during, after."""
    checkins: Columns
    """day, region, pain, linked session id or None, sleep quality or None."""
    pegs: Columns
    """day, pain, enjoyment, activity."""
    pressures: Columns
    """day, site, the three trials and their mean."""
    exercises: Sequence[Exercise]
    """The exercises the owner added (the built-in ones are not exported)."""
    done_exercises: Columns = ((), (), ())
    """The exercises the entries name: id, name, category."""
    goals: Columns = ((), (), ())
    """Function goals: activity, day added, day retired (None while rated)."""
    psfs: Columns = ((), (), (), ())
    """PSFS ratings: day, activity, the day that activity was added, score 0-10."""
    pgic: Columns = ((), ())
    """PGIC answers: day, 1-7."""
    medications: Columns = ((), (), (), (), ())
    """Regular medication: name, dose, unit, first day, last day (None while taken)."""
    doses: Columns = ((), (), (), ())
    """As-needed doses: name, dose, unit, when taken."""


def export_files(data: Stored, made: datetime, *, demo: bool = False) -> dict[str, bytes]:
    """Every table as CSV bytes, keyed by file name, and README.txt dated `made` (saying demo if `demo`)."""
    return dict(written(data, made, demo=demo))


def written(data: Stored, made: datetime, *, demo: bool = False) -> Iterator[tuple[str, bytes]]:
    """The export's files (name and bytes) one at a time as each is written, in the order of the zip."""
    unit = data.unit
    session_ids, started_at, *session_rest = data.sessions
    # Entries, sets, pain ratings and check-ins show their session's start: written once per session, here.
    started_text = Written(column_cells(started_at))
    started = dict(zip(session_ids, started_text, strict=True))
    yield t.SESSIONS.file, columns_csv(t.SESSIONS.columns(unit), [session_ids, started_text, *session_rest])
    yield from _entries_and_sets(data, started)
    yield t.PAINS.file, columns_csv(t.PAINS.columns(unit), [*data.pains, _started(started, data.pains[0])])
    day, region, pain, linked, sleep = data.checkins
    yield t.CHECKINS.file, columns_csv(t.CHECKINS.columns(unit), [day, region, pain, _started(started, linked), sleep])
    peg_day, *peg_items = data.pegs
    scores = _by_value(list(zip(*peg_items, strict=True)), lambda items: peg_score(*items))
    yield t.PEGS.file, columns_csv(t.PEGS.columns(unit), [peg_day, *peg_items, scores])
    yield t.PRESSURES.file, columns_csv(t.PRESSURES.columns(unit), data.pressures)
    yield (
        t.EXERCISES.file,
        write_csv(
            t.EXERCISES.columns(unit),
            [(e.name, e.category, e.equipment, e.impact, e.one_sided, e.counterpart) for e in data.exercises],
        ),
    )
    yield from _health_files(data, unit)
    yield "README.txt", readme_text(unit, made, demo=demo).encode("utf-8")


def _entries_and_sets(data: Stored, started: Mapping[Any, str]) -> Iterator[tuple[str, bytes]]:
    """entries.csv, and sets.csv with each set's session, entry number, start and exercise from its entry."""
    entry_ids, sid, entry_number, exercise_id, *entry = data.entries
    ids, names, categories = data.done_exercises
    name_of, category_of = dict(zip(ids, cells(names), strict=True)), dict(zip(ids, cells(categories), strict=True))
    exercise_cells = Written(looked_up(name_of, exercise_id))
    session_cells, number_cells = Written(cells(sid)), Written(cells(entry_number))
    started_cells = _started(started, sid)
    yield (
        t.ENTRIES.file,
        columns_csv(
            t.ENTRIES.columns(data.unit),
            [session_cells, number_cells, exercise_cells, *entry, started_cells,
             Written(looked_up(category_of, exercise_id))],
        ),
    )  # fmt: skip
    head = dict(zip(entry_ids, map(",".join, zip(session_cells, number_cells, strict=True)), strict=True))
    tail = dict(zip(entry_ids, map(",".join, zip(started_cells, exercise_cells, strict=True)), strict=True))
    entry_id, number, kg, reps = data.sets
    weights = Written(_by_value(kg, lambda weight_kg: _weight_cell(weight_kg, data.unit)))
    yield (
        t.SETS.file,
        columns_csv(
            t.SETS.columns(data.unit),
            [Written(looked_up(head, entry_id)), number, weights, reps, Written(looked_up(tail, entry_id))],
        ),
    )  # fmt: skip


def _health_files(data: Stored, unit: str) -> Iterator[tuple[str, bytes]]:
    """Function goals, PSFS ratings, PGIC answers and medication, one table each."""
    yield t.GOALS.file, columns_csv(t.GOALS.columns(unit), data.goals)
    yield t.PSFS.file, columns_csv(t.PSFS.columns(unit), data.psfs)
    pgic_day, score = data.pgic
    yield t.PGIC.file, columns_csv(t.PGIC.columns(unit), [pgic_day, score, list(map(PGIC_LABELS.get, score))])
    yield t.MEDICATIONS.file, columns_csv(t.MEDICATIONS.columns(unit), data.medications)
    yield t.DOSES.file, columns_csv(t.DOSES.columns(unit), data.doses)


def zipped(files: Mapping[str, bytes] | Iterable[tuple[str, bytes]]) -> bytes:
    """Files (name to bytes, or name and bytes pairs) as one zip archive, compressed."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=ZIP_LEVEL) as archive:
        for name, content in files.items() if isinstance(files, Mapping) else files:
            archive.writestr(name, content)
    return buffer.getvalue()


def zipped_while_written(files: Iterable[tuple[str, bytes]]) -> bytes:
    """`zipped`, each file compressed on a second thread while the next one is written.

    zlib lets go of the interpreter lock while it deflates, so on a machine with a core to spare the
    compression (a fifth of a ten-year export) no longer adds to the time a person waits. It needs the lock back
    after each deflate, though, and a thread running plain Python hands it over only every 5 ms
    (sys.getswitchinterval): `files` should spend time outside the interpreter between files (reading the next
    table from the database does), or the compression waits for the last file (services/export.py).
    """
    waiting: queue.SimpleQueue[tuple[str, bytes] | None] = queue.SimpleQueue()
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="export-zip") as pool:
        archive = pool.submit(zipped, iter(waiting.get, None))
        try:
            for file in files:
                waiting.put(file)
        finally:
            waiting.put(None)  # the zip ends even when writing failed; the failure is what the caller sees
        return archive.result()

"""The CSV export of a history against a bare pandas `to_csv` of the same tables.

The export reads every table in one transaction, shapes it (set numbers from 1, weights in the person's
unit, days without times), writes CSV and deflates it into a zip with its data dictionary. The baseline
takes the tables as they come out of that zip, already in DataFrames, and only calls `to_csv` on each.
"""

from __future__ import annotations

import io
import statistics
import time
import zipfile
from dataclasses import dataclass

import pandas as pd

from services.context import ensure_profile, open_database
from services.export import export_zip


@dataclass(frozen=True)
class ExportFigures:
    """Median seconds (wall and CPU) of the export and of the bare to_csv, and the export's size."""

    export_s: float
    to_csv_s: float
    zip_bytes: int
    rows: int
    export_cpu_s: float
    to_csv_cpu_s: float


def _tables(data: bytes) -> dict[str, pd.DataFrame]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {
            name: pd.read_csv(io.BytesIO(archive.read(name)), encoding="utf-8-sig")
            for name in archive.namelist()
            if name.endswith(".csv")
        }


def _median_s(work: object, runs: int) -> tuple[float, float]:
    """Median wall seconds and median CPU seconds of this process over `runs` calls."""
    assert callable(work)
    times, cpu = [], []
    for _ in range(runs):
        started, cpu_started = time.perf_counter(), time.process_time()
        work()
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - cpu_started)
    return statistics.median(times), statistics.median(cpu)


def export_figures(database_url: str, *, runs: int) -> ExportFigures:
    """Time export_zip on the database's local owner, then to_csv of the tables the export holds."""
    db = open_database(database_url)
    try:
        ctx = ensure_profile(db)
        data = export_zip(ctx)
        tables = _tables(data)
        export_s, export_cpu_s = _median_s(lambda: export_zip(ctx), runs)
        to_csv_s, to_csv_cpu_s = _median_s(lambda: [frame.to_csv(index=False) for frame in tables.values()], runs)
    finally:
        db.dispose()
    rows = sum(len(frame) for frame in tables.values())
    return ExportFigures(export_s, to_csv_s, len(data), rows, export_cpu_s, to_csv_cpu_s)

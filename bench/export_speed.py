"""The CSV export of a history against a bare pandas `to_csv` of the same tables.

The export reads every table in one transaction, shapes it (set numbers from 1, weights in the person's
unit, days without times), writes CSV and deflates it into a zip with its data dictionary. The baseline
takes the tables as they come out of that zip, already in DataFrames, and only calls `to_csv` on each: it
neither reads a database nor deflates (about 14 ms of CPU at ten years, 0.38 x `to_csv`, which the export
cannot skip). So the same baseline is also timed with the export's output: each `to_csv` as UTF-8 with a
byte-order mark and CRLF, deflated into a zip at the export's level (`to_zip_s`, printed here only).

`python bench/export_speed.py [--db FILE] [--runs N]` builds ten years once (kept in FILE) and prints the figures.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script too

from formats.csv_export import zipped
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
    to_zip_s: float = 0.0
    to_zip_cpu_s: float = 0.0


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
        to_zip_s, to_zip_cpu_s = _median_s(lambda: zipped(_as_exported(tables)), runs)
    finally:
        db.dispose()
    rows = sum(len(frame) for frame in tables.values())
    return ExportFigures(export_s, to_csv_s, len(data), rows, export_cpu_s, to_csv_cpu_s, to_zip_s, to_zip_cpu_s)


def _as_exported(tables: dict[str, pd.DataFrame]) -> list[tuple[str, bytes]]:
    """Each table's to_csv as the export writes its files: UTF-8 with a byte-order mark, CRLF."""
    return [
        (name, frame.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")) for name, frame in tables.items()
    ]


def main() -> None:
    """Build a ten-year database once (kept at --db for the next run) and print the export's figures."""
    from bench.run import build  # bench.run imports this module

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, default=Path("/tmp/threshold-bench/10y.db"), help="the database file")
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    args.db.parent.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{args.db}" if args.db.exists() else build(args.db.parent, args.db.name, 10)
    figures = export_figures(url, runs=args.runs)
    print(
        f"export {figures.export_s:.4f} s (CPU {figures.export_cpu_s:.4f}), to_csv {figures.to_csv_s:.4f} s "
        f"(CPU {figures.to_csv_cpu_s:.4f}): ratio {figures.export_s / figures.to_csv_s:.2f} "
        f"(CPU {figures.export_cpu_s / figures.to_csv_cpu_s:.2f}); {figures.rows} rows, {figures.zip_bytes} bytes "
        f"zipped; load average {os.getloadavg()[0]:.2f}"
    )
    print(
        f"to_csv written and zipped as the export is: {figures.to_zip_s:.4f} s (CPU {figures.to_zip_cpu_s:.4f}): "
        f"ratio {figures.export_s / figures.to_zip_s:.2f} (CPU {figures.export_cpu_s / figures.to_zip_cpu_s:.2f})"
    )


if __name__ == "__main__":
    main()

"""Benchmark: importing 100,000 set rows against a bare pandas to_sql of the same rows.

The import reads a Threshold export zip (10,000 sessions of two exercises with five sets each, one pain
rating each), checks every row with the log form's rules and writes sessions, entries, sets and pain
ratings in one transaction into a fresh SQLite database. The baseline writes only the 100,000 set rows,
already in a DataFrame, with DataFrame.to_sql into another fresh SQLite file.

Run `python -m bench.bench_import` (optionally `--sets N`, `--db-dir DIR`). Prints JSON lines
{"metric": ..., "value": ..., "unit": ...} on stdout, one per figure.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import tempfile
import time
import zipfile
from datetime import datetime, timedelta
from pathlib import Path

import pandas as pd
from sqlalchemy import create_engine

from services.context import ensure_profile, open_database
from services.transfer import import_file

ENTRIES = (("Leg press", 60.0), ("Goblet squat", 16.0))
SETS_PER_ENTRY = 5
FIRST = datetime(2015, 1, 1, 7, 0)
STEP = timedelta(hours=6)


def _csv(header: list[str], rows: list[list[object]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def export_like(sets: int) -> tuple[bytes, pd.DataFrame]:
    """A Threshold export zip holding `sets` set rows (two exercises of five sets per session), and its sets."""
    per_session = len(ENTRIES) * SETS_PER_ENTRY
    sessions: list[list[object]] = []
    entries: list[list[object]] = []
    set_rows: list[list[object]] = []
    pains: list[list[object]] = []
    for n in range(sets // per_session):
        started = (FIRST + n * STEP).strftime("%Y-%m-%d %H:%M:%S")
        sessions.append([n + 1, started, 6, f"session {n + 1}"])
        pains.append([n + 1, "lower_back", 2, 3, 2])
        for e, (exercise, load) in enumerate(ENTRIES, start=1):
            entries.append([n + 1, e, exercise, "", "", ""])
            set_rows.extend([n + 1, e, s, load + (n % 8) * 2.5, 12 - s] for s in range(1, SETS_PER_ENTRY + 1))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("sessions.csv", _csv(["session_id", "started_at", "effort_rpe", "notes"], sessions))
        archive.writestr(
            "entries.csv",
            _csv(["session_id", "entry_number", "exercise", "minutes", "distance_km", "intensity"], entries),
        )
        archive.writestr("sets.csv", _csv(["session_id", "entry_number", "set_number", "weight_kg", "reps"], set_rows))
        archive.writestr("pain_ratings.csv", _csv(["session_id", "region", "before", "during", "after"], pains))
    frame = pd.DataFrame(set_rows, columns=["session_id", "entry_number", "set_number", "weight_kg", "reps"])
    return buffer.getvalue(), frame


def _emit(metric: str, value: float, unit: str) -> None:
    print(json.dumps({"metric": metric, "value": round(value, 4), "unit": unit}), flush=True)


def main(argv: list[str] | None = None) -> int:
    """Time the import and the bare to_sql, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", type=int, default=100_000, help="set rows to import (default 100,000)")
    parser.add_argument("--db-dir", default=None, help="folder for the scratch SQLite files (default: a temp dir)")
    args = parser.parse_args(argv)
    folder = Path(args.db_dir or tempfile.mkdtemp(prefix="threshold-bench-"))
    data, frame = export_like(args.sets)

    ctx = ensure_profile(open_database(str(folder / "import.db")))
    start, cpu = time.perf_counter(), time.process_time()
    result = import_file(ctx, "threshold-export.zip", data)
    imported, imported_cpu = time.perf_counter() - start, time.process_time() - cpu
    if not result.written or result.sets_added != len(frame):
        raise SystemExit(f"import did not go through: {result.problems[:3]}")

    bare = create_engine(f"sqlite:///{folder / 'to_sql.db'}")
    start, cpu = time.perf_counter(), time.process_time()
    frame.to_sql("sets", bare, index=False, if_exists="replace")
    to_sql, to_sql_cpu = time.perf_counter() - start, time.process_time() - cpu
    bare.dispose()

    label = f"{args.sets // 1000}k" if args.sets % 1000 == 0 else str(args.sets)
    _emit(f"import_{label}_sets_s", imported, "s")
    _emit(f"to_sql_{label}_sets_s", to_sql, "s")
    _emit("import_vs_to_sql_ratio", imported / to_sql, "x")
    _emit(f"import_{label}_sets_rows_per_s", len(frame) / imported, "rows/s")
    # CPU seconds of this process: steadier than wall time when other work shares the cores.
    _emit(f"import_{label}_sets_cpu_s", imported_cpu, "s")
    _emit(f"to_sql_{label}_sets_cpu_s", to_sql_cpu, "s")
    _emit("import_vs_to_sql_cpu_ratio", imported_cpu / to_sql_cpu, "x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

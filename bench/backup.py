"""Backup and restore timings for a long made-up history.

`python bench/backup.py [--years 10] [--pg URL]` prints one JSON object per line: {"metric", "value", "unit"}.
Cases: a SQLite file holding one person (whole-file copy with SQLite's backup API), a SQLite file shared by
two people (only the caller's rows), and, with --pg, PostgreSQL with two people.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from services.backup import BACKUP_DIR_ENV, make_backup, restore_backup
from services.context import ensure_profile, open_database
from services.demo import fill_demo


def emit(metric: str, value: float, unit: str) -> None:
    """Print one figure as a JSON line."""
    print(json.dumps({"metric": metric, "value": round(value, 4), "unit": unit}), flush=True)


def measure(url: str, label: str, years: float, *, shared: bool) -> None:
    """Fill the owner (and, when shared, a second person), then time one backup and one restore of it."""
    db = open_database(url)
    try:
        ctx = ensure_profile(db)
        sessions = fill_demo(ctx, years=years)
        if shared:
            fill_demo(ensure_profile(db, "someone-else"), years=years, seed=2)
        started = time.perf_counter()
        data = make_backup(ctx)
        backup_s = time.perf_counter() - started
        started = time.perf_counter()
        restore_backup(ctx, data)
        restore_s = time.perf_counter() - started
    finally:
        db.dispose()
    emit(f"backup_sessions_{label}", sessions, "sessions")
    emit(f"backup_s_{label}", backup_s, "s")
    emit(f"backup_kb_{label}", len(data) / 1024, "KB")
    emit(f"restore_s_{label}", restore_s, "s")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description="Time backup and restore of a long made-up history.")
    parser.add_argument("--years", type=float, default=10.0, help="length of the history (default 10)")
    parser.add_argument("--pg", help="an empty PostgreSQL database URL to measure on as well")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="threshold-bench-") as folder:
        os.environ[BACKUP_DIR_ENV] = str(Path(folder) / "safety")
        measure(f"sqlite:///{folder}/one.db", "sqlite_one_owner", args.years, shared=False)
        measure(f"sqlite:///{folder}/two.db", "sqlite_two_owners", args.years, shared=True)
        if args.pg:
            measure(args.pg, "postgresql_two_owners", args.years, shared=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Write a database holding a made-up history: `python bench/generate.py --years 10 --db PATH`."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from services.context import ensure_profile, open_database
from services.demo import fill_demo_once


def generate(target: str, years: float, seed: int = 1) -> int:
    """Create (or open) the database at target and fill its local owner; returns sessions written."""
    db = open_database(target)
    try:
        return fill_demo_once(ensure_profile(db), years=years, seed=seed)
    finally:
        db.dispose()


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description="Write a database with a realistic made-up training and pain history.")
    parser.add_argument("--years", type=float, default=10.0, help="length of the history in years (default 10)")
    parser.add_argument("--db", required=True, help="SQLite file path or database URL to write")
    parser.add_argument("--seed", type=int, default=1, help="the same seed gives the same history (default 1)")
    args = parser.parse_args(argv)
    if args.years <= 0 or args.years > 50:
        parser.error("--years must be above 0 and at most 50")
    started = time.perf_counter()
    written = generate(args.db, args.years, args.seed)
    if written == 0:
        print(f"{args.db} already holds sessions; nothing written (use a new file).", file=sys.stderr)
        return 1
    print(f"Wrote {written} sessions ({args.years:g} years) to {args.db} in {time.perf_counter() - started:.1f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

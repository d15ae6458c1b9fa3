"""Benchmarks: Progress page speed and chart size at 0, 1 and 10 years of history, the command line's start
and report, the CSV export against bare pandas, and the server's start to its first page.

`python bench/run.py [--quick] [--no-browser] [--data-benches]` prints one JSON object per line:
{"metric", "value", "unit"}. The full run also passes on the lines of bench/bench_import.py, bench/backup.py and
bench/memory.py.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from streamlit.logger import set_log_level

from bench.cli_speed import cli_figures
from bench.export_speed import export_figures
from bench.page_timing import PAGE, PageFigures, measure, measured_page, warm_up
from services.context import bump_data_version, ensure_profile, open_database
from services.demo import fill_demo_once

SEED = 1
ROOT = Path(__file__).resolve().parent.parent
# The data benchmarks (import of 100,000 sets against to_sql; backup and restore of 10 years; peak memory of a
# 1,000,000-set import and of zip bombs): about 2 minutes together on a quiet machine, so --quick leaves them
# out unless --data-benches asks for them.
DATA_BENCHES = ("bench.bench_import", "bench.backup", "bench.memory")


def emit(metric: str, value: float | None, unit: str) -> None:
    """Print one figure as a JSON line (value null when it cannot be computed, e.g. a ratio over zero)."""
    shown = None if value is None or not math.isfinite(value) else round(value, 4)
    print(json.dumps({"metric": metric, "value": shown, "unit": unit}), flush=True)


def build(folder: Path, name: str, years: float) -> str:
    """A database with `years` of made-up history (0 for an empty one); returns its URL."""
    url = f"sqlite:///{folder / name}"
    db = open_database(url)
    try:
        ctx = ensure_profile(db)
        if years > 0:
            started = time.perf_counter()
            written = fill_demo_once(ctx, years=years, seed=SEED)
            bump_data_version(ctx)  # as the app does after every write: caches and derived data follow
            label = f"{years:g}y"
            emit(f"generate_s_{label}", time.perf_counter() - started, "s")
            emit(f"sessions_{label}", written, "sessions")
    finally:
        db.dispose()
    return url


def phase(started: float, what: str) -> None:
    """Say on stderr how long the run has taken so far (stdout stays pure JSON lines)."""
    print(f"[{time.perf_counter() - started:5.1f} s] {what}", file=sys.stderr, flush=True)


def _ratio(a: float, b: float) -> float | None:
    return a / b if b else None


def report(view: str, empty: PageFigures, one: PageFigures, ten: PageFigures) -> None:
    """The figures for one view of the page ('' for the default, '_all' for all history)."""
    emit(f"progress_cold_s_empty{view}", empty.cold_s, "s")
    emit(f"progress_cold_s_1y{view}", one.cold_s, "s")
    emit(f"progress_cold_s_10y{view}", ten.cold_s, "s")
    emit(f"progress_cold_ratio_10y{view}", _ratio(ten.cold_s, empty.cold_s), "ratio")
    emit(f"progress_warm_s_empty{view}", empty.warm_s, "s")
    emit(f"progress_warm_s_1y{view}", one.warm_s, "s")
    emit(f"progress_warm_s_10y{view}", ten.warm_s, "s")
    emit(f"progress_warm_ratio_10y{view}", _ratio(ten.warm_s, empty.warm_s), "ratio")
    emit(f"charts_10y{view}", ten.charts, "charts")
    emit(f"chart_bytes_empty{view}", empty.chart_bytes, "bytes")
    emit(f"chart_bytes_1y{view}", one.chart_bytes, "bytes")
    emit(f"chart_bytes_10y{view}", ten.chart_bytes, "bytes")
    emit(f"chart_bytes_ratio_10y_1y{view}", _ratio(ten.chart_bytes, one.chart_bytes), "ratio")


def cli_and_export(folder: Path, one: str, ten: str, runs: int) -> None:
    """Whole-process `cli.py --help` and 1-year report; the 10-year CSV export against bare to_csv."""
    cli = cli_figures(one, folder, runs=runs)
    emit("cli_help_s", cli["help"].seconds, "s")
    emit("cli_help_cpu_s", cli["help"].cpu_s, "s")
    emit("cli_help_peak_mb", cli["help"].peak_mb, "MB")
    emit("cli_report_1y_s", cli["report_1y"].seconds, "s")
    emit("cli_report_1y_cpu_s", cli["report_1y"].cpu_s, "s")
    emit("cli_report_1y_peak_mb", cli["report_1y"].peak_mb, "MB")
    exported = export_figures(ten, runs=runs)
    emit("export_10y_s", exported.export_s, "s")
    emit("to_csv_10y_s", exported.to_csv_s, "s")
    emit("export_vs_to_csv_ratio", _ratio(exported.export_s, exported.to_csv_s), "ratio")
    emit("export_10y_cpu_s", exported.export_cpu_s, "s")
    emit("to_csv_10y_cpu_s", exported.to_csv_cpu_s, "s")
    emit("export_vs_to_csv_cpu_ratio", _ratio(exported.export_cpu_s, exported.to_csv_cpu_s), "ratio")


def data_benches() -> None:
    """Run the import and backup benchmarks in their own processes and pass their JSON lines through."""
    for module in DATA_BENCHES:
        done = subprocess.run(
            [sys.executable, "-m", module], cwd=ROOT, capture_output=True, text=True, check=False, timeout=1200
        )
        for line in done.stdout.splitlines():
            if line.startswith("{"):
                print(line, flush=True)
        if done.returncode != 0:
            print(f"{module} failed:\n{done.stderr[-2000:]}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    """Build the databases, time the page, optionally time the first chart in Chromium."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (under a minute on 2 cores)")
    parser.add_argument("--no-browser", action="store_true", help="skip the real-browser measurement")
    parser.add_argument(
        "--data-benches",
        action="store_true",
        help="with --quick, also run the import and backup benchmarks (the full run always does)",
    )
    parser.add_argument("--runs", type=int, default=None, help="repetitions per figure (median is reported)")
    args = parser.parse_args(argv)
    runs = args.runs or (5 if args.quick else 11)
    # AppTest outside a server warns about a missing run context on every cached call; not our figures.
    set_log_level("error")
    warnings.filterwarnings("ignore")
    page = measured_page()
    started = time.perf_counter()
    # Other work on the machine moves every figure; the load average says how busy it was.
    emit("load_average_1m_at_start", os.getloadavg()[0], "processes")
    with tempfile.TemporaryDirectory(prefix="threshold-bench-") as tmp:
        folder = Path(tmp)
        empty, one, ten = build(folder, "empty.db", 0), build(folder, "1y.db", 1), build(folder, "10y.db", 10)
        warm_up(empty)
        phase(started, "databases built and AppTest warmed up")
        figures = measure([empty, one, ten], runs=runs)
        report("", figures[empty], figures[one], figures[ten])
        phase(started, "default view measured")
        whole = measure([empty, one, ten], runs=runs, all_history=True)
        report("_all", whole[empty], whole[one], whole[ten])
        phase(started, "all-history view measured")
        cli_and_export(folder, one, ten, runs)
        phase(started, "command line and export measured")
        if not args.no_browser and page == PAGE:
            from bench.browser import browser_figures, server_first_page_s

            path = Path(page).stem
            visits = 3 if args.quick else 5
            seen = browser_figures(ten, f"sqlite:///{folder / 'demo.db'}", path, revisit=not args.quick, visits=visits)
            emit("browser_app_frame_s", seen.shell_s, "s")
            emit("browser_first_chart_s", seen.first_chart_s, "s")
            if seen.in_app_chart_s is not None:
                emit("browser_first_chart_s_in_app", seen.in_app_chart_s, "s")
            if seen.cached_chart_s is not None:
                emit("browser_first_chart_s_revisit", seen.cached_chart_s, "s")
            emit("server_first_page_s", server_first_page_s(ten, f"sqlite:///{folder / 'demo.db'}"), "s")
    if args.data_benches or not args.quick:
        data_benches()
        phase(started, "import and backup benchmarks run")
    emit("load_average_1m_at_end", os.getloadavg()[0], "processes")
    emit("bench_total_s", time.perf_counter() - started, "s")
    if page != PAGE:
        print(f"note: {PAGE} is not there yet; measured {page} instead, without the browser", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

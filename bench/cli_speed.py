"""Whole-process timings of the command line: `cli.py --help` and the doctor's report over a year of history.

Each run is a fresh `python cli.py ...` process, as a person at the terminal starts it: interpreter start,
imports and work together. The peak memory is that one process's maximum resident set (os.wait4).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLI = ROOT / "cli.py"
KB_PER_MB = 1024
YEAR = timedelta(days=365)


@dataclass(frozen=True)
class ProcessFigures:
    """Median wall and CPU seconds and the highest peak memory over several runs of one command."""

    seconds: float
    cpu_s: float
    """User plus system time of the process: steadier than wall time when other work shares the cores."""
    peak_mb: float


# A small launcher starts the command and reads its usage: a child forked straight from this process (which
# holds pandas and SQLAlchemy) would count this process's memory as its own until it execs.
LAUNCHER = """
import json, os, subprocess, sys, time
started = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
problems = child.stderr.read()
_, status, usage = os.wait4(child.pid, 0)
seconds = time.perf_counter() - started
code = os.waitstatus_to_exitcode(status)
said = problems.decode(errors="replace")
cpu = usage.ru_utime + usage.ru_stime
print(json.dumps({"s": seconds, "cpu": cpu, "kb": usage.ru_maxrss, "code": code, "stderr": said}))
"""


def _once(args: list[str], cwd: Path) -> tuple[float, float, float]:
    """Run `python cli.py ARGS` once: wall and CPU seconds and its peak resident memory in MB."""
    done = subprocess.run(
        [sys.executable, "-c", LAUNCHER, sys.executable, str(CLI), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    seen = json.loads(done.stdout)
    if seen["code"] != 0:
        raise RuntimeError(f"cli.py {' '.join(args)} failed: {seen['stderr'][-2000:]}")
    return seen["s"], seen["cpu"], seen["kb"] / KB_PER_MB  # ru_maxrss is in KB on Linux


def measure(args: list[str], cwd: Path, runs: int) -> ProcessFigures:
    """Run the command `runs` times; the median times and the largest peak memory."""
    seen = [_once(args, cwd) for _ in range(runs)]
    return ProcessFigures(
        statistics.median(s for s, _, _ in seen), statistics.median(c for _, c, _ in seen), max(m for _, _, m in seen)
    )


def report_args(database_url: str, folder: Path, *, today: date | None = None) -> list[str]:
    """`cli.py report` over the last 365 days (the whole of a 1-year history) into a scratch PDF."""
    end = today or date.today()
    start = end - YEAR + timedelta(days=1)
    pdf = folder / "report.pdf"
    return ["report", "--db", database_url, "--start", start.isoformat(), "--end", end.isoformat(), "-o", str(pdf)]


def cli_figures(one_year_url: str, folder: Path, *, runs: int) -> dict[str, ProcessFigures]:
    """`--help` and the 1-year report, each timed as a whole process."""
    return {
        "help": measure(["--help"], folder, runs),
        "report_1y": measure(report_args(one_year_url, folder), folder, max(3, runs // 2)),
    }

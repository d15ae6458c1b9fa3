"""`python cli.py --help` and argument errors answer without loading the heavy libraries or the services."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

CLI = Path(__file__).resolve().parents[2] / "cli.py"
# Each of these costs from tens to hundreds of milliseconds and megabytes; none is needed to print help.
HEAVY = ("streamlit", "pandas", "numpy", "altair", "fpdf", "vl_convert", "sqlalchemy", "alembic")
OURS = ("services", "exports", "imports", "db", "charts", "ui")
LOADED = re.compile(r"^import time:\s+\d+ \|\s+\d+ \|\s*([\w.]+)$", re.MULTILINE)


def _loaded(*args: str) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    """Run `python -X importtime cli.py ARGS`; the top-level names of every module it imported."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", str(CLI), *args], capture_output=True, text=True, timeout=120
    )
    return result, {name.split(".")[0] for name in LOADED.findall(result.stderr)}


@pytest.mark.parametrize(
    "args",
    [("--help",), ("report", "--help"), ("report", "--start", "31/01/2026"), ("settings", "--regions", "elbow")],
    ids=["help", "command-help", "bad-date", "bad-region"],
)
def test_help_and_argument_errors_load_no_heavy_library(args):
    result, loaded = _loaded(*args)
    assert result.returncode in (0, 2), result.stderr
    assert "argparse" in loaded  # the import log was read
    assert loaded.isdisjoint(HEAVY), sorted(loaded & set(HEAVY))
    assert loaded.isdisjoint(OURS), sorted(loaded & set(OURS))


def test_a_command_still_loads_what_it_needs(tmp_path):
    # The other side of the lazy imports: running a command does reach the services and the database.
    result, loaded = _loaded("settings", "--db", str(tmp_path / "t.db"))
    assert result.returncode == 0, result.stderr
    assert "unit: kg" in result.stdout
    assert {"sqlalchemy", "services", "db"} <= loaded


def test_the_report_does_not_load_altair(tmp_path):
    # The report's charts come from specs kept ahead (formats/report_specs.py): Altair cost its process about 0.25 s.
    from services.context import ensure_profile, open_database
    from services.demo import fill_demo_once

    path = tmp_path / "year.db"
    database = open_database(str(path))
    fill_demo_once(ensure_profile(database), years=1)
    database.dispose()
    out = tmp_path / "report.pdf"
    result, loaded = _loaded("report", "--db", str(path), "--start", "2020-01-01", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert {"fpdf", "vl_convert", "pandas"} <= loaded  # the import log was read, and the charts were drawn
    assert "altair" not in loaded

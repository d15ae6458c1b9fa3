"""A large write killed with SIGKILL leaves a sound database holding none or all of it."""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from db.models import ExerciseSession
from services.context import ensure_profile, open_database
from services.history import history
from tests.conftest import Figures
from tests.factories import NOW, create_session
from tests.reliability.bulk_write import STAGES
from tests.reliability.counts import growth, integrity, row_counts

ROOT = Path(__file__).resolve().parents[2]
IMPORTED = 1000
EARLIER = 3
# Only a guard against a child that never reports; the kill itself waits on the child's own signal.
CHILD_DEADLINE_S = 120


def _wait_for_line(child: subprocess.Popen[str], expected: str) -> None:
    """Block until the child prints `expected`; fail with its stderr if it exits or stalls first."""
    assert child.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(child.stdout, selectors.EVENT_READ)
        ready = selector.select(timeout=CHILD_DEADLINE_S)
    line = child.stdout.readline().strip() if ready else ""
    if line != expected:
        child.kill()
        _, err = child.communicate()
        pytest.fail(f"bulk writer said {line!r} instead of {expected!r}; stderr:\n{err}")


def _wal_bytes(url: str) -> int:
    database = make_url(url).database or ""
    wal = Path(f"{database}-wal")
    return wal.stat().st_size if wal.exists() else 0


@pytest.mark.parametrize("stage", STAGES)
def test_killed_bulk_write_leaves_none_or_all_of_it(db_url: str, stage: str, figures: Figures) -> None:
    db = open_database(db_url)
    ctx = ensure_profile(db)
    for day in range(EARLIER):
        create_session(ctx, when=NOW - timedelta(days=day + 1), notes=f"earlier {day}")
    before = row_counts(db)
    db.dispose()

    child = subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.bulk_write", db_url, str(IMPORTED), stage],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_for_line(child, stage)
        if stage == "mid-write" and db_url.startswith("sqlite"):
            # Proof the kill hits a write that has already reached the file, not one only in memory.
            assert _wal_bytes(db_url) > 0
        child.send_signal(signal.SIGKILL)
        assert child.wait() == -signal.SIGKILL
    finally:
        child.kill()
        child.communicate()

    reopened = open_database(db_url)
    try:
        assert integrity(reopened) == "ok"
        after = row_counts(reopened)
        expected = 0 if stage == "mid-write" else IMPORTED
        assert growth(before, after) == (
            {}
            if expected == 0
            else {"sessions": expected, "entries": expected, "sets": 3 * expected, "pain_ratings": expected}
        )
        with reopened.read() as s:
            earlier = sorted(n for n in s.scalars(select(ExerciseSession.notes)) if n.startswith("earlier"))
        assert earlier == [f"earlier {day}" for day in range(EARLIER)]
        # The database takes new writes straight away: no lock or half-finished transaction is left behind.
        create_session(ensure_profile(reopened), when=NOW - timedelta(minutes=5), notes="after the crash")
        assert history(ensure_profile(reopened))["notes"].tolist()[0] == "after the crash"
        kept = after["sessions"] - before["sessions"]
    finally:
        reopened.dispose()

    backend = make_url(db_url).get_backend_name()
    checked = ", integrity_check ok" if backend == "sqlite" else ""
    figures(
        f"crash during write: killed at {stage}, {kept}/{IMPORTED} imported sessions kept "
        f"(all or none: expected {expected}) on {backend}{checked}"
    )

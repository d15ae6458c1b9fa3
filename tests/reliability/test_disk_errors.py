"""A full or read-only disk: reads still work, a write says so in one line, and nothing is lost."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.exc import OperationalError

import cli
from db.engine import Database, storage_problem
from services.context import LOCAL_SUBJECT, ensure_profile, find_profile, open_database
from services.history import history
from tests.conftest import Figures
from tests.factories import create_session
from tests.reliability.counts import row_counts
from tests.transfer_data import STRONG_6


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    """A SQLite database with the local profile and one session."""
    path = tmp_path / "full.db"
    db = open_database(str(path))
    create_session(ensure_profile(db))
    db.dispose()
    return path


DISK_FULL = sqlite3.OperationalError("database or disk is full")


def test_on_a_full_disk_the_command_line_says_so_in_one_line_without_sql(
    db_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], figures: Figures
) -> None:
    def full(*_args: Any, **_kwargs: Any) -> None:
        # What SQLAlchemy raises when SQLite finds no room for a page: the statement, its rows and SQLite's words.
        raise OperationalError("INSERT INTO sessions (notes) VALUES (?)", ("private note",), DISK_FULL)

    monkeypatch.setattr("services.transfer.import_file", full)  # cli.py imports it when the command runs
    upload = tmp_path / "strong.csv"
    upload.write_text(STRONG_6)
    assert cli.main(["import", str(upload), "--db", str(db_file)]) == cli.USER_ERROR
    err = capsys.readouterr().err
    assert err.startswith("error: The disk that holds the database is full; nothing was changed.")
    assert len(err.strip().splitlines()) == 1 and "INSERT" not in err and "private note" not in err
    assert cli.main(["export", "-o", str(tmp_path / "out.zip"), "--db", str(db_file)]) == 0
    figures.tally("disk errors said in one line, nothing lost")


def test_a_read_only_database_not_in_wal_mode_still_reads_and_refuses_writes_plainly(
    db_file: Path, figures: Figures
) -> None:
    con = sqlite3.connect(db_file)
    con.execute("PRAGMA journal_mode=DELETE")  # as a file copied from elsewhere may be
    con.close()
    read_only = Database(f"sqlite:///file:{db_file}?mode=ro&uri=true")
    try:
        ctx = find_profile(read_only, LOCAL_SUBJECT)
        assert ctx is not None
        assert len(history(ctx)) == 1, "reading works although the file cannot be switched to WAL"
        before = row_counts(read_only)
        with pytest.raises(OperationalError) as refused:
            create_session(ctx)
        assert storage_problem(refused.value) == (
            "The database is read-only (its file, folder or disk cannot be written); nothing was changed. "
            "Free some space or fix the permissions, then try again."
        )
        assert row_counts(read_only) == before
    finally:
        read_only.dispose()
    figures.tally("disk errors said in one line, nothing lost")

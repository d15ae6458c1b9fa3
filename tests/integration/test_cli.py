"""The command line, run as a user would: a separate process, exit codes, stdout and stderr."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

import cli
from db.engine import Database
from services.backup import BACKUP_DIR_ENV
from services.context import Ctx, data_version, ensure_profile, open_database
from tests.backup_helpers import fill_owner, owner_dump
from tests.conftest import private_schema
from tests.factories import create_session
from tests.transfer_data import STRONG_6

CLI = Path(__file__).resolve().parents[2] / "cli.py"
COMMANDS = ("export", "import", "backup", "restore", "report", "settings", "suggest", "reminders")


def run(*args: str, cwd: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """Run `python cli.py ARGS` in a fresh process."""
    env = {**os.environ, BACKUP_DIR_ENV: str(cwd / "safety")}
    return subprocess.run(
        [sys.executable, str(CLI), *args], cwd=cwd, env=env, input=stdin, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def local(tmp_path: Path) -> Iterator[tuple[Ctx, Path]]:
    """A SQLite database file with the local owner's data, and its path."""
    path = tmp_path / "mine.db"
    database = open_database(str(path))
    ctx = ensure_profile(database)
    fill_owner(ctx)
    yield ctx, path
    database.dispose()


def _one_clear_line(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 1
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in result.stderr


def test_help_lists_every_command(tmp_path):
    result = run("--help", cwd=tmp_path)
    assert result.returncode == 0
    for command in COMMANDS:
        assert command in result.stdout
    # The options every command shares are on the first help screen, not only under each command.
    assert "--db" in result.stdout and "--profile" in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_has_help_with_db(capsys, command):
    # In-process (the parser alone): one subprocess per command would only re-test Python's start-up.
    with pytest.raises(SystemExit) as exit_:
        cli.main([command, "--help"])
    assert exit_.value.code == 0
    shown = capsys.readouterr().out
    assert "--db" in shown and "--profile" in shown


def test_backup_then_restore_round_trip(local, tmp_path):
    ctx, path = local
    before = owner_dump(ctx)
    backed = run("backup", "--db", str(path), cwd=tmp_path)
    assert backed.returncode == 0, backed.stderr
    out = tmp_path / f"threshold-backup-{date.today():%Y-%m-%d}.sqlite"
    assert f"Backup written to {out.name}" in backed.stdout
    create_session(ctx, when=datetime(2026, 11, 23, 8), weight=99)
    assert owner_dump(ctx) != before
    restored = run("restore", "--db", str(path), str(out), "--yes", cwd=tmp_path)
    assert restored.returncode == 0, restored.stderr
    assert "Restored 4 sessions" in restored.stdout
    assert str(tmp_path / "safety") in restored.stdout
    assert owner_dump(ctx) == before


def test_restore_asks_first_and_no_means_nothing_changes(local, tmp_path):
    ctx, path = local
    backup = tmp_path / "b.sqlite"
    assert run("backup", "--db", str(path), "-o", str(backup), cwd=tmp_path).returncode == 0
    create_session(ctx, when=datetime(2026, 11, 23, 8), weight=99)
    changed = owner_dump(ctx)
    refused = run("restore", "--db", str(path), str(backup), cwd=tmp_path, stdin="n\n")
    assert refused.returncode == 1
    assert "[y/N]" in refused.stdout and "Nothing restored." in refused.stderr
    assert owner_dump(ctx) == changed
    agreed = run("restore", "--db", str(path), str(backup), cwd=tmp_path, stdin="y\n")
    assert agreed.returncode == 0, agreed.stderr
    assert owner_dump(ctx) != changed


def test_restore_into_a_new_file_creates_the_database(local, tmp_path):
    ctx, path = local
    backup = tmp_path / "b.sqlite"
    assert run("backup", "--db", str(path), "-o", str(backup), cwd=tmp_path).returncode == 0
    fresh = tmp_path / "new.db"
    assert run("restore", "--db", str(fresh), str(backup), "-y", cwd=tmp_path).returncode == 0
    database = Database(f"sqlite:///{fresh}")
    assert owner_dump(Ctx(database, 1)) == owner_dump(ctx)
    database.dispose()


def test_suggest_prints_a_red_flag_first(tmp_path):
    path = tmp_path / "flag.db"
    database = open_database(str(path))
    ctx = ensure_profile(database)
    day = datetime(2026, 11, 20, 18)
    for back in range(6, 2, -1):
        create_session(ctx, when=day - timedelta(days=back), during=2, before=2, after=2)
    for back in (2, 1, 0):  # pain of 8 or more before each session, three days in a row: rest does not ease it
        create_session(ctx, when=day - timedelta(days=back), during=9, before=8, after=8)
    database.dispose()
    result = run("suggest", "--db", str(path), "--today", "2026-11-21", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    first = result.stdout.splitlines()[0]
    assert first.startswith("1. [red flag]")
    assert "Why:" in result.stdout


def test_the_database_can_be_named_before_the_command_too(local, tmp_path):
    # The first help screen lists --db under "options of every command", so people put it first.
    _ctx, path = local
    before = run("--db", str(path), "settings", cwd=tmp_path)
    after = run("settings", "--db", str(path), cwd=tmp_path)
    assert before.returncode == 0, before.stderr
    assert before.stdout == after.stdout
    assert "pain limit: " in before.stdout


def test_suggest_on_an_empty_history_says_so(tmp_path):
    database = open_database(str(tmp_path / "empty.db"))
    ensure_profile(database)
    database.dispose()
    result = run("suggest", "--db", str(tmp_path / "empty.db"), cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "No suggestions right now.\n")


def test_a_missing_database_is_a_clear_error_and_creates_nothing(tmp_path):
    missing = tmp_path / "typo.db"
    _one_clear_line(run("backup", "--db", str(missing), cwd=tmp_path), "No database at", str(missing))
    assert not missing.exists()


def test_a_file_that_is_no_database_is_a_clear_error(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database\n" * 100)
    _one_clear_line(run("suggest", "--db", str(notes), cwd=tmp_path), "Cannot open the database", "not a database")


def test_restoring_a_file_that_is_no_backup_changes_nothing(local, tmp_path):
    ctx, path = local
    before = owner_dump(ctx)
    bogus = tmp_path / "export.csv"
    bogus.write_text("date,exercise\n2026-01-01,Leg press\n")
    _one_clear_line(run("restore", "--db", str(path), str(bogus), "--yes", cwd=tmp_path), "not a SQLite database")
    assert owner_dump(ctx) == before
    assert not (tmp_path / "safety").exists()


def test_a_bad_option_exits_with_usage(tmp_path):
    result = run("suggest", "--today", "yesterday", cwd=tmp_path)
    assert result.returncode == 2
    assert "not a date like 2026-01-31" in result.stderr


def test_hosted_backup_for_one_profile_holds_only_their_rows(tmp_path):
    with private_schema() as url:
        database = open_database(url)
        fill_owner(ensure_profile(database, "oidc|alice"), name="Alice")
        fill_owner(ensure_profile(database, "oidc|bob"), name="Bob")
        database.dispose()
        out = tmp_path / "alice.sqlite"
        result = run("backup", "--db", url, "--profile", "oidc|alice", "-o", str(out), cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        nobody = run("backup", "--db", url, "--profile", "oidc|carol", cwd=tmp_path)
        _one_clear_line(nobody, "No profile 'oidc|carol'")
    con = sqlite3.connect(out)
    assert con.execute("select subject, display_name from profiles").fetchall() == [("oidc|alice", "Alice")]
    con.close()


def test_an_unreachable_server_is_a_clear_error_without_the_password(tmp_path):
    url = "postgresql+psycopg://someone:s3cret@127.0.0.1:1/threshold"
    result = run("suggest", "--db", url, cwd=tmp_path)
    _one_clear_line(result, "Cannot open the database", "someone:***@127.0.0.1:1")
    assert "s3cret" not in result.stderr


def test_export_writes_the_csv_zip(local, tmp_path):
    _, path = local
    result = run("export", "--db", str(path), "-o", str(tmp_path / "mine.zip"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(tmp_path / "mine.zip") as archive:
        assert "README.txt" in archive.namelist()
        assert any(name.startswith("sessions") for name in archive.namelist())


def test_import_asks_for_unknown_equipment_then_imports(tmp_path):
    strong = tmp_path / "strong.csv"
    strong.write_text(STRONG_6.replace("Pull Up", "Muscle Up"))
    target = tmp_path / "imported.db"
    asked = run("import", "--db", str(target), str(strong), cwd=tmp_path)
    _one_clear_line(asked, "Nothing imported", "Muscle Up", '--equipment "Muscle Up=machine"')
    answer = ("--equipment", "Muscle Up=bodyweight", "--yes")
    done = run("import", "--db", str(target), str(strong), *answer, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Added 2 sessions with 4 sets" in done.stdout
    again = run("import", "--db", str(target), str(strong), *answer, cwd=tmp_path)
    assert "Added 0 sessions" in again.stdout and "already in your data" in again.stdout


def test_an_import_with_bad_rows_lists_them_and_writes_nothing(local, tmp_path):
    ctx, path = local
    before = owner_dump(ctx)
    bad = tmp_path / "bad.csv"
    bad.write_text("Date,Exercise Name,Set Order,Weight (kg),Reps\nnot-a-date,Leg Press (Machine),1,40,10\n")
    result = run("import", "--db", str(path), str(bad), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == f"error: 1 problem in {bad}; nothing was imported."
    assert "bad.csv, line 2:" in result.stderr
    assert owner_dump(ctx) == before


def test_report_writes_a_pdf_and_refuses_a_backwards_range(local, tmp_path):
    _, path = local
    out = tmp_path / "report.pdf"
    made = run(
        "report", "--db", str(path), "--start", "2026-11-01", "--end", "2026-11-23", "-o", str(out), cwd=tmp_path
    )
    assert made.returncode == 0, made.stderr
    assert out.read_bytes().startswith(b"%PDF")
    # Asked from long before anything was logged, the report starts on the first day logged and the line says so.
    early = run(
        "report", "--db", str(path), "--start", "2020-01-01", "--end", "2026-11-23", "-o", str(out), cwd=tmp_path
    )
    assert early.returncode == 0, early.stderr
    assert "to 2026-11-23 (from the first day logged; asked from 2020-01-01) written to" in early.stdout
    assert not early.stdout.startswith("Report for 2020-01-01")
    backwards = run("report", "--db", str(path), "--start", "2026-11-23", "--end", "2026-11-01", cwd=tmp_path)
    _one_clear_line(backwards, "before the start date")


def test_every_command_that_writes_gives_the_data_a_new_version(local, tmp_path):
    # An app running on the same database keys its cached pages on the version: a write from the terminal that left
    # it alone showed the app's pages from before it (an imported history read "Nothing logged yet" on Progress).
    ctx, path = local
    versions = [data_version(ctx)]
    strong = tmp_path / "strong.csv"
    strong.write_text(STRONG_6)
    assert run("import", "--db", str(path), str(strong), "--yes", cwd=tmp_path).returncode == 0
    versions.append(data_version(ctx))
    assert run("settings", "--db", str(path), "--pain-limit", "4", cwd=tmp_path).returncode == 0
    versions.append(data_version(ctx))
    assert run("backup", "--db", str(path), "-o", str(tmp_path / "b.sqlite"), cwd=tmp_path).returncode == 0
    assert data_version(ctx) == versions[-1], "a backup writes nothing"
    assert run("restore", "--db", str(path), str(tmp_path / "b.sqlite"), "--yes", cwd=tmp_path).returncode == 0
    versions.append(data_version(ctx))
    assert len(set(versions)) == len(versions), versions

"""Backups are consistent copies of one owner's data; restore checks first, keeps the old data, then swaps."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from db.engine import Database
from db.ownership import copy_owned, owned, owned_tables
from services import backup
from services.backup import BACKUP_DIR_ENV, BackupError, backup_dir, make_backup, restore_backup
from services.context import ensure_profile, open_database
from services.history import history
from tests.backup_helpers import all_rows, fill_owner, owner_dump, owner_rows
from tests.factories import NOW, create_session

# Automatic pre-restore backups of every test here go to a temporary folder (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("safety_dir")


@pytest.fixture
def other_db(tmp_path: Path) -> Iterator[Database]:
    """A second, empty SQLite database (where a backup is restored on another machine)."""
    database = open_database(str(tmp_path / "elsewhere.db"))
    yield database
    database.dispose()


def _open(data: bytes, folder: Path) -> sqlite3.Connection:
    path = folder / "opened.sqlite"
    path.write_bytes(data)
    return sqlite3.connect(path)


def test_every_table_belongs_to_an_owner_so_backups_miss_nothing():
    for table in owned_tables():
        assert owned(table, 1) is not None, table.name


def test_a_backup_is_a_sound_sqlite_file_at_the_current_schema(ctx, tmp_path):
    fill_owner(ctx)
    con = _open(make_backup(ctx), tmp_path)
    assert con.execute("pragma integrity_check").fetchall() == [("ok",)]
    assert con.execute("select version_num from alembic_version").fetchall() == [("0008",)]
    assert con.execute("select subject, display_name from profiles").fetchall() == [("local", "Ana Ruiz")]
    assert con.execute("select count(*) from sessions").fetchone() == (4,)


def test_backup_while_another_thread_writes_is_consistent(ctx, tmp_path):
    create_session(ctx, when=NOW - timedelta(days=30))
    done = threading.Event()
    written: list[int] = []

    def writer() -> None:
        day = 0
        while not done.is_set() and day < 400:
            day += 1
            written.append(create_session(ctx, when=NOW - timedelta(days=29, minutes=day), sets=3))

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        copies: list[bytes] = []
        while len(copies) < 5 or len(written) < 3:
            copies.append(make_backup(ctx))
            if not thread.is_alive():
                break
    finally:
        done.set()
        thread.join()
    for data in copies:
        con = _open(data, tmp_path)
        assert con.execute("pragma integrity_check").fetchall() == [("ok",)]
        # Each session is all there or not there: three sets and one pain rating, never half of it.
        rows = con.execute(
            "select s.id, (select count(*) from entries e join sets w on w.entry_id = e.id where e.session_id = s.id),"
            " (select count(*) from pain_ratings p where p.session_id = s.id) from sessions s"
        ).fetchall()
        con.close()
        assert rows and all(sets == 3 and pains == 1 for _, sets, pains in rows)


def test_restore_round_trip_gives_identical_data(ctx, safety_dir):
    fill_owner(ctx)
    before = owner_dump(ctx)
    data = make_backup(ctx)
    create_session(ctx, when=NOW - timedelta(hours=5), weight=90)
    ensure_profile(ctx.db, "local")
    result = restore_backup(ctx, data)
    assert owner_dump(ctx) == before
    assert result.sessions == 4 and not result.migrated
    assert result.safety_backup.parent == safety_dir


def test_a_backup_restores_into_another_database(ctx, other_db):
    fill_owner(ctx)
    before = owner_dump(ctx)
    target = ensure_profile(other_db)
    restore_backup(target, make_backup(ctx))
    assert owner_dump(target) == before


def test_the_automatic_backup_taken_before_a_restore_brings_back_the_previous_state(ctx, safety_dir):
    fill_owner(ctx, weight=40)
    previous = owner_dump(ctx)
    other = ensure_profile(open_database(str(safety_dir.parent / "other.db")))
    fill_owner(other, weight=70, name="Bea")
    result = restore_backup(ctx, make_backup(other))
    assert owner_dump(ctx) != previous
    assert result.safety_backup.exists()
    assert list(safety_dir.iterdir()) == [result.safety_backup]
    restore_backup(ctx, result.safety_backup.read_bytes())
    assert owner_dump(ctx) == previous
    other.db.dispose()


def _scrambled(data: bytes) -> bytes:
    page = 4096
    middle = bytearray(data)
    middle[page * 2 : page * 3] = b"\xff" * page
    return bytes(middle)


def _altered(data: bytes, folder: Path, statement: str) -> bytes:
    """The backup with one SQL statement run on a copy of it."""
    con = _open(data, folder)
    con.execute(statement)
    con.commit()
    con.close()
    return (folder / "opened.sqlite").read_bytes()


def _foreign(folder: Path) -> bytes:
    con = sqlite3.connect(folder / "notes.sqlite")
    con.execute("create table notes (body text)")
    con.commit()
    con.close()
    return (folder / "notes.sqlite").read_bytes()


@pytest.mark.parametrize(
    ("make_bad", "message"),
    [
        (lambda data, folder: b"", "not a SQLite database"),
        (lambda data, folder: b"date,exercise,weight\n2026-01-01,Leg press,40\n", "not a SQLite database"),
        (lambda data, folder: data[: len(data) // 3], "damaged"),
        (lambda data, folder: _scrambled(data), "damaged"),
        (
            lambda data, folder: _altered(data, folder, "update alembic_version set version_num = '9999'"),
            "newer version",
        ),
        (lambda data, folder: _foreign(folder), "carries no Threshold schema version"),
        (
            lambda data, folder: _altered(data, folder, "alter table sessions drop column notes"),
            "column sessions.notes is missing",
        ),
    ],
    ids=["empty", "csv", "truncated", "scrambled", "newer-schema", "other-sqlite", "edited"],
)
def test_a_bad_file_writes_nothing_and_says_what_is_wrong(ctx, tmp_path, safety_dir, make_bad, message):
    fill_owner(ctx)
    bad = make_bad(make_backup(ctx), tmp_path)
    before = all_rows(ctx)
    with pytest.raises(BackupError, match=message):
        restore_backup(ctx, bad)
    assert all_rows(ctx) == before
    assert not safety_dir.exists() or not any(safety_dir.iterdir())


@pytest.mark.parametrize("revision", ["0001", "0004"])
def test_a_backup_from_an_older_release_restores_and_is_migrated(ctx, revision):
    create_session(ctx, weight=99)
    data = (Path(__file__).resolve().parents[1] / "fixtures" / f"schema_{revision}.sqlite").read_bytes()
    result = restore_backup(ctx, data)
    assert (result.from_revision, result.to_revision, result.migrated) == (revision, "0008", True)
    table = history(ctx)
    assert table["exercises"].tolist() == [
        "Goblet squat: 12 reps, 25 lb × 10; Aqua jogging: 20 min",
        "Treadmill walk: 32.5 min, 1.49 miles",  # 2.4 km, in miles for someone who weighs in pounds
        "Leg press: 100 lb × 10, 100 lb × 10, 110 lb × 8",
    ]
    assert table["notes"].tolist() == ["", "מרגיש טוב\nsecond line", "Felt fine 💪"]
    with ctx.db.read() as s:
        assert s.execute(text("select count(*) from share_links")).scalar_one() == (revision == "0004")


def test_hosted_backup_holds_only_the_callers_rows(db, tmp_path):
    alice, bob = ensure_profile(db, "oidc|alice"), ensure_profile(db, "oidc|bob")
    fill_owner(alice, weight=40, name="Alice")
    fill_owner(bob, weight=80, name="Bob")
    con = _open(make_backup(alice), tmp_path)
    assert con.execute("select subject, display_name from profiles").fetchall() == [("oidc|alice", "Alice")]
    weights = {w for (w,) in con.execute("select distinct weight_kg from sets")}
    assert weights == {35.0, 40.0, 45.0}
    assert con.execute("select count(distinct owner_id) from exercises").fetchone() == (1,)
    assert con.execute("select count(*) from share_links").fetchone() == (1,)
    assert con.execute("pragma foreign_key_check").fetchall() == []


def test_hosted_restore_never_touches_another_owners_rows(db):
    alice, bob = ensure_profile(db, "oidc|alice"), ensure_profile(db, "oidc|bob")
    fill_owner(alice, weight=40, name="Alice")
    fill_owner(bob, weight=80, name="Bob")
    bobs = owner_rows(bob)
    alices = owner_dump(alice)
    data = make_backup(alice)
    create_session(alice, weight=20)
    restore_backup(alice, data)
    assert owner_dump(alice) == alices
    assert owner_rows(bob) == bobs


def test_restoring_someone_elses_backup_gives_their_data_to_you_only(db):
    alice, bob = ensure_profile(db, "oidc|alice"), ensure_profile(db, "oidc|bob")
    fill_owner(alice, weight=40, name="Alice")
    fill_owner(bob, weight=80, name="Bob")
    bobs, bobs_dump = owner_rows(bob), owner_dump(bob)
    result = restore_backup(alice, make_backup(bob))
    # Bob's share link stays his alone: its token cannot be taken over, so it is left out.
    assert (result.rows["share_links"], result.rows["share_views"]) == (0, 0)
    alices = owner_dump(alice)
    assert {name: rows for name, rows in alices.items() if not name.startswith("share_")} == {
        name: rows for name, rows in bobs_dump.items() if not name.startswith("share_")
    }
    assert owner_rows(bob) == bobs
    with db.read() as s:
        assert s.execute(text("select subject from profiles order by id")).scalars().all() == ["oidc|alice", "oidc|bob"]


def test_the_automatic_backup_goes_beside_the_sqlite_file_by_default(sqlite_db, monkeypatch):
    monkeypatch.delenv(BACKUP_DIR_ENV)
    ctx = ensure_profile(sqlite_db)
    result = restore_backup(ctx, make_backup(ctx))
    assert backup_dir(sqlite_db) == Path(sqlite_db.engine.url.database or "").parent / "backups"
    assert result.safety_backup.parent == backup_dir(sqlite_db)


def test_a_restore_that_fails_halfway_leaves_the_data_as_it_was(ctx, monkeypatch):
    fill_owner(ctx)
    data = make_backup(ctx)
    create_session(ctx, weight=77)
    before = owner_rows(ctx)

    def copy_then_fail(*args, **kwargs):
        copy_owned(*args, **kwargs)
        raise RuntimeError("disk full")

    monkeypatch.setattr(backup, "copy_owned", copy_then_fail)
    with pytest.raises(RuntimeError, match="disk full"):
        restore_backup(ctx, data)
    assert owner_rows(ctx) == before


def test_no_restore_when_the_automatic_backup_cannot_be_saved(ctx, tmp_path, monkeypatch):
    fill_owner(ctx)
    data = make_backup(ctx)
    create_session(ctx, weight=77)
    before = owner_rows(ctx)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(BACKUP_DIR_ENV, str(blocker / "backups"))
    with pytest.raises(BackupError, match=r"Could not save the automatic backup .* nothing was restored"):
        restore_backup(ctx, data)
    assert owner_rows(ctx) == before


def test_a_demo_backup_is_refused_over_real_data_and_nothing_changes(ctx, other_db, safety_dir):
    fill_owner(ctx)
    demo_backup = make_backup(ctx, demo=True)
    real = ensure_profile(other_db)
    create_session(real, when=NOW - timedelta(days=1))
    before = owner_dump(real)
    with pytest.raises(BackupError, match="demo's made-up data"):
        restore_backup(real, demo_backup)
    assert owner_dump(real) == before
    assert not safety_dir.exists() or not list(safety_dir.iterdir())


def test_a_demo_backup_restores_into_the_demo_and_its_automatic_copy_says_demo(ctx, other_db):
    fill_owner(ctx)
    before = owner_dump(ctx)
    demo = ensure_profile(other_db)
    result = restore_backup(demo, make_backup(ctx, demo=True), demo=True)
    assert owner_dump(demo) == before
    assert result.safety_backup.name.startswith("before-restore-demo-")
    with pytest.raises(BackupError, match="demo"):
        restore_backup(ctx, result.safety_backup.read_bytes())  # the copy of the demo is marked too


def test_an_ordinary_backup_is_not_marked_as_demo(ctx, other_db):
    fill_owner(ctx)
    target = ensure_profile(other_db)
    result = restore_backup(target, make_backup(ctx))
    assert result.sessions == 4 and "demo" not in result.safety_backup.name

"""Backup files: always a SQLite database at a known schema revision, so any backup opens anywhere.

Checking an uploaded file and bringing it to the current schema happens on a private copy, before
anything in the app's database is touched.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import select

from db.engine import MIGRATIONS, Database, migrate
from db.models import Base
from db.ownership import PROFILES

SQLITE_HEADER = b"SQLite format 3\x00"
SUFFIX = ".sqlite"
# Stored in a demo backup's SQLite header (PRAGMA user_version, which Threshold uses for nothing else; "DEMO" in
# ASCII), so a restore can tell made-up data from real without a schema change. Files from before have no mark.
DEMO_FILE_MARK = 0x44454D4F


class BackupError(ValueError):
    """A backup that cannot be made or restored; the message says what is wrong and what to do."""

    def __init__(self, message: str, problems: Sequence[str] = (), more: int = 0) -> None:
        super().__init__(message)
        self.problems = tuple(problems)
        """Each thing wrong in the backup's rows (the first ones), when that is why."""
        self.more = more
        """Problems found beyond those listed."""


def _scripts() -> ScriptDirectory:
    return ScriptDirectory(str(MIGRATIONS))


def head_revision() -> str:
    """The schema revision this version of Threshold writes."""
    return str(_scripts().get_current_head())


def compact(path: Path) -> None:
    """Fold any write-ahead log into the file, so the one file is the whole backup."""
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA journal_mode=DELETE")
    finally:
        con.close()


def mark_demo(path: Path) -> None:
    """Mark the backup file as holding the demo's made-up data."""
    con = sqlite3.connect(path)
    try:
        con.execute(f"PRAGMA user_version = {DEMO_FILE_MARK}")
    finally:
        con.close()


def is_demo(path: Path) -> bool:
    """True for a backup file made in demo mode (see mark_demo)."""
    con = sqlite3.connect(path)
    try:
        return bool(con.execute("PRAGMA user_version").fetchone()[0] == DEMO_FILE_MARK)
    finally:
        con.close()


def _open_checked(path: Path) -> sqlite3.Connection:
    """The file opened with SQLite after its integrity check passed."""
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise BackupError(
            "This file is not a Threshold backup: it is not a SQLite database. "
            f"Choose a file made with 'Download backup' (its name ends in {SUFFIX})."
        )
    con = sqlite3.connect(path)
    try:
        problems = [str(row[0]) for row in con.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as error:
        con.close()
        raise BackupError(f"This backup is damaged and cannot be restored ({error}). Try an older backup.") from None
    if problems != ["ok"]:
        con.close()
        raise BackupError(
            f"This backup is damaged and cannot be restored: the database check found {len(problems)} "
            f"problem(s), the first: {problems[0]}. Try an older backup."
        )
    return con


def check_revision(path: Path) -> str:
    """The backup's schema revision, after checking that it is a sound file this version can read."""
    con = _open_checked(path)
    try:
        tables = {row[0] for row in con.execute("select name from sqlite_master where type = 'table'")}
        rows = con.execute("select version_num from alembic_version").fetchall() if "alembic_version" in tables else []
    except sqlite3.DatabaseError as error:
        raise BackupError(f"This backup is damaged and cannot be restored ({error}). Try an older backup.") from None
    finally:
        con.close()
    if len(rows) != 1:
        raise BackupError(
            "This SQLite file is not a Threshold backup: it carries no Threshold schema version. "
            "Choose a file made with 'Download backup'."
        )
    revision = str(rows[0][0])
    known = {script.revision for script in _scripts().walk_revisions()}
    if revision not in known:
        raise BackupError(
            f"This backup has schema version {revision!r}, which this version of Threshold does not know: "
            f"it was most likely made by a newer version (this one writes {head_revision()!r}). "
            "Update Threshold, then restore it again."
        )
    return revision


def _describe(diff: Any) -> str | None:
    """A difference the restore cannot live with, in words; None for extras it never reads."""
    step = diff[0] if isinstance(diff, list) else diff
    kind = str(step[0])
    if kind.startswith("remove_"):
        return None
    if kind == "add_table":
        return f"table {step[1].name} is missing"
    if kind == "add_column":
        return f"column {step[2]}.{step[3].name} is missing"
    if kind.startswith("modify_"):
        return f"column {step[2]}.{step[3]} differs ({kind.removeprefix('modify_')})"
    return kind.replace("_", " ")


def _missing(copy: Database) -> list[str]:
    """What the models need that the copy's tables lack (extra tables or columns do no harm: they are not read)."""
    with copy.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diffs = compare_metadata(context, Base.metadata)
    return [text for text in map(_describe, diffs) if text]


def upgrade_copy(path: Path) -> None:
    """Migrate the (private) backup copy to the current schema, and check its tables match it."""
    copy = Database(f"sqlite:///{path}")
    try:
        migrate(copy.engine)
        missing = _missing(copy)
    except Exception as error:  # anything alembic or SQLite raises means: this file cannot be upgraded
        # SQLAlchemy's message carries the SQL it ran; the driver's first line says what went wrong without it.
        reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0][:160]
        raise BackupError(f"This backup could not be brought up to the current schema ({reason}).") from None
    finally:
        copy.dispose()
    if missing:
        raise BackupError(
            f"This backup's tables do not match its schema version ({len(missing)} difference(s), the first: "
            f"{missing[0]}); it may have been edited. Try another backup."
        )


def backup_owner(copy: Database, subject: str) -> int:
    """The profile whose data the backup restores: its only one, or the one with the same sign-in."""
    with copy.read() as s:
        profiles = s.execute(select(PROFILES.c.id, PROFILES.c.subject).order_by(PROFILES.c.id)).all()
    if not profiles:
        raise BackupError("This backup holds no profile, so there is nothing to restore.")
    if len(profiles) == 1:
        return int(profiles[0].id)
    for row in profiles:
        if row.subject == subject:
            return int(row.id)
    raise BackupError(
        f"This backup holds the data of {len(profiles)} people and none of them is you, "
        "so it is not clear whose data to restore. Make a backup signed in as the person it is for."
    )

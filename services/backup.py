"""Backup and restore of one owner's data, as a SQLite file that opens anywhere.

On a SQLite database that holds only this owner, the backup is the whole file copied with SQLite's
online backup API (consistent while others write). On PostgreSQL, or a SQLite database shared by
several people, it is a fresh SQLite file at the current schema holding this owner's rows only, read
in one snapshot. Restore accepts either, from any released schema version.
"""

from __future__ import annotations

import os
import re
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session as OrmSession

from db.engine import ROOT, Database, migrate, retry_busy
from db.ownership import PROFILES, InconsistentDataError, copy_owned, count_owned, delete_owned, profile_row
from services.backup_file import (
    SUFFIX,
    BackupError,
    backup_owner,
    check_revision,
    compact,
    head_revision,
    is_demo,
    mark_demo,
    upgrade_copy,
)
from services.context import Ctx, ensure_profile
from services.import_regions import apply as apply_regions
from services.import_regions import change as regions_change
from services.import_regions import rated_regions, result_note
from services.restore_check import check_backup_rows

BACKUP_DIR_ENV = "THRESHOLD_BACKUP_DIR"
# Automatic copies taken before a restore that are kept per person (and per demo or real data); older ones go.
KEEP_SAFETY_COPIES = 10
# Settings (every other profile column) travel with the data; who the profile is stays as it is.
PROFILE_IDENTITY = ("id", "subject", "created_at")

__all__ = [
    "BACKUP_DIR_ENV",
    "BackupError",
    "RestoreResult",
    "backup_dir",
    "check_backup",
    "make_backup",
    "restore_backup",
]


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did: rows put back per table, the backup's schema, and where the old data went."""

    rows: dict[str, int]
    from_revision: str
    to_revision: str
    safety_backup: Path
    """The automatic backup of the data as it was just before the restore."""
    notes: tuple[str, ...] = ()
    """What was repaired or changed on the way in (settings set back to their defaults, tracked regions)."""

    @property
    def sessions(self) -> int:
        """Sessions restored (including any in the bin)."""
        return self.rows.get("sessions", 0)

    @property
    def migrated(self) -> bool:
        """True when the backup came from an older schema and was upgraded."""
        return self.from_revision != self.to_revision


def backup_dir(db: Database) -> Path:
    """Where automatic backups go: THRESHOLD_BACKUP_DIR, else backups/ beside the SQLite file, else data/backups."""
    configured = os.environ.get(BACKUP_DIR_ENV)
    if configured:
        return Path(configured).expanduser()
    database = make_url(db.url).database if db.is_sqlite else None
    if database and database != ":memory:":
        return Path(database).resolve().parent / "backups"
    return ROOT / "data" / "backups"


def _whole_file(ctx: Ctx, path: Path) -> bool:
    """Copy the whole SQLite database with the backup API; False (and no file) if others' data is in it."""
    raw = ctx.db.engine.raw_connection()
    try:
        dest = sqlite3.connect(path)
        try:
            raw.driver_connection.backup(dest)  # type: ignore[union-attr]
            owners = [row[0] for row in dest.execute("select id from profiles")]
        finally:
            dest.close()
    finally:
        raw.close()
    if owners == [ctx.owner_id]:
        return True
    path.unlink()
    return False


def _owner_rows(ctx: Ctx, path: Path) -> None:
    """Write a fresh SQLite file at the current schema holding only ctx's owner's rows."""
    target = Database(f"sqlite:///{path}")
    try:
        migrate(target.engine)
        source = ctx.db.engine.connect()
        if not ctx.db.is_sqlite:
            # One snapshot for every table, so rows written meanwhile never half-appear.
            source = source.execution_options(isolation_level="REPEATABLE READ")
        with source, source.begin(), target.engine.begin() as dst:
            dst.execute(PROFILES.insert(), [profile_row(source, ctx.owner_id)])
            copy_owned(source, dst, ctx.owner_id, ctx.owner_id, keep_ids=True)
    finally:
        target.dispose()


def make_backup(ctx: Ctx, *, demo: bool = False) -> bytes:
    """A consistent backup of ctx's owner's data as the bytes of a SQLite file; `demo` marks it as demo data."""
    with tempfile.TemporaryDirectory(prefix="threshold-backup-") as folder:
        path = Path(folder) / f"backup{SUFFIX}"
        if not (ctx.db.is_sqlite and _whole_file(ctx, path)):
            _owner_rows(ctx, path)
        compact(path)
        if demo:
            mark_demo(path)
        return path.read_bytes()


def _keep_safety_copy(ctx: Ctx, now: datetime, *, demo: bool) -> Path:
    """Write a backup of the current data into the backup folder; returns its path."""
    folder = backup_dir(ctx.db)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        data = make_backup(ctx, demo=demo)
        # The demo database's automatic copies land in the same folder as the real ones by default.
        stem = f"before-restore-{'demo-' if demo else ''}{now:%Y-%m-%d-%H%M%S}-profile{ctx.owner_id}"
        for attempt in range(100):
            path = folder / f"{stem}{f'-{attempt}' if attempt else ''}{SUFFIX}"
            try:
                with path.open("xb") as handle:
                    handle.write(data)
            except FileExistsError:
                continue
            _prune(folder, f"before-restore-{'demo-' if demo else ''}", ctx.owner_id)
            return path
    except OSError as error:
        raise BackupError(
            f"Could not save the automatic backup of your current data in {folder} ({error.strerror}); "
            f"nothing was restored. Set {BACKUP_DIR_ENV} to a folder Threshold can write to."
        ) from None
    raise BackupError(f"Could not find a free file name in {folder}; nothing was restored.")


def _prune(folder: Path, prefix: str, owner_id: int) -> None:
    """Delete all but the newest KEEP_SAFETY_COPIES automatic copies of this owner's (real or demo) data."""
    pattern = re.compile(rf"{re.escape(prefix)}\d{{4}}-\d\d-\d\d-\d{{6}}-profile{owner_id}(-\d+)?{re.escape(SUFFIX)}")
    copies = sorted(
        (p for p in folder.iterdir() if pattern.fullmatch(p.name)), key=lambda p: (p.stat().st_mtime, p.name)
    )
    for old in copies[:-KEEP_SAFETY_COPIES]:
        old.unlink(missing_ok=True)


@retry_busy
def _replace(ctx: Ctx, copy: Database, source_owner: int) -> tuple[dict[str, int], str | None]:
    """In one transaction: drop the owner's rows, then put the backup's in (all or nothing).

    Returns the rows per table, and a sentence when the tracked regions changed (see _track_rated).
    """
    with copy.engine.connect() as src, ctx.db.write() as s:
        dst = s.connection()
        settings = {k: v for k, v in profile_row(src, source_owner).items() if k not in PROFILE_IDENTITY}
        delete_owned(dst, ctx.owner_id)
        dst.execute(update(PROFILES).where(PROFILES.c.id == ctx.owner_id).values(**settings))
        try:
            copy_owned(src, dst, source_owner, ctx.owner_id, keep_ids=False)
        except InconsistentDataError as error:
            raise BackupError(f"This backup is not consistent ({error}); nothing was restored.") from None
        except (DataError, IntegrityError) as error:
            # The checks before should leave nothing for the database to refuse; if it still does, say so
            # in its own first line (never the SQL statement, which would show the rows) and keep the old data.
            reason = str(error.orig).strip().splitlines()[0][:160] if error.orig else type(error).__name__
            raise BackupError(
                f"The database refused a value in this backup ({reason}); nothing was restored."
            ) from None
        return count_owned(dst, ctx.owner_id), _track_rated(s, ctx.owner_id)


def _track_rated(s: OrmSession, owner_id: int) -> str | None:
    """Track the restored data's rated regions when the backup's settings still track only the untouched default.

    A backup's settings are the person's own, so a region is only ever swapped for the starting setting that
    nothing rates (a backup taken before imports tracked the regions they brought can hold such a profile).
    """
    found = regions_change(s, owner_id, rated_regions(s, owner_id), only_default=True)
    if found is None:
        return None
    apply_regions(s, owner_id, found)
    return result_note(found, source="the backup's ratings")


def check_backup(data: bytes) -> str:
    """Check that data is a backup this version can restore (BackupError says why not); returns its schema."""
    with tempfile.TemporaryDirectory(prefix="threshold-check-") as folder:
        path = Path(folder) / f"upload{SUFFIX}"
        path.write_bytes(data)
        return check_revision(path)


def restore_backup(ctx: Ctx, data: bytes, *, now: datetime | None = None, demo: bool = False) -> RestoreResult:
    """Replace ctx's owner's data with a backup's, after checking it and saving the current data first.

    `demo` says ctx is the demo database: only there may a backup marked as demo data be restored.
    """
    with tempfile.TemporaryDirectory(prefix="threshold-restore-") as folder:
        path = Path(folder) / f"upload{SUFFIX}"
        path.write_bytes(data)
        revision = check_revision(path)
        if is_demo(path) and not demo:
            raise BackupError(
                "This file is a backup of the demo's made-up data, not of your own, so it was not restored and "
                "your data is unchanged. To look at it again, choose 'Try with demo data' on the home page and "
                "restore it there."
            )
        upgrade_copy(path)
        copy = Database(f"sqlite:///{path}")
        try:
            with ctx.db.read() as s:
                subject = str(s.execute(PROFILES.select().where(PROFILES.c.id == ctx.owner_id)).one().subject)
            source_owner = backup_owner(copy, subject)
            problems, notes = check_backup_rows(path, source_owner, now=now or datetime.now())
            if problems:
                raise BackupError(
                    f"This backup holds {len(problems) + problems.more:,} value(s) that Threshold would refuse "
                    "in its forms, so nothing was restored and your data is unchanged.",
                    problems,
                    problems.more,
                )
            safety = _keep_safety_copy(ctx, now or datetime.now(), demo=demo)
            rows, regions_note = _replace(ctx, copy, source_owner)
            if regions_note:
                notes.append(regions_note)
        finally:
            copy.dispose()
    # A backup from an older release may lack exercises the catalogue has gained since.
    ensure_profile(ctx.db, subject)
    return RestoreResult(rows, revision, head_revision(), safety, tuple(notes))

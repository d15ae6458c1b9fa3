"""What every command-line subcommand needs: the database and profile to work on, files in and out, asking."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from db.engine import SchemaTooNew, normalise_url
from services.context import LOCAL_SUBJECT, Ctx, bump_data_version, ensure_profile, find_profile, open_database


class CliError(Exception):
    """A problem the person running the command can fix; printed as one line."""


def _url(target: str) -> URL:
    try:
        return make_url(normalise_url(target))
    except ArgumentError:
        raise CliError(f"--db {target!r} is neither a database URL nor a file path.") from None


def shown(target: str) -> str:
    """The database as it is safe to print: a SQLite file's path, or the URL without its password."""
    url = _url(target)
    if url.get_backend_name() == "sqlite":
        return url.database or ""
    return url.render_as_string(hide_password=True)


def _sqlite_file(url: URL) -> Path | None:
    """The file of a SQLite URL (None for an in-memory one or another database)."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database or "")


def missing_file(target: str) -> Path | None:
    """The SQLite file a command would create at target, when there is none yet (None for other databases)."""
    path = _sqlite_file(_url(target))
    return None if path is None or path.exists() else path


def discard(ctx: Ctx, path: Path) -> None:
    """Close the database and delete its new SQLite file (with its journal): nothing was written to it."""
    ctx.db.dispose()
    for name in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        name.unlink(missing_ok=True)


def open_ctx(target: str, subject: str, *, create: bool) -> Ctx:
    """The database at target (migrated) and the profile's context; create both only when asked."""
    url = _url(target)
    path = _sqlite_file(url)
    if path is not None:
        if not create and not path.is_file():
            raise CliError(f"No database at {path}. Check --db (a SQLite file path or a database URL).")
        if not path.parent.is_dir():
            raise CliError(f"The folder {path.parent} does not exist. Check --db.")
    where = shown(target)
    try:
        db = open_database(url.render_as_string(hide_password=False))
    except DBAPIError as error:
        reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        raise CliError(f"Cannot open the database {where}: {reason}.") from None
    except SchemaTooNew:
        raise CliError(f"The database {where} was written by a newer version of Threshold; update first.") from None
    ctx = find_profile(db, subject)
    if ctx is None and create:
        return ensure_profile(db, subject)
    if ctx is None:
        hint = "" if subject != LOCAL_SUBJECT else " Pass --profile with the sign-in subject on a hosted database."
        raise CliError(f"No profile {subject!r} in {where}.{hint}")
    return ctx


def changed(ctx: Ctx) -> None:
    """After a command wrote the profile's data: give it a new data version, so an app running on the same database
    reads it again instead of showing its cached pages from before (ui/cache.py keys every cached read on it)."""
    bump_data_version(ctx)


def write_file(path: Path, data: bytes) -> None:
    """Write data next to path then move it into place, so a reader never sees half a file."""
    if not path.parent.is_dir():
        raise CliError(f"The folder {path.parent} does not exist.")
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(handle, "wb") as out:
        out.write(data)
    os.replace(temp, path)


def read_file(path: Path) -> bytes:
    """The file's bytes, or a one-line error naming it."""
    try:
        return path.read_bytes()
    except OSError as error:
        raise CliError(f"Cannot read {path}: {error.strerror}.") from None


def confirmed(question: str) -> bool:
    """Ask on the terminal; anything but y/yes (or no input at all) means no."""
    try:
        answer = input(f"{question} [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes")

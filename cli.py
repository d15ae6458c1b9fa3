"""Threshold from the terminal: back up, restore and look at your data through the same services as the app.

Run `python cli.py --help`. Each subcommand takes --db (a database URL or a SQLite file path; the app's
own database by default). User errors print one line to stderr and exit with status 1.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from alembic.util.exc import CommandError
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from db.engine import default_url, normalise_url
from services.backup import BackupError, check_backup, make_backup, restore_backup
from services.context import LOCAL_SUBJECT, Ctx, ensure_profile, find_profile, open_database
from services.suggestions import current
from tracker.errors import NotFoundError, ValidationError

USER_ERROR = 1


class CliError(Exception):
    """A problem the person running the command can fix; printed as one line."""


def _url(target: str) -> URL:
    try:
        return make_url(normalise_url(target))
    except ArgumentError:
        raise CliError(f"--db {target!r} is neither a database URL nor a file path.") from None


def _shown(target: str) -> str:
    url = _url(target)
    return url.database or "" if url.get_backend_name() == "sqlite" else url.render_as_string(hide_password=True)


def open_ctx(target: str, subject: str, *, create: bool) -> Ctx:
    """The database at target (migrated) and the profile's context; create both only when asked."""
    url = _url(target)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        path = Path(url.database or "")
        if not create and not path.is_file():
            raise CliError(f"No database at {path}. Check --db (a SQLite file path or a database URL).")
        if not path.parent.is_dir():
            raise CliError(f"The folder {path.parent} does not exist. Check --db.")
    shown = _shown(target)
    try:
        db = open_database(url.render_as_string(hide_password=False))
    except DBAPIError as error:
        reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        raise CliError(f"Cannot open the database {shown}: {reason}.") from None
    except CommandError:
        raise CliError(f"The database {shown} was written by a newer version of Threshold; update first.") from None
    ctx = find_profile(db, subject)
    if ctx is None and create:
        return ensure_profile(db, subject)
    if ctx is None:
        hint = "" if subject != LOCAL_SUBJECT else " Pass --profile with the sign-in subject on a hosted database."
        raise CliError(f"No profile {subject!r} in {shown}.{hint}")
    return ctx


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


def run_backup(args: argparse.Namespace) -> int:
    """Write a backup file."""
    ctx = open_ctx(args.db, args.profile, create=False)
    out = args.output or Path(f"threshold-backup-{date.today():%Y-%m-%d}.sqlite")
    data = make_backup(ctx)
    write_file(out, data)
    print(f"Backup written to {out} ({len(data) / 1024:.0f} KB).")
    return 0


def confirmed(question: str) -> bool:
    """Ask on the terminal; anything but y/yes (or no input at all) means no."""
    try:
        answer = input(f"{question} [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes")


def run_restore(args: argparse.Namespace) -> int:
    """Replace the profile's data with a backup's, after confirmation."""
    data = read_file(args.file)
    check_backup(data)
    where = _shown(args.db)
    if not args.yes and not confirmed(f"Replace all data of profile {args.profile!r} in {where} with {args.file}?"):
        print("Nothing restored.", file=sys.stderr)
        return USER_ERROR
    ctx = open_ctx(args.db, args.profile, create=True)
    result = restore_backup(ctx, data)
    note = f" (schema {result.from_revision}, updated to {result.to_revision})" if result.migrated else ""
    print(f"Restored {result.sessions} sessions from {args.file}{note}.")
    print(f"Your data from before the restore is in {result.safety_backup}.")
    return 0


def run_suggest(args: argparse.Namespace) -> int:
    """Print today's suggestions, red flags first."""
    ctx = open_ctx(args.db, args.profile, create=False)
    found = current(ctx, today=args.today)
    if not found:
        print("No suggestions right now.")
    for number, suggestion in enumerate(found, start=1):
        print(f"{number}. [{suggestion.kind}] {suggestion.title}")
        print(f"   {suggestion.what}")
        print(f"   Why: {suggestion.reason}")
    return 0


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-01-31") from None


def _command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], name: str, run: Callable[..., int], text: str
) -> argparse.ArgumentParser:
    parser = commands.add_parser(name, help=text, description=text)
    parser.add_argument("--db", default=default_url(), help="database URL or SQLite file (default: the app's own)")
    parser.add_argument("--profile", default=LOCAL_SUBJECT, help="whose data: the sign-in subject (default: local)")
    parser.set_defaults(run=run)
    return parser


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(prog="python cli.py", description="Threshold from the command line.")
    commands = parser.add_subparsers(title="commands", required=True, metavar="COMMAND")
    backup = _command(commands, "backup", run_backup, "write a backup of your data (a SQLite file)")
    backup.add_argument("-o", "--output", type=Path, help="file to write (default: threshold-backup-DATE.sqlite)")
    restore = _command(commands, "restore", run_restore, "replace your data with a backup's (asks first)")
    restore.add_argument("file", type=Path, help="backup file made by 'backup' or the app's Backup page")
    restore.add_argument("-y", "--yes", action="store_true", help="do not ask for confirmation")
    suggest = _command(commands, "suggest", run_suggest, "print today's suggestions")
    suggest.add_argument("--today", type=_day, default=None, help="the day to suggest for (default: today)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one subcommand; user errors become one line on stderr and exit status 1."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except (CliError, BackupError, ValidationError, NotFoundError) as error:
        print(f"error: {error}", file=sys.stderr)
        return USER_ERROR
    except OSError as error:
        print(f"error: {error.strerror}: {error.filename}", file=sys.stderr)
        return USER_ERROR
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())

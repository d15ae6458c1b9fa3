"""Threshold from the terminal: back up, restore and look at your data through the same services as the app.

Run `python cli.py --help`. Each subcommand takes --db (a database URL or a SQLite file path; the app's
own database by default). User errors print one line to stderr and exit with status 1.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from db.engine import default_url
from services.backup import BackupError, check_backup, make_backup, restore_backup
from services.context import LOCAL_SUBJECT
from services.suggestions import current
from terminal.common import CliError, confirmed, open_ctx, read_file, shown, write_file
from tracker.errors import NotFoundError, ValidationError

USER_ERROR = 1


def run_backup(args: argparse.Namespace) -> int:
    """Write a backup file."""
    ctx = open_ctx(args.db, args.profile, create=False)
    out = args.output or Path(f"threshold-backup-{date.today():%Y-%m-%d}.sqlite")
    data = make_backup(ctx)
    write_file(out, data)
    print(f"Backup written to {out} ({len(data) / 1024:.0f} KB).")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    """Replace the profile's data with a backup's, after confirmation."""
    data = read_file(args.file)
    check_backup(data)
    where = shown(args.db)
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

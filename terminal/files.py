"""The commands that write or read a whole file: backup, restore, the CSV and FHIR exports, calendar reminders.

Each imports the services it needs when it runs, so the parser (and `--help`) stays light; a backup that cannot
be made or restored is said here, so the other commands never load the backup code to recognise its error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from terminal.outcome import USER_ERROR, print_problems

if TYPE_CHECKING:
    from services.backup import BackupError
    from services.context import Ctx


def run_backup(args: argparse.Namespace) -> int:
    """Write a backup file."""
    from services.backup import BackupError, make_backup

    try:
        return _write_out(args, make_backup, "Backup", f"threshold-backup-{date.today():%Y-%m-%d}.sqlite")
    except BackupError as error:
        return _refused(error)


def run_restore(args: argparse.Namespace) -> int:
    """Replace the profile's data with a backup's, after confirmation."""
    from services.backup import BackupError

    try:
        return _restore(args)
    except BackupError as error:
        return _refused(error)


def _refused(error: BackupError) -> int:
    """Why the backup could not be made or restored, with the first of its problems."""
    print(f"error: {error}", file=sys.stderr)
    print_problems(error.problems, len(error.problems) + error.more)
    return USER_ERROR


def _restore(args: argparse.Namespace) -> int:
    from services.backup import check_backup, restore_backup
    from terminal.common import changed, confirmed, open_ctx, read_file, shown

    data = read_file(args.file)
    check_backup(data)
    where = shown(args.db)
    if not args.yes and not confirmed(f"Replace all data of profile {args.profile!r} in {where} with {args.file}?"):
        print("Nothing restored.", file=sys.stderr)
        return USER_ERROR
    ctx = open_ctx(args.db, args.profile, create=True)
    result = restore_backup(ctx, data)
    changed(ctx)
    note = f" (schema {result.from_revision}, updated to {result.to_revision})" if result.migrated else ""
    print(f"Restored {result.sessions} sessions from {args.file}{note}.")
    for repaired in result.notes:
        print(repaired)
    print(f"Your data from before the restore is in {result.safety_backup}.")
    return 0


def run_export(args: argparse.Namespace) -> int:
    """Write the CSV export (a zip of tidy tables with a data dictionary), or the FHIR Bundle for a clinic."""
    if args.format == "fhir":
        from services.clinic_export import clinic_bundle

        def bundle(ctx: Ctx) -> bytes:
            return clinic_bundle(ctx, zone=args.zone)

        return _write_out(args, bundle, "FHIR Bundle", f"threshold-fhir-{date.today():%Y-%m-%d}.json")
    from services.export import export_zip

    return _write_out(args, export_zip, "Export", f"threshold-export-{date.today():%Y-%m-%d}.zip")


def run_reminders(args: argparse.Namespace) -> int:
    """Write the calendar reminders (.ics) at the stored times, or at the times given for this file."""
    from services.reminders import reminder_calendar

    given = {"morning": args.morning, "psfs_at": args.psfs, "zone": args.zone}
    if args.peg is not None:
        given["peg_weekday"], given["peg_at"] = args.peg
    chosen = {key: value for key, value in given.items() if value is not None}
    return _write_out(args, lambda ctx: reminder_calendar(ctx, chosen), "Reminders", "threshold-reminders.ics")


def _write_out(args: argparse.Namespace, make: Callable[[Ctx], bytes], what: str, default: str) -> int:
    """Make the profile's file and write it to --output (or the default name), saying where and how big."""
    from terminal.common import open_ctx, write_file

    ctx = open_ctx(args.db, args.profile, create=False)
    out = args.output or Path(default)
    data = make(ctx)
    write_file(out, data)
    print(f"{what} written to {out} ({len(data) / 1024:.0f} KB).")
    return 0

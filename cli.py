"""Threshold from the terminal: export, import, back up, restore, report, settings and suggest, over the services.

Run `python cli.py --help`. Each subcommand takes --db (a database URL or a SQLite file path; the app's
own database by default). User errors print one line to stderr and exit with status 1.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from db.engine import default_url, storage_problem
from services.backup import BackupError, check_backup, make_backup, restore_backup
from services.context import LOCAL_SUBJECT, ensure_profile
from services.export import export_zip
from services.import_result import ImportResult
from services.profiles import get_settings, save_settings
from services.report import report_pdf
from services.suggestions import current
from services.transfer import import_file
from terminal.common import CliError, confirmed, open_ctx, read_file, shown, write_file
from terminal.preview import preview_lines
from tracker.catalog import EQUIPMENT
from tracker.errors import NotFoundError, ValidationError
from tracker.pain import REGIONS
from tracker.report import check_report_request
from tracker.units import UNITS

USER_ERROR = 1
SHOWN_PROBLEMS = 20
REPORT_DAYS = timedelta(weeks=12)


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
    for repaired in result.notes:
        print(repaired)
    print(f"Your data from before the restore is in {result.safety_backup}.")
    return 0


def run_export(args: argparse.Namespace) -> int:
    """Write the CSV export (a zip of tidy tables with a data dictionary)."""
    ctx = open_ctx(args.db, args.profile, create=False)
    out = args.output or Path(f"threshold-export-{date.today():%Y-%m-%d}.zip")
    data = export_zip(ctx)
    write_file(out, data)
    print(f"Export written to {out} ({len(data) / 1024:.0f} KB).")
    return 0


def run_import(args: argparse.Namespace) -> int:
    """Check a file, print what it would add, then import it after confirmation; all or nothing."""
    ctx = open_ctx(args.db, args.profile, create=True)
    ensure_profile(ctx.db, args.profile)  # a database from an older release gains the catalogue's new exercises
    options = {"unit": args.unit, "equipment": dict(args.equipment), "mapping": dict(args.map)}
    with args.file.open("rb") as stream:
        checked = import_file(ctx, args.file.name, stream, save=False, **options)
        if not checked.ready:
            return _not_ready(args, checked)
        assert checked.preview is not None
        for line in preview_lines(checked.preview):
            print(line)
        if not args.yes and not confirmed("Import this?"):
            print("Nothing imported.", file=sys.stderr)
            return USER_ERROR
        stream.seek(0)
        result = import_file(ctx, args.file.name, stream, **options)
    if not result.written:
        return _not_ready(args, result)
    print(result.summary())
    for note in result.notes:
        print(note)
    if result.pain_note:
        print(result.pain_note)
    return 0


def _not_ready(args: argparse.Namespace, result: ImportResult) -> int:
    """Say what must be answered or fixed before the file can be imported."""
    if result.needs_unit:
        raise CliError(
            f"Nothing imported: {args.file} does not say whether its weights are kg or lb; add --unit kg or --unit lb."
        )
    if result.needs_equipment:
        names = ", ".join(result.needs_equipment)
        first = result.needs_equipment[0]
        near = result.closest.get(first, ())
        instead = f', or use one of yours: --map "{first}={near[0]}"' if near else ""
        raise CliError(
            f"Nothing imported: say which equipment each of these exercises uses ({names}), "
            f'e.g. --equipment "{first}=machine"{instead}. Kinds: {", ".join(EQUIPMENT)}.'
        )
    count = result.problem_count
    print(f"error: {count:,} problem(s) in {args.file}; nothing was imported.", file=sys.stderr)
    for problem in result.problems[:SHOWN_PROBLEMS]:
        print(f"  {problem}", file=sys.stderr)
    if count > SHOWN_PROBLEMS:
        print(f"  ... and {count - SHOWN_PROBLEMS:,} more.", file=sys.stderr)
    return USER_ERROR


def run_settings(args: argparse.Namespace) -> int:
    """Show the settings, and change the ones given (checked like the Settings page checks them)."""
    ctx = open_ctx(args.db, args.profile, create=True)
    now = get_settings(ctx)
    if args.unit or args.pain_limit is not None or args.regions:
        changed = {
            "unit": args.unit or now.unit,
            "pain_limit": now.pain_limit if args.pain_limit is None else args.pain_limit,
            "regions": list(args.regions or now.regions),
            "display_name": now.display_name,
        }
        now = save_settings(ctx, changed)
        print("Saved.")
    print(f"unit: {now.unit}")
    print(f"pain limit: {now.pain_limit}/10")
    print(f"regions: {','.join(now.regions)}")
    return 0


def run_report(args: argparse.Namespace) -> int:
    """Write the doctor's report as a PDF."""
    ctx = open_ctx(args.db, args.profile, create=False)
    today = date.today()
    end = args.end or today
    regions = args.regions or get_settings(ctx).regions
    start, end, regions = check_report_request(args.start or end - REPORT_DAYS, end, regions, today=today)
    out = args.output or Path(f"threshold-report-{start}-to-{end}.pdf")
    data = report_pdf(ctx, start=start, end=end, regions=regions)
    write_file(out, data)
    print(f"Report for {start} to {end} written to {out} ({len(data) / 1024:.0f} KB).")
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


def _regions(text: str) -> tuple[str, ...]:
    chosen = tuple(part.strip() for part in text.split(",") if part.strip())
    unknown = [r for r in chosen if r not in REGIONS]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(f"{text!r}: use regions from {', '.join(REGIONS)}, separated by commas")
    return chosen


def _pair(form: str) -> Callable[[str], tuple[str, str]]:
    def parse(text: str) -> tuple[str, str]:
        name, _, other = text.rpartition("=")
        if not name.strip() or not other.strip():
            raise argparse.ArgumentTypeError(f"{text!r} is not {form}")
        return name.strip(), other.strip()

    return parse


def _equipment(text: str) -> tuple[str, str]:
    name, _, kind = text.rpartition("=")
    if not name.strip() or kind.strip() not in EQUIPMENT:
        raise argparse.ArgumentTypeError(f"{text!r} is not NAME=KIND with KIND one of {', '.join(EQUIPMENT)}")
    return name.strip(), kind.strip()


def _command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], name: str, run: Callable[..., int], text: str
) -> argparse.ArgumentParser:
    parser = commands.add_parser(name, help=text, description=text)
    parser.add_argument("--db", default=default_url(), help="database URL or SQLite file (default: the app's own)")
    parser.add_argument("--profile", default=LOCAL_SUBJECT, help="whose data: the sign-in subject (default: local)")
    parser.set_defaults(run=run)
    return parser


# Shown under the list of commands, so the options every command shares are visible before picking one.
COMMON_OPTIONS = """options of every command:
  --db URL_OR_FILE   the database to use: a SQLite file path or a database URL
                     (default: the app's own, DATABASE_URL or data/threshold.db)
  --profile SUBJECT  whose data on a hosted database (default: the local owner)

examples:
  python cli.py backup -o ~/threshold.sqlite
  python cli.py report --db data/threshold.db --start 2026-09-01
  python cli.py COMMAND --help     everything one command takes"""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="python cli.py",
        description="Threshold from the command line.",
        epilog=COMMON_OPTIONS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(title="commands", required=True, metavar="COMMAND")
    backup = _command(commands, "backup", run_backup, "write a backup of your data (a SQLite file)")
    backup.add_argument("-o", "--output", type=Path, help="file to write (default: threshold-backup-DATE.sqlite)")
    restore = _command(commands, "restore", run_restore, "replace your data with a backup's (asks first)")
    restore.add_argument("file", type=Path, help="backup file made by 'backup' or the app's Backup page")
    restore.add_argument("-y", "--yes", action="store_true", help="do not ask for confirmation")
    export = _command(commands, "export", run_export, "write your data as a zip of CSV tables")
    export.add_argument("-o", "--output", type=Path, help="file to write (default: threshold-export-DATE.zip)")
    imported = _command(
        commands,
        "import",
        run_import,
        "import a Threshold export, a Strong or Hevy CSV export, or Apple Health's export.zip (shows what it would "
        "add and asks first)",
    )
    imported.add_argument("file", type=Path, help="a .zip or .csv file")
    imported.add_argument("--unit", choices=UNITS, help="the unit of the file's weights, when the file does not say")
    imported.add_argument("-y", "--yes", action="store_true", help="import without asking")
    imported.add_argument(
        "--map",
        type=_pair("FILE NAME=LISTED NAME"),
        action="append",
        default=[],
        metavar="NAME=LISTED",
        help="use one of your exercises for a name in the file (repeat for several)",
    )
    imported.add_argument(
        "--equipment",
        type=_equipment,
        action="append",
        default=[],
        metavar="NAME=KIND",
        help="equipment of an exercise the import asks about (repeat for several)",
    )
    report = _command(commands, "report", run_report, "write the report for your doctor (PDF)")
    report.add_argument("--start", type=_day, help=f"first day (default: {REPORT_DAYS.days} days before --end)")
    report.add_argument("--end", type=_day, help="last day (default: today)")
    report.add_argument("--regions", type=_regions, help="e.g. lower_back,left_knee (default: the ones you track)")
    report.add_argument("-o", "--output", type=Path, help="file to write (default: threshold-report-START-to-END.pdf)")
    settings = _command(commands, "settings", run_settings, "show your settings, or change unit, pain limit, regions")
    settings.add_argument("--unit", choices=UNITS, help="kg or lb")
    settings.add_argument("--pain-limit", type=int, help="acceptable pain during exercise, 1-10")
    settings.add_argument("--regions", type=_regions, help="e.g. lower_back,left_knee")
    suggest = _command(commands, "suggest", run_suggest, "print today's suggestions")
    suggest.add_argument("--today", type=_day, default=None, help="the day to suggest for (default: today)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one subcommand; user errors become one line on stderr and exit status 1."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except ValidationError as error:
        print(f"error: {' '.join(error.errors.values())}", file=sys.stderr)
        return USER_ERROR
    except BackupError as error:
        print(f"error: {error}", file=sys.stderr)
        for problem in error.problems[:SHOWN_PROBLEMS]:
            print(f"  {problem}", file=sys.stderr)
        if len(error.problems) + error.more > SHOWN_PROBLEMS:
            print(f"  ... and {len(error.problems) + error.more - SHOWN_PROBLEMS:,} more.", file=sys.stderr)
        return USER_ERROR
    except (CliError, NotFoundError) as error:
        print(f"error: {error}", file=sys.stderr)
        return USER_ERROR
    except OSError as error:
        print(f"error: {error.strerror}: {error.filename}", file=sys.stderr)
        return USER_ERROR
    except DBAPIError as error:
        # Only failures of the disk become a line for the person; anything else is a bug worth its traceback.
        plain = storage_problem(error)
        if plain is None:
            raise
        print(f"error: {plain}", file=sys.stderr)
        return USER_ERROR
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())

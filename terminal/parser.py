"""The command line's arguments: every subcommand, its options and how each value is checked.

Only the standard library and tracker/ are imported here, so `python cli.py --help` and a mistyped argument
answer at once; each command's handler imports the services it needs when it runs.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path

from terminal.files import run_backup, run_export, run_reminders, run_restore
from terminal.importing import run_import
from terminal.overview import REPORT_DAYS, run_report, run_settings, run_suggest
from tracker.catalog import EQUIPMENT
from tracker.pain import REGIONS
from tracker.units import UNITS

ZONE_EXAMPLE = "Europe/London"
# Shown under the list of commands, so the options every command shares are visible before picking one.
COMMON_OPTIONS = """options of every command:
  --db URL_OR_FILE   the database to use: a SQLite file path or a database URL
                     (default: the app's own, DATABASE_URL or data/threshold.db)
  --profile SUBJECT  whose data on a hosted database (default: the local owner)

examples:
  python cli.py backup -o ~/threshold.sqlite
  python cli.py report --db data/threshold.db --start 2026-09-01
  python cli.py export --format fhir -o clinic.json
  python cli.py reminders --peg "Mon 08:00" -o threshold.ics
  python cli.py COMMAND --help     everything one command takes"""


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


def _weekly(text: str) -> tuple[str, str]:
    day, _, clock = text.strip().partition(" ")
    if not day or not clock.strip():
        raise argparse.ArgumentTypeError(f'{text!r} is not a day and a time like "Mon 08:00"')
    return day, clock.strip()


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
    # None until a command runs (terminal.outcome.with_defaults): the defaults live beside the database code,
    # which the help screen should not have to import.
    # SUPPRESS: given before the command (`cli.py --db X report`), the top-level value must not be reset.
    parser.add_argument("--db", default=argparse.SUPPRESS, help="database URL or SQLite file (default: the app's own)")
    parser.add_argument("--profile", default=argparse.SUPPRESS, help="whose data: the sign-in subject (default: local)")
    parser.set_defaults(run=run)
    return parser


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="python cli.py",
        description="Threshold from the command line.",
        epilog=COMMON_OPTIONS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    # Also before the command, as the help's "options of every command" suggests; after it wins.
    parser.add_argument("--db", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--profile", default=None, help=argparse.SUPPRESS)
    commands = parser.add_subparsers(title="commands", required=True, metavar="COMMAND")
    backup = _command(commands, "backup", run_backup, "write a backup of your data (a SQLite file)")
    backup.add_argument("-o", "--output", type=Path, help="file to write (default: threshold-backup-DATE.sqlite)")
    restore = _command(commands, "restore", run_restore, "replace your data with a backup's (asks first)")
    restore.add_argument("file", type=Path, help="backup file made by 'backup' or the app's Backup page")
    restore.add_argument("-y", "--yes", action="store_true", help="do not ask for confirmation")
    export = _command(
        commands, "export", run_export, "write your data as a zip of CSV tables, or as FHIR for a clinic's system"
    )
    export.add_argument(
        "-o",
        "--output",
        type=Path,
        help="file to write (default: threshold-export-DATE.zip or threshold-fhir-DATE.json)",
    )
    export.add_argument(
        "--format",
        choices=("csv", "fhir"),
        default="csv",
        help="csv: zip of tables; fhir: an HL7 FHIR R4 Bundle (JSON)",
    )
    export.add_argument("--zone", help=f"fhir: time zone of the stored times, e.g. {ZONE_EXAMPLE} (default: yours)")
    reminders = _command(
        commands, "reminders", run_reminders, "write calendar reminders (.ics) for check-ins, PEG-3 and function goals"
    )
    reminders.add_argument("-o", "--output", type=Path, help="file to write (default: threshold-reminders.ics)")
    reminders.add_argument("--morning", metavar="HH:MM", help="morning check-in time (default: from Settings)")
    reminders.add_argument("--peg", type=_weekly, metavar='"DAY HH:MM"', help='weekly PEG-3, e.g. "Mon 08:00"')
    reminders.add_argument("--psfs", metavar="HH:MM", help="function goals re-rating time (default: from Settings)")
    reminders.add_argument(
        "--zone", help=f"time zone, e.g. {ZONE_EXAMPLE} (default: from Settings, else this computer's)"
    )
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
    report.set_defaults(one_shot=True)  # run_report closes what it opened (terminal.outcome.run_process)
    settings = _command(commands, "settings", run_settings, "show your settings, or change unit, pain limit, regions")
    settings.add_argument("--unit", choices=UNITS, help="kg or lb")
    settings.add_argument("--pain-limit", type=int, help="acceptable pain during exercise, 1-10")
    settings.add_argument("--regions", type=_regions, help="e.g. lower_back,left_knee")
    suggest = _command(commands, "suggest", run_suggest, "print today's suggestions")
    suggest.add_argument("--today", type=_day, default=None, help="the day to suggest for (default: today)")
    return parser

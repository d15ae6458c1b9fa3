"""Run the chosen command and turn the errors a person can fix into one line on stderr and exit status 1.

The error types come from the services and the database layer, so they are imported only once a command runs:
`--help` and a mistyped argument never pay for SQLAlchemy, pandas or the services.
"""

from __future__ import annotations

import argparse
import atexit
import gc
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

USER_ERROR = 1
INTERRUPTED = 130
SHOWN_PROBLEMS = 20


def with_defaults(args: argparse.Namespace) -> argparse.Namespace:
    """Fill --db and --profile when they were not given (the parser leaves them None to stay light)."""
    from db.engine import default_url
    from services.context import LOCAL_SUBJECT

    if args.db is None:
        args.db = default_url()
    if args.profile is None:
        args.profile = LOCAL_SUBJECT
    return args


def print_problems(problems: Sequence[object], count: int) -> None:
    """List the first problems under an error line, and how many more there are."""
    for problem in problems[:SHOWN_PROBLEMS]:
        print(f"  {problem}", file=sys.stderr)
    if count > SHOWN_PROBLEMS:
        print(f"  ... and {count - SHOWN_PROBLEMS:,} more.", file=sys.stderr)


def run_command(args: argparse.Namespace) -> int:
    """Run args.run(args); user errors become one line on stderr and exit status 1."""
    from sqlalchemy.exc import DBAPIError

    from db.engine import storage_problem
    from terminal.common import CliError
    from tracker.errors import NotFoundError, ValidationError

    try:
        return int(args.run(with_defaults(args)))
    except ValidationError as error:
        print(f"error: {' '.join(error.errors.values())}", file=sys.stderr)
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
        return INTERRUPTED


def run_process(args: argparse.Namespace) -> NoReturn:
    """Run the command as the whole of this process (`python cli.py ...`), then exit with its status.

    A command whose parser sets `one_shot` does a bounded piece of work and ends, so its process goes without
    Python's cyclic garbage collector: scanning the many objects pandas, Altair, SQLAlchemy and fpdf2 make took
    about 0.3 s of a year's report and 0.9 s of ten years', for about 2 MB less at the peak. On success it also
    skips the interpreter's teardown (`leave`).
    """
    if getattr(args, "one_shot", False):
        gc.disable()
    leave(args, run_command(args))


def leave(args: argparse.Namespace, code: int) -> NoReturn:
    """Exit the process with `code`.

    After a `one_shot` command (it closed what it opened: files, database, other processes) that succeeded, the
    interpreter's teardown is skipped: freeing each module pandas, Altair, SQLAlchemy and fpdf2 loaded took
    0.3-0.4 s after the report was written, which the person waited for. What the program asked to run at exit
    still runs, and the output is flushed.
    """
    if code == 0 and getattr(args, "one_shot", False):
        atexit._run_exitfuncs()
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except OSError:
            sys.exit(code)  # e.g. a closed pipe: the usual exit says so
        os._exit(code)
    sys.exit(code)

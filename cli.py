"""Threshold from the terminal: export, import, back up, restore, report, settings and suggest, over the services.

Run `python cli.py --help`. Each subcommand takes --db (a database URL or a SQLite file path; the app's
own database by default). User errors print one line to stderr and exit with status 1.

The parser (terminal/parser.py) imports only the standard library and tracker/; each command loads the
services it needs when it runs, so `--help` and argument errors answer without loading pandas or SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Sequence

from terminal.outcome import USER_ERROR, run_command, run_process
from terminal.parser import build_parser

__all__ = ["USER_ERROR", "build_parser", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run one subcommand; user errors become one line on stderr and exit status 1."""
    return run_command(build_parser().parse_args(argv))


if __name__ == "__main__":
    run_process(build_parser().parse_args())

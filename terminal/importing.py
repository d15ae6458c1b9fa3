"""`cli.py import`: check a file, show what it would add, import it after confirmation; all or nothing."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from terminal.outcome import USER_ERROR, print_problems
from tracker.catalog import EQUIPMENT
from tracker.describe import counted

if TYPE_CHECKING:
    from services.context import Ctx
    from services.import_result import ImportResult


def run_import(args: argparse.Namespace) -> int:
    """Check a file, print what it would add, then import it after confirmation; all or nothing."""
    from services.context import ensure_profile
    from terminal.common import discard, missing_file, open_ctx

    new = missing_file(args.db)
    ctx = open_ctx(args.db, args.profile, create=True)
    written = False
    try:
        ensure_profile(ctx.db, args.profile)  # a database from an older release gains the catalogue's new exercises
        code = _check_and_import(args, ctx)
        written = code == 0
        return code
    finally:
        if new is not None and not written:
            discard(ctx, new)  # a refused import leaves no empty database behind


def _check_and_import(args: argparse.Namespace, ctx: Ctx) -> int:
    from services.transfer import import_file
    from terminal.common import changed, confirmed
    from terminal.preview import preview_lines

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
    changed(ctx)
    print(result.summary())
    for note in result.notes:
        print(note)
    if result.pain_note:
        print(result.pain_note)
    return 0


def _not_ready(args: argparse.Namespace, result: ImportResult) -> int:
    """Say what must be answered or fixed before the file can be imported."""
    from terminal.common import CliError

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
    print(f"error: {counted(count, 'problem')} in {args.file}; nothing was imported.", file=sys.stderr)
    print_problems(result.problems, count)
    return USER_ERROR

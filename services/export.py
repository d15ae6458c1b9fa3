"""Exporting the owner's data: every table (function, medication and sleep too) read in one transaction, as CSV."""

from __future__ import annotations

from datetime import datetime

from db.export_rows import STATEMENTS, named_exercises, table
from db.models import Profile
from formats.csv_export import Stored, export_files, written, zipped_while_written
from services.context import Ctx
from services.import_write import collector_paused
from tracker.catalog import Exercise as CatalogExercise


def export_tables(ctx: Ctx, *, demo: bool = False) -> dict[str, bytes]:
    """Every table of the owner's data as CSV bytes, keyed by file name (README.txt, saying demo if `demo`)."""
    with collector_paused():  # every row read is a new tuple; the export makes no cycles
        return export_files(_stored(ctx), datetime.now(), demo=demo)


def export_zip(ctx: Ctx, *, demo: bool = False) -> bytes:
    """All of the owner's data as a zip of tidy CSV files with README.txt as the data dictionary."""
    with collector_paused():  # every row read is a new tuple; the export makes no cycles
        return zipped_while_written(written(_stored(ctx), datetime.now(), demo=demo))


def _stored(ctx: Ctx) -> Stored:
    """Every table of the owner's data, read in one transaction."""
    owner = ctx.owner_id
    with ctx.db.read() as s:
        unit = s.get_one(Profile, owner).unit
        tables = {name: table(s, name, owner) for name in STATEMENTS}
        names = named_exercises(s, owner, tables["entries"][3])
    exercises = [CatalogExercise(*row) for row in zip(*tables.pop("own_exercises"), strict=True)]
    return Stored(unit=unit, exercises=exercises, done_exercises=names, **tables)

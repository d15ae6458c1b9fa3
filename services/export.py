"""Exporting the owner's data: every table read in one transaction, written as CSV files by formats/."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from db import queries
from db.models import Exercise, Profile
from formats.csv_export import Stored, export_files, zipped
from services.context import Ctx
from tracker.catalog import Exercise as CatalogExercise


def export_tables(ctx: Ctx, *, demo: bool = False) -> dict[str, bytes]:
    """Every table of the owner's data as CSV bytes, keyed by file name (README.txt, saying demo if `demo`)."""
    with ctx.db.read() as s:
        own = s.scalars(select(Exercise).where(Exercise.owner_id == ctx.owner_id, Exercise.builtin.is_(False)))
        stored = Stored(
            unit=s.get_one(Profile, ctx.owner_id).unit,
            sessions=queries.sessions(s, ctx.owner_id),
            entries=queries.entries(s, ctx.owner_id),
            sets=queries.sets(s, ctx.owner_id),
            pains=queries.pains(s, ctx.owner_id),
            checkins=queries.checkins(s, ctx.owner_id),
            pegs=queries.pegs(s, ctx.owner_id),
            pressures=queries.pressures(s, ctx.owner_id),
            exercises=[
                CatalogExercise(e.name, e.category, e.equipment, e.impact, e.one_sided, e.counterpart) for e in own
            ],
        )
    return export_files(stored, datetime.now(), demo=demo)


def export_zip(ctx: Ctx, *, demo: bool = False) -> bytes:
    """All of the owner's data as a zip of tidy CSV files with README.txt as the data dictionary."""
    return zipped(export_tables(ctx, demo=demo))

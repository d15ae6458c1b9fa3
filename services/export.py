"""Exporting the owner's data: every table (function, medication and sleep too) read in one transaction, as CSV."""

from __future__ import annotations

from datetime import datetime

from db import export_rows as rows
from db.models import Profile
from formats.csv_export import Stored, export_files, zipped
from services.context import Ctx
from tracker.catalog import Exercise as CatalogExercise


def export_tables(ctx: Ctx, *, demo: bool = False) -> dict[str, bytes]:
    """Every table of the owner's data as CSV bytes, keyed by file name (README.txt, saying demo if `demo`)."""
    owner = ctx.owner_id
    with ctx.db.read() as s:
        stored = Stored(
            unit=s.get_one(Profile, owner).unit,
            sessions=rows.sessions(s, owner),
            entries=rows.entries(s, owner),
            sets=rows.sets(s, owner),
            pains=rows.pains(s, owner),
            checkins=rows.checkins(s, owner),
            pegs=rows.pegs(s, owner),
            pressures=rows.pressures(s, owner),
            exercises=[CatalogExercise(*row) for row in rows.own_exercises(s, owner)],
            goals=rows.goals(s, owner),  # type: ignore[arg-type]
            psfs=rows.psfs(s, owner),  # type: ignore[arg-type]
            pgic=rows.pgic(s, owner),  # type: ignore[arg-type]
            medications=rows.medications(s, owner),  # type: ignore[arg-type]
            doses=rows.doses(s, owner),  # type: ignore[arg-type]
        )
    return export_files(stored, datetime.now(), demo=demo)


def export_zip(ctx: Ctx, *, demo: bool = False) -> bytes:
    """All of the owner's data as a zip of tidy CSV files with README.txt as the data dictionary."""
    return zipped(export_tables(ctx, demo=demo))

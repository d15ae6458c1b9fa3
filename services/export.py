"""Exporting the owner's data: every table (function, medication and sleep too) read in one transaction, as CSV."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from db import queries
from db.models import AsNeededDose as DoseRow
from db.models import Checkin, Exercise, FunctionGoal, Medication, PgicAnswer, Profile, PsfsRating
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
            checkins=_with_sleep(s, ctx, queries.checkins(s, ctx.owner_id)),
            pegs=queries.pegs(s, ctx.owner_id),
            pressures=queries.pressures(s, ctx.owner_id),
            exercises=[
                CatalogExercise(e.name, e.category, e.equipment, e.impact, e.one_sided, e.counterpart) for e in own
            ],
            **_health(s, ctx),
        )
    return export_files(stored, datetime.now(), demo=demo)


def _with_sleep(s: OrmSession, ctx: Ctx, checkins: pd.DataFrame) -> pd.DataFrame:
    """The check-ins with the night's sleep rating (0-10, empty when not given) beside each."""
    rows = s.execute(
        select(Checkin.day, Checkin.region, Checkin.sleep_quality).where(
            Checkin.owner_id == ctx.owner_id, Checkin.sleep_quality.is_not(None)
        )
    )
    sleep = {(pd.Timestamp(day), region): quality for day, region, quality in rows}
    keys = zip(checkins["day"], checkins["region"], strict=True)
    return checkins.assign(sleep_quality=[sleep.get((day, region)) for day, region in keys])


def _health(s: OrmSession, ctx: Ctx) -> dict[str, Any]:
    """Function goals with their ratings, PGIC answers and medication, as rows for formats.csv_export.Stored."""
    owner = ctx.owner_id
    goals = s.scalars(select(FunctionGoal).where(FunctionGoal.owner_id == owner).order_by(FunctionGoal.created_on,
                      FunctionGoal.position, FunctionGoal.id)).all()  # fmt: skip
    ratings = s.execute(
        select(PsfsRating.day, FunctionGoal.activity, FunctionGoal.created_on, PsfsRating.score)
        .join(FunctionGoal, FunctionGoal.id == PsfsRating.goal_id)
        .where(PsfsRating.owner_id == owner)
        .order_by(PsfsRating.day, FunctionGoal.position, FunctionGoal.id)
    )
    pgic = s.execute(
        select(PgicAnswer.day, PgicAnswer.score).where(PgicAnswer.owner_id == owner).order_by(PgicAnswer.day)
    )
    meds = s.scalars(
        select(Medication).where(Medication.owner_id == owner).order_by(Medication.start_day, Medication.id)
    )
    doses = s.scalars(select(DoseRow).where(DoseRow.owner_id == owner).order_by(DoseRow.taken_at, DoseRow.id))
    return {
        "goals": [(g.activity, g.created_on, g.retired_on) for g in goals],
        "psfs": [tuple(r) for r in ratings],
        "pgic": [tuple(r) for r in pgic],
        "medications": [(m.name, m.dose, m.unit, m.start_day, m.end_day) for m in meds],
        "doses": [(d.name, d.dose, d.unit, d.taken_at) for d in doses],
    }


def export_zip(ctx: Ctx, *, demo: bool = False) -> bytes:
    """All of the owner's data as a zip of tidy CSV files with README.txt as the data dictionary."""
    return zipped(export_tables(ctx, demo=demo))

"""The FHIR export for a clinic's system: one owner's ratings, check-ins, sessions, function and medication.

A share link's export passes the link's range and regions, so the doctor's Bundle holds no more than the report.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from db import queries
from db.models import AsNeededDose as DoseRow
from db.models import FunctionGoal, Medication, PgicAnswer, Profile, PsfsRating
from formats.fhir import to_bytes
from formats.fhir_input import (
    AsNeededDose,
    ClinicRecord,
    Context,
    ExerciseEntry,
    PainEntry,
    PegEntry,
    PgicEntry,
    PsfsEntry,
    RegularMedication,
    split_region,
)
from formats.reminders import zone_named
from services.context import Ctx
from services.profiles import reminders_of, zone_of
from tracker.errors import ValidationError

_AROUND_SESSION = (("before", Context.BEFORE), ("during", Context.DURING), ("after", Context.AFTER))


def clinic_bundle(
    ctx: Ctx,
    *,
    zone: str | None = None,
    start: date | None = None,
    end: date | None = None,
    regions: Sequence[str] | None = None,
    demo: bool = False,
) -> bytes:
    """The owner's data as FHIR R4 JSON; stored times are wall-clock time in `zone` (default: the person's own).

    With `start`/`end` only days in that range (inclusive) are included, with `regions` only pain in those regions,
    and regular medication only when it was taken during the range: what a share link grants. `demo` labels every
    resource as test data and names the person as made-up.
    """
    low = datetime.combine(start, time.min) if start is not None else None
    high = datetime.combine(end + timedelta(days=1), time.min) if end is not None else None
    with ctx.db.read() as s:
        profile = s.get_one(Profile, ctx.owner_id)
        name, tz = profile.display_name, _zone(zone or zone_of(reminders_of(profile)))
        pains = queries.pains(s, ctx.owner_id, low, high)
        mornings = _days(queries.checkins(s, ctx.owner_id, start), end)
        pegs = _days(queries.pegs(s, ctx.owner_id, start), end)
        entries = queries.entries(s, ctx.owner_id, low, high)
        psfs, pgic = _psfs(s, ctx, start, end), _pgic(s, ctx, start, end)
        regular, as_needed = _regular(s, ctx, start, end), _as_needed(s, ctx, low, high)
    if regions is not None:
        pains = pains[pains["region"].isin(list(regions))]
        mornings = mornings[mornings["region"].isin(list(regions))]
    return to_bytes(
        ClinicRecord(
            name=name,
            pains=(*_session_pains(pains), *_morning_pains(mornings)),
            pegs=tuple(
                PegEntry(r.day.date(), int(r.pain), int(r.enjoyment), int(r.activity)) for r in pegs.itertuples()
            ),
            exercises=tuple(
                ExerciseEntry(r.started_at.to_pydatetime(), str(r.exercise), _minutes(r.minutes))
                for r in entries.itertuples()
            ),
            psfs=psfs,
            pgic=pgic,
            regular=regular,
            as_needed=as_needed,
            demo=demo,
        ),
        tz,
    )


def _zone(name: str) -> ZoneInfo:
    try:
        return zone_named(name)
    except ValueError as error:
        raise ValidationError({"zone": str(error)}) from None


def _days(frame: pd.DataFrame, end: date | None) -> pd.DataFrame:
    """Rows of a frame with a `day` column up to `end` (the queries take only a first day)."""
    return frame if end is None else frame[frame["day"] <= pd.Timestamp(end)]


def _psfs(s: OrmSession, ctx: Ctx, start: date | None, end: date | None) -> tuple[PsfsEntry, ...]:
    """Every rating of every activity, retired ones too: the history is what the clinic needs."""
    stmt = (
        select(PsfsRating.day, FunctionGoal.activity, PsfsRating.score)
        .join(FunctionGoal, FunctionGoal.id == PsfsRating.goal_id)
        .where(PsfsRating.owner_id == ctx.owner_id, FunctionGoal.owner_id == ctx.owner_id)
        .order_by(PsfsRating.day, FunctionGoal.position, FunctionGoal.id)
    )
    if start is not None:
        stmt = stmt.where(PsfsRating.day >= start)
    if end is not None:
        stmt = stmt.where(PsfsRating.day <= end)
    return tuple(PsfsEntry(day, activity, score) for day, activity, score in s.execute(stmt))


def _pgic(s: OrmSession, ctx: Ctx, start: date | None, end: date | None) -> tuple[PgicEntry, ...]:
    stmt = select(PgicAnswer.day, PgicAnswer.score).where(PgicAnswer.owner_id == ctx.owner_id)
    if start is not None:
        stmt = stmt.where(PgicAnswer.day >= start)
    if end is not None:
        stmt = stmt.where(PgicAnswer.day <= end)
    return tuple(PgicEntry(day, score) for day, score in s.execute(stmt.order_by(PgicAnswer.day)))


def _regular(s: OrmSession, ctx: Ctx, start: date | None, end: date | None) -> tuple[RegularMedication, ...]:
    """Regular medication taken on at least one day of the range (started before its end, not ended before it)."""
    stmt = select(Medication).where(Medication.owner_id == ctx.owner_id)
    if end is not None:
        stmt = stmt.where(Medication.start_day <= end)
    if start is not None:
        stmt = stmt.where((Medication.end_day.is_(None)) | (Medication.end_day >= start))
    rows = s.scalars(stmt.order_by(Medication.start_day, Medication.name, Medication.id))
    return tuple(RegularMedication(m.name, m.dose, m.unit, m.start_day, m.end_day) for m in rows)


def _as_needed(s: OrmSession, ctx: Ctx, low: datetime | None, high: datetime | None) -> tuple[AsNeededDose, ...]:
    stmt = select(DoseRow).where(DoseRow.owner_id == ctx.owner_id)
    if low is not None:
        stmt = stmt.where(DoseRow.taken_at >= low)
    if high is not None:
        stmt = stmt.where(DoseRow.taken_at < high)
    rows = s.scalars(stmt.order_by(DoseRow.taken_at, DoseRow.id))
    return tuple(AsNeededDose(d.name, d.dose, d.unit, d.taken_at) for d in rows)


def _session_pains(frame: pd.DataFrame) -> list[PainEntry]:
    """One rating per stored number: before, at peak during and after, each at the session's start."""
    found = []
    for row in frame.itertuples():
        region, side = split_region(str(row.region))
        for column, context in _AROUND_SESSION:
            score = getattr(row, column)
            if not pd.isna(score):
                found.append(PainEntry(row.started_at.to_pydatetime(), int(score), region, side, context))
    return found


def _morning_pains(frame: pd.DataFrame) -> list[PainEntry]:
    return [
        PainEntry(row.day.date(), int(row.pain), *split_region(str(row.region)), Context.MORNING)
        for row in frame.itertuples()
    ]


def _minutes(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and not math.isnan(value) and value > 0 else None

"""The FHIR export for a clinic's system: one owner's ratings, check-ins and sessions as a Bundle."""

from __future__ import annotations

import math

import pandas as pd

from db import queries
from db.models import Profile
from formats.fhir import to_bytes
from formats.fhir_input import ClinicRecord, Context, ExerciseEntry, PainEntry, PegEntry, split_region
from formats.reminders import zone_named
from services.context import Ctx

_AROUND_SESSION = (("before", Context.BEFORE), ("during", Context.DURING), ("after", Context.AFTER))


def clinic_bundle(ctx: Ctx, *, zone: str = "UTC") -> bytes:
    """The owner's data as FHIR R4 JSON; stored times are taken as wall-clock time in `zone` (an IANA name)."""
    tz = zone_named(zone)
    with ctx.db.read() as s:
        name = s.get_one(Profile, ctx.owner_id).display_name
        pains = queries.pains(s, ctx.owner_id)
        mornings = queries.checkins(s, ctx.owner_id)
        pegs = queries.pegs(s, ctx.owner_id)
        entries = queries.entries(s, ctx.owner_id)
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
        ),
        tz,
    )


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

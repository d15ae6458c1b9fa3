"""Medication: add, end or change regular medication, log as-needed doses, list them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from db.engine import retry_busy
from db.models import AsNeededDose, Medication
from services.context import Ctx
from tracker import validation as v
from tracker.errors import NotFoundError, ValidationError
from tracker.medication import Dose, Regular, check_dose, check_end, check_regular

RECENT_DOSES = 50


@dataclass(frozen=True)
class MedicationList:
    """Regular medication (current first, then by first day) and the latest as-needed doses, with their ids."""

    regular: list[tuple[int, Regular]]
    doses: list[tuple[int, Dose]]

    @property
    def current(self) -> list[tuple[int, Regular]]:
        """Regular medication still being taken."""
        return [(i, r) for i, r in self.regular if r.end is None]


def _regular(row: Medication) -> Regular:
    return Regular(row.name, row.dose, row.unit, row.start_day, row.end_day)


def _owned(s: OrmSession, ctx: Ctx, medication_id: int) -> Medication:
    row = s.scalars(
        select(Medication).where(Medication.id == medication_id, Medication.owner_id == ctx.owner_id)
    ).one_or_none()
    if row is None:
        raise NotFoundError(f"Medication {medication_id} was not found.")
    return row


def _add(s: OrmSession, ctx: Ctx, r: Regular) -> None:
    s.add(Medication(owner_id=ctx.owner_id, name=r.name, dose=r.dose, unit=r.unit, start_day=r.start, end_day=r.end))


@retry_busy
def add_regular(ctx: Ctx, raw: Mapping[str, Any], *, today: date | None = None) -> Regular:
    """Store a regular medication (name, dose, unit, first day, optional last day)."""
    record = check_regular(raw, today=today or date.today())
    with ctx.db.write() as s:
        _add(s, ctx, record)
    return record


@retry_busy
def end_regular(ctx: Ctx, medication_id: int, end: object, *, today: date | None = None) -> Regular:
    """Set the last day a regular medication was taken."""
    with ctx.db.write() as s:
        row = _owned(s, ctx, medication_id)
        end_day = check_end(row.start_day, end, today=today or date.today())
        if end_day is None:
            raise ValidationError({"end": "Last day is missing: pick the last day you took it."})
        row.end_day = end_day
        return _regular(row)


@retry_busy
def change_dose(ctx: Ctx, medication_id: int, raw: Mapping[str, Any], *, today: date | None = None) -> Regular:
    """A new dose from a day on: the old one ends the day before and the new one starts that day."""
    today = today or date.today()
    with ctx.db.write() as s:
        row = _owned(s, ctx, medication_id)
        record = check_regular(
            {"name": row.name, "unit": row.unit, "dose": raw.get("dose"), "start": raw.get("start")}, today=today
        )
        errors = v.Errors()
        if record.start <= row.start_day:
            errors["start"] = f"New dose from {record.start} must be after the first day {row.start_day}."
        elif row.end_day is not None:
            errors["start"] = f"{row.name} already ended on {row.end_day}; add it again as a new medication."
        elif record.dose == row.dose:
            errors["dose"] = f"Dose is already {record.amount}; enter the new dose."
        if errors:
            raise ValidationError(errors)
        row.end_day = record.start - timedelta(days=1)
        _add(s, ctx, record)
    return record


@retry_busy
def log_dose(ctx: Ctx, raw: Mapping[str, Any], *, now: datetime | None = None) -> Dose:
    """Store one as-needed dose with the time it was taken."""
    record = check_dose(raw, now=now or datetime.now())
    with ctx.db.write() as s:
        s.add(
            AsNeededDose(
                owner_id=ctx.owner_id, name=record.name, dose=record.dose, unit=record.unit, taken_at=record.taken_at
            )
        )
    return record


def medication(ctx: Ctx, *, recent: int = RECENT_DOSES) -> MedicationList:
    """The owner's regular medication and their latest as-needed doses (newest first)."""
    with ctx.db.read() as s:
        rows = s.scalars(
            select(Medication)
            .where(Medication.owner_id == ctx.owner_id)
            .order_by(Medication.end_day.is_not(None), Medication.start_day.desc(), Medication.id)
        ).all()
        doses = s.scalars(
            select(AsNeededDose)
            .where(AsNeededDose.owner_id == ctx.owner_id)
            .order_by(AsNeededDose.taken_at.desc(), AsNeededDose.id.desc())
            .limit(recent)
        ).all()
    return MedicationList(
        [(r.id, _regular(r)) for r in rows], [(d.id, Dose(d.name, d.dose, d.unit, d.taken_at)) for d in doses]
    )


def doses_between(ctx: Ctx, start: date, end: date) -> list[Dose]:
    """Every as-needed dose taken from `start` to `end` (both days included), oldest first."""
    with ctx.db.read() as s:
        return doses_between_in(s, ctx.owner_id, start, end)


def doses_between_in(s: OrmSession, owner_id: int, start: date, end: date) -> list[Dose]:
    """doses_between read in the caller's transaction `s`."""
    rows = s.scalars(
        select(AsNeededDose)
        .where(AsNeededDose.owner_id == owner_id)
        .where(AsNeededDose.taken_at >= datetime.combine(start, datetime.min.time()))
        .where(AsNeededDose.taken_at < datetime.combine(end + timedelta(days=1), datetime.min.time()))
        .order_by(AsNeededDose.taken_at)
    ).all()
    return [Dose(d.name, d.dose, d.unit, d.taken_at) for d in rows]


def regular_in(s: OrmSession, owner_id: int) -> list[Regular]:
    """Every regular medication of the owner, by first day, read in the caller's transaction `s`."""
    rows = s.scalars(
        select(Medication).where(Medication.owner_id == owner_id).order_by(Medication.start_day, Medication.id)
    ).all()
    return [_regular(r) for r in rows]

"""Medication: add, end or change regular medication, log as-needed doses, list them, remove a mistake (and undo)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from db.engine import retry_busy
from db.models import AsNeededDose, Medication
from services.context import Ctx
from tracker import validation as v
from tracker.errors import NotFoundError, ValidationError
from tracker.medication import (
    Dose,
    Regular,
    check_dose,
    check_end,
    check_regular,
    dose_history,
    goes_on_text,
    taken_after,
)

RECENT_DOSES = 50
Row = TypeVar("Row", Medication, AsNeededDose)


@dataclass(frozen=True)
class MedicationList:
    """Regular medication (current first, then by first day) and the latest as-needed doses, with their ids."""

    regular: list[tuple[int, Regular]]
    doses: list[tuple[int, Dose]]

    @property
    def current(self) -> list[tuple[int, Regular]]:
        """Regular medication still being taken."""
        return [(i, r) for i, r in self.regular if r.end is None]

    def history(self, medication_id: int) -> list[Regular]:
        """The regular medication with this id at each of its doses (what remove_regular takes out), oldest first."""
        ids = [i for i, _ in self.regular]
        if medication_id not in ids:
            return []
        chain = dose_history([r for _, r in self.regular], ids.index(medication_id))
        return sorted((self.regular[k][1] for k in chain), key=lambda r: r.start)


@dataclass(frozen=True)
class Removed:
    """What remove_dose or remove_regular took out, with the ids it had, kept so that restore_removed can put it
    back exactly as it was, for the owner and in the database it was taken from (the demo's owner and the
    person's own may share an id)."""

    database: str
    owner_id: int
    regular: tuple[tuple[int, Regular], ...] = ()
    doses: tuple[tuple[int, Dose], ...] = ()

    def taken_from(self, ctx: Ctx) -> bool:
        """Whether this was removed from this owner's data in this database."""
        return (self.database, self.owner_id) == (ctx.db.url, ctx.owner_id)


def _regular(row: Medication) -> Regular:
    return Regular(row.name, row.dose, row.unit, row.start_day, row.end_day)


def _owned(s: OrmSession, ctx: Ctx, kind: type[Row], row_id: int, what: str) -> Row:
    row = s.scalars(select(kind).where(kind.id == row_id, kind.owner_id == ctx.owner_id)).one_or_none()
    if row is None:
        raise NotFoundError(f"That {what} is no longer in your list.")
    return row


def _add(s: OrmSession, ctx: Ctx, r: Regular, row_id: int | None = None) -> None:
    s.add(
        Medication(
            id=row_id, owner_id=ctx.owner_id, name=r.name, dose=r.dose, unit=r.unit, start_day=r.start, end_day=r.end
        )
    )


def _log(s: OrmSession, ctx: Ctx, d: Dose, row_id: int | None = None) -> None:
    s.add(AsNeededDose(id=row_id, owner_id=ctx.owner_id, name=d.name, dose=d.dose, unit=d.unit, taken_at=d.taken_at))


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
        row = _owned(s, ctx, Medication, medication_id, "medication")
        end_day = check_end(row.start_day, end, today=today or date.today())
        if end_day is None:
            raise ValidationError({"end": "Last day is missing: pick the last day you took it."})
        row.end_day = end_day
        return _regular(row)


@retry_busy
def resume_regular(ctx: Ctx, medication_id: int) -> Regular:
    """Take back the last day of a regular medication ("Stopped taking" clicked by mistake): it is current again.

    Refused for a dose that a dose change ended (the next dose carries on from it) and for a medication started
    again later: clearing its last day would have it taken twice over."""
    with ctx.db.write() as s:
        row = _owned(s, ctx, Medication, medication_id, "medication")
        this = _regular(row)
        if this.end is None:
            raise ValidationError({"form": f"{this.name} {this.amount} has no last day to take back."})
        others = s.scalars(select(Medication).where(Medication.owner_id == ctx.owner_id, Medication.id != row.id))
        if (first := taken_after([_regular(o) for o in others], this)) is not None:
            raise ValidationError(
                {"form": f"{goes_on_text(this, first)} If that was entered by mistake, remove it there."}
            )
        row.end_day = None
        return _regular(row)


@retry_busy
def change_dose(ctx: Ctx, medication_id: int, raw: Mapping[str, Any], *, today: date | None = None) -> Regular:
    """A new dose from a day on: the old one ends the day before and the new one starts that day."""
    today = today or date.today()
    with ctx.db.write() as s:
        row = _owned(s, ctx, Medication, medication_id, "medication")
        record = check_regular(
            {"name": row.name, "unit": row.unit, "dose": raw.get("dose"), "start": raw.get("start")}, today=today
        )
        errors = v.Errors()
        if record.start <= row.start_day:
            # The row is the current dose, which began on the medication's first day only if it never changed.
            errors["start"] = (
                f"New dose from {record.start:%Y-%m-%d} must be after {row.start_day:%Y-%m-%d}, "
                f"when the current dose ({_regular(row).amount}) began."
            )
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
        _log(s, ctx, record)
    return record


@retry_busy
def remove_dose(ctx: Ctx, dose_id: int) -> Removed:
    """Delete an as-needed dose logged by mistake; restore_removed puts it back."""
    with ctx.db.write() as s:
        row = _owned(s, ctx, AsNeededDose, dose_id, "dose")
        s.delete(row)
        return Removed(ctx.db.url, ctx.owner_id, doses=((row.id, Dose(row.name, row.dose, row.unit, row.taken_at)),))


@retry_busy
def remove_regular(ctx: Ctx, medication_id: int) -> Removed:
    """Delete a regular medication entered by mistake, with every dose it changed to or from; restore_removed
    puts it back. (A medication that was really taken and stopped keeps its record: end_regular sets its last day.)"""
    with ctx.db.write() as s:
        _owned(s, ctx, Medication, medication_id, "medication")
        rows = s.scalars(
            select(Medication).where(Medication.owner_id == ctx.owner_id).order_by(Medication.start_day, Medication.id)
        ).all()
        index = [r.id for r in rows].index(medication_id)
        gone = [rows[k] for k in dose_history([_regular(r) for r in rows], index)]
        for row in gone:
            s.delete(row)
        return Removed(ctx.db.url, ctx.owner_id, regular=tuple((r.id, _regular(r)) for r in gone))


@retry_busy
def restore_removed(ctx: Ctx, removed: Removed) -> Removed:
    """Put back what remove_dose or remove_regular took out (the undo), only ever where it was taken from.

    Each row gets its old id back when no row has taken it since (SQLite may hand out the highest id again), so
    an undo leaves lists and exports as they were before the removal, down to the order of rows of the same day.
    """
    if not removed.taken_from(ctx):
        raise NotFoundError("There is nothing of yours to put back.")
    with ctx.db.write() as s:
        for row_id, r in removed.regular:
            _add(s, ctx, r, None if s.get(Medication, row_id) else row_id)
        for row_id, d in removed.doses:
            _log(s, ctx, d, None if s.get(AsNeededDose, row_id) else row_id)
    return removed


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

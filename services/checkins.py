"""Next-morning check-ins, weekly PEG-3 and pressure pain thresholds."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select

from db.engine import retry_busy
from db.models import Checkin, ExerciseSession, PegCheckin, PressureThreshold, Profile
from services.context import Ctx
from tracker.describe import joined
from tracker.errors import ValidationError
from tracker.pain import REGIONS, peg_score
from tracker.records import CheckinRecord, check_checkin, check_peg, check_pressure
from tracker.sleep import check_sleep

PEG_INTERVAL_DAYS = 7


def _day_bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time.min)
    return start, start + timedelta(days=1)


def record_checkin(ctx: Ctx, raw: Mapping[str, Any], *, today: date | None = None) -> int | None:
    """Store pain on waking for one region; see record_morning."""
    record = check_checkin(raw, today=today or date.today())
    return record_morning(ctx, record.day, {record.region: record.pain}, today=today)


@retry_busy
def record_morning(
    ctx: Ctx, day: date | None, pains: Mapping[str, object], *, today: date | None = None, sleep: object = None
) -> int | None:
    """Store pain on waking for several regions at once (all or none), linked to the day before's session,
    with last night's sleep quality when given.

    Returns the linked session's id. A second check-in for the same day and region replaces the first.
    """
    records: list[CheckinRecord] = []
    errors: dict[str, str] = {}
    sleep_quality = None
    try:
        sleep_quality = check_sleep(sleep)
    except ValidationError as error:
        errors |= error.errors
    for region, pain in pains.items():
        try:
            records.append(check_checkin({"day": day, "region": region, "pain": pain}, today=today or date.today()))
        except ValidationError as error:
            errors |= {("day" if field == "day" else f"{field}.{region}"): msg for field, msg in error.errors.items()}
    if errors or not records:
        raise ValidationError(errors or {"pain": "Rate at least one body region."})
    start, end = _day_bounds(records[0].day - timedelta(days=1))
    with ctx.db.write() as s:
        session_id = s.scalars(
            select(ExerciseSession.id)
            .where(ExerciseSession.owner_id == ctx.owner_id, ExerciseSession.deleted_at.is_(None))
            .where(ExerciseSession.started_at >= start, ExerciseSession.started_at < end)
            .order_by(ExerciseSession.started_at.desc())
        ).first()
        for record in records:
            row = s.scalars(
                select(Checkin).where(
                    Checkin.owner_id == ctx.owner_id, Checkin.day == record.day, Checkin.region == record.region
                )
            ).one_or_none()
            if row is None:
                row = Checkin(owner_id=ctx.owner_id, day=record.day, region=record.region)
                s.add(row)
            row.pain = record.pain
            row.session_id = session_id
            if sleep_quality is not None:
                row.sleep_quality = sleep_quality
        return session_id


def morning_saved(ctx: Ctx, day: date) -> str:
    """What is already stored for the morning of `day`, as "Right knee 5/10; sleep 6/10", or "" when nothing is."""
    with ctx.db.read() as s:
        rows = s.execute(
            select(Checkin.region, Checkin.pain, Checkin.sleep_quality)
            .where(Checkin.owner_id == ctx.owner_id, Checkin.day == day)
            .order_by(Checkin.region)
        ).all()
    words = [f"{REGIONS.get(region, region)} {pain}/10" for region, pain, _ in rows]
    sleep = next((quality for _, _, quality in rows if quality is not None), None)
    return ", ".join(words) + ("" if sleep is None else f"; sleep {sleep}/10")


@retry_busy
def record_peg(ctx: Ctx, raw: Mapping[str, Any], *, today: date | None = None) -> float:
    """Store a weekly PEG-3 (one per day; a second one that day replaces it); returns its score."""
    record = check_peg(raw, today=today or date.today())
    with ctx.db.write() as s:
        row = s.scalars(
            select(PegCheckin).where(PegCheckin.owner_id == ctx.owner_id, PegCheckin.day == record.day)
        ).one_or_none()
        if row is None:
            row = PegCheckin(owner_id=ctx.owner_id, day=record.day)
            s.add(row)
        row.pain, row.enjoyment, row.activity = record.pain, record.enjoyment, record.activity
    return peg_score(record.pain, record.enjoyment, record.activity)


@retry_busy
def record_pressure(ctx: Ctx, raw: Mapping[str, Any], *, today: date | None = None) -> float:
    """Store a pressure pain threshold (3 trials); returns the mean that is kept for trends."""
    record = check_pressure(raw, today=today or date.today())
    with ctx.db.write() as s:
        t1, t2, t3 = record.trials
        s.add(
            PressureThreshold(
                owner_id=ctx.owner_id,
                day=record.day,
                site=record.site,
                trial1=t1,
                trial2=t2,
                trial3=t3,
                mean=record.mean,
            )
        )
    return record.mean


@dataclass(frozen=True)
class Due:
    """What is still to log today."""

    checkin_sessions: list[tuple[int, datetime]]
    """Yesterday's sessions with no check-in this morning."""
    missing_regions: list[str]
    peg_due: bool
    last_peg: date | None
    rated_regions: list[str] = field(default_factory=list)
    """Tracked regions already rated on waking today (the rest are in missing_regions, when a session waits)."""

    def still_to_rate(self) -> str | None:
        """When this morning is rated in some tracked regions but not all: which are rated and which wait."""
        if not (self.checkin_sessions and self.rated_regions):
            return None
        rated, missing = (
            joined([REGIONS[r].lower() for r in found]) for found in (self.rated_regions, self.missing_regions)
        )
        waits = "waits" if len(self.missing_regions) == 1 else "wait"
        return (
            f"This morning's pain is rated for the {rated}; the {missing} still {waits} for a rating on waking. "
            "Each region shows for itself how yesterday's session settled."
        )


def due_today(ctx: Ctx, *, today: date | None = None) -> Due:
    """Missing next-morning check-in for yesterday's sessions, and whether the weekly PEG is due.

    The morning is due until every tracked region is rated: the next-morning response is judged per region, so a
    knee rating says nothing about how the back settled. still_to_rate names what is left when part is done.
    """
    today = today or date.today()
    start, end = _day_bounds(today - timedelta(days=1))
    with ctx.db.read() as s:
        regions = s.get_one(Profile, ctx.owner_id).regions.split(",")
        rows = s.execute(
            select(ExerciseSession.id, ExerciseSession.started_at)
            .where(ExerciseSession.owner_id == ctx.owner_id, ExerciseSession.deleted_at.is_(None))
            .where(ExerciseSession.started_at >= start, ExerciseSession.started_at < end)
            .order_by(ExerciseSession.started_at)
        )
        sessions = [(session_id, started) for session_id, started in rows]
        done = set(s.scalars(select(Checkin.region).where(Checkin.owner_id == ctx.owner_id, Checkin.day == today)))
        last_peg = s.scalar(select(func.max(PegCheckin.day)).where(PegCheckin.owner_id == ctx.owner_id))
    missing = [r for r in regions if r and r not in done]
    peg_due = last_peg is None or (today - last_peg).days >= PEG_INTERVAL_DAYS
    rated = [r for r in regions if r and r in done]
    return Due(sessions if missing else [], missing if sessions else [], peg_due, last_peg, rated)

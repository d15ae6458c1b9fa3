"""Writing a made-up history for one owner: the demo database and the benchmarks' large databases."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session as OrmSession

from db.engine import retry_busy
from db.models import Checkin, Entry, Exercise, PainRating, PegCheckin, PressureThreshold, Profile, Session, WorkSet
from services.context import Ctx
from tracker.pain import DEFAULT_REGIONS
from tracker.synthetic import DemoHistory, demo_history

# The demo person tracks their lower back and a knee, so region filters have something to show.
DEMO_REGIONS: tuple[str, ...] = ("lower_back", "right_knee")


def _ids(s: OrmSession, model: Any, rows: list[dict[str, Any]], key: tuple[str, ...]) -> list[int]:
    """Insert many rows in batches and return their new ids in the rows' order.

    The database may hand back RETURNING rows in any order, so they are matched on `key`, which is unique
    among the rows (asking for the order instead makes SQLAlchemy insert one row at a time).
    """
    if not rows:
        return []
    table = model.__table__
    statement = insert(table).returning(table.c.id, *(table.c[k] for k in key))
    found = {tuple(row[1:]): row[0] for row in s.execute(statement, rows)}
    if len(found) != len(rows):
        raise AssertionError(f"{table.name}: {key} is not unique among the generated rows")
    return [found[tuple(r[k] for k in key)] for r in rows]


def _insert(s: OrmSession, model: Any, rows: list[dict[str, Any]]) -> None:
    if rows:
        s.execute(insert(model.__table__), rows)


def _exercise_ids(s: OrmSession, owner_id: int, history: DemoHistory) -> dict[str, int]:
    rows = s.execute(select(Exercise.name, Exercise.id).where(Exercise.owner_id == owner_id))
    ids = {name: exercise_id for name, exercise_id in rows}
    missing = sorted({e.exercise for d in history.sessions for e in d.record.entries} - set(ids))
    if missing:
        raise ValueError(f"The demo needs these exercises in the list: {', '.join(missing)}.")
    return ids


def _write(s: OrmSession, owner_id: int, history: DemoHistory) -> int:
    """Bulk-insert the whole history in the caller's transaction; returns the number of sessions."""
    exercise_ids = _exercise_ids(s, owner_id, history)
    records = [d.record for d in history.sessions]
    session_ids = _ids(
        s,
        Session,
        [{"owner_id": owner_id, "started_at": r.started_at, "notes": r.notes, "rpe": r.rpe} for r in records],
        ("started_at",),
    )
    entry_rows, entry_sets, pain_rows = [], [], []
    for session_id, record in zip(session_ids, records, strict=True):
        for position, e in enumerate(record.entries):
            entry_rows.append(
                {
                    "session_id": session_id,
                    "exercise_id": exercise_ids[e.exercise],
                    "position": position,
                    "minutes": e.minutes,
                    "distance_km": e.distance_km,
                    "intensity": e.intensity,
                }
            )
            entry_sets.append(e.sets)
        pain_rows += [
            {"session_id": session_id, "region": p.region, "before": p.before, "during": p.during, "after": p.after}
            for p in record.pains
        ]
    entry_ids = _ids(s, Entry, entry_rows, ("session_id", "position"))
    set_rows = [
        {"entry_id": entry_id, "position": j, "weight_kg": one.weight_kg, "reps": one.reps}
        for entry_id, sets in zip(entry_ids, entry_sets, strict=True)
        for j, one in enumerate(sets)
    ]
    _insert(s, WorkSet, set_rows)
    _insert(s, PainRating, pain_rows)
    _write_checkins(s, owner_id, history, session_ids)
    return len(session_ids)


def _write_checkins(s: OrmSession, owner_id: int, history: DemoHistory, session_ids: Sequence[int]) -> None:
    """Morning check-ins (linked to their session), weekly PEG-3 and pressure thresholds.

    Days the owner already has a check-in or PEG for are left alone (one per day and region).
    """
    rows = s.execute(select(Checkin.day, Checkin.region).where(Checkin.owner_id == owner_id))
    taken = {(day, region) for day, region in rows}
    peg_days = set(s.scalars(select(PegCheckin.day).where(PegCheckin.owner_id == owner_id)))
    checkins = [
        {"owner_id": owner_id, "session_id": sid, "day": c.day, "region": c.region, "pain": c.pain}
        for sid, d in zip(session_ids, history.sessions, strict=True)
        for c in d.morning
        if (c.day, c.region) not in taken
    ]
    pegs = [
        {"owner_id": owner_id, "day": p.day, "pain": p.pain, "enjoyment": p.enjoyment, "activity": p.activity}
        for p in history.pegs
        if p.day not in peg_days
    ]
    pressures = [
        {
            "owner_id": owner_id,
            "day": p.day,
            "site": p.site,
            "trial1": p.trials[0],
            "trial2": p.trials[1],
            "trial3": p.trials[2],
            "mean": p.mean,
        }
        for p in history.pressures
    ]
    _insert(s, Checkin, checkins)
    _insert(s, PegCheckin, pegs)
    _insert(s, PressureThreshold, pressures)


def _history(profile: Profile, years: float, seed: int, today: date | None, regions: Sequence[str]) -> DemoHistory:
    return demo_history(
        years=years, seed=seed, today=today or date.today(), regions=regions, pain_limit=profile.pain_limit
    )


@retry_busy
def fill_demo(ctx: Ctx, *, years: float, seed: int = 1, today: date | None = None) -> int:
    """Add about `years` of made-up history for ctx's owner (their tracked regions); returns sessions written."""
    with ctx.db.write() as s:
        profile = s.get_one(Profile, ctx.owner_id)
        regions = [r for r in profile.regions.split(",") if r] or list(DEFAULT_REGIONS)
        return _write(s, ctx.owner_id, _history(profile, years, seed, today, regions))


@retry_busy
def fill_demo_once(
    ctx: Ctx, *, years: float, seed: int = 1, today: date | None = None, regions: Sequence[str] = DEMO_REGIONS
) -> int:
    """Fill an owner who has no sessions yet (tracking `regions`); returns sessions written, 0 if already filled.

    The check and the write share one locked transaction, so two first clicks cannot fill twice.
    """
    with ctx.db.write() as s:
        profile = s.get_one(Profile, ctx.owner_id, with_for_update=True)
        if s.scalar(select(Session.id).where(Session.owner_id == ctx.owner_id).limit(1)) is not None:
            return 0
        profile.regions = ",".join(regions)
        return _write(s, ctx.owner_id, _history(profile, years, seed, today, regions))

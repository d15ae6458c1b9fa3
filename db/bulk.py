"""Many rows at once: insert statements with parameter lists, for imports of whole histories."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date, datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import Session as OrmSession

from db.models import Checkin, Entry, Exercise, PainRating, PegCheckin, PressureThreshold, Session, WorkSet
from tracker.records import CheckinRecord, ExerciseRecord, PegRecord, PressureRecord, SessionRecord

SessionKey = tuple[datetime, tuple[str, ...]]
# Sessions per insert batch: big enough to keep round trips few, small enough for a smooth progress bar.
BATCH = 2000


def session_key(record: SessionRecord) -> SessionKey:
    """What makes two sessions the same one: start time and the exercises in order."""
    return record.started_at, tuple(e.exercise for e in record.entries)


def session_keys(s: OrmSession, owner_id: int) -> Counter[SessionKey]:
    """How many sessions the owner has under each key (the bin included, so an import does not revive them)."""
    rows = s.execute(
        select(Session.id, Session.started_at, Exercise.name)
        .join(Entry, Entry.session_id == Session.id)
        .join(Exercise, Entry.exercise_id == Exercise.id)
        .where(Session.owner_id == owner_id)
        .order_by(Session.id, Entry.position)
    )
    names: dict[int, tuple[datetime, list[str]]] = {}
    for session_id, started, name in rows:
        names.setdefault(session_id, (started, []))[1].append(name)
    return Counter((started, tuple(found)) for started, found in names.values())


def live_starts(s: OrmSession, owner_id: int) -> dict[datetime, int]:
    """Start time -> session id for the owner's sessions that are not in the bin."""
    rows = s.execute(
        select(Session.started_at, Session.id).where(Session.owner_id == owner_id, Session.deleted_at.is_(None))
    )
    return {started: session_id for started, session_id in rows}


def add_exercises(s: OrmSession, owner_id: int, records: Sequence[ExerciseRecord]) -> None:
    """Add the owner's own exercises."""
    s.add_all(
        Exercise(
            owner_id=owner_id,
            name=r.name,
            category=r.category,
            equipment=r.equipment,
            impact=r.impact,
            one_sided=r.one_sided,
            counterpart=r.counterpart,
            builtin=False,
        )
        for r in records
    )
    s.flush()


def exercise_ids(s: OrmSession, owner_id: int) -> dict[str, int]:
    """Exercise name -> id for the owner."""
    rows = s.execute(select(Exercise.name, Exercise.id).where(Exercise.owner_id == owner_id))
    return {name: exercise_id for name, exercise_id in rows}


def add_sessions(
    s: OrmSession,
    owner_id: int,
    records: Sequence[SessionRecord],
    ids: dict[str, int],
    done: Callable[[int], None] = lambda _n: None,
) -> dict[datetime, int]:
    """Insert sessions with their entries, sets and pain ratings; returns start time -> new session id."""
    started: dict[datetime, int] = {}
    for first in range(0, len(records), BATCH):
        batch = records[first : first + BATCH]
        session_ids = s.scalars(
            insert(Session).returning(Session.id, sort_by_parameter_order=True),
            [{"owner_id": owner_id, "started_at": r.started_at, "notes": r.notes, "rpe": r.rpe} for r in batch],
        ).all()
        entry_rows: list[dict[str, object]] = []
        pain_rows: list[dict[str, object]] = []
        for session_id, record in zip(session_ids, batch, strict=True):
            started.setdefault(record.started_at, session_id)
            entry_rows.extend(
                {
                    "session_id": session_id,
                    "exercise_id": ids[e.exercise],
                    "position": i,
                    "minutes": e.minutes,
                    "distance_km": e.distance_km,
                    "intensity": e.intensity,
                }
                for i, e in enumerate(record.entries)
            )
            pain_rows.extend(
                {"session_id": session_id, "region": p.region, "before": p.before, "during": p.during, "after": p.after}
                for p in record.pains
            )
        entry_ids = s.scalars(insert(Entry).returning(Entry.id, sort_by_parameter_order=True), entry_rows).all()
        entries = (e for record in batch for e in record.entries)
        set_rows = [
            {"entry_id": entry_id, "position": j, "weight_kg": w.weight_kg, "reps": w.reps}
            for entry_id, entry in zip(entry_ids, entries, strict=True)
            for j, w in enumerate(entry.sets)
        ]
        if set_rows:
            s.execute(insert(WorkSet), set_rows)
        if pain_rows:
            s.execute(insert(PainRating), pain_rows)
        done(len(batch))
    return started


def add_checkins(s: OrmSession, owner_id: int, rows: Sequence[tuple[CheckinRecord, int | None]]) -> None:
    """Insert next-morning check-ins with the session each follows."""
    if rows:
        s.execute(
            insert(Checkin),
            [
                {"owner_id": owner_id, "day": r.day, "region": r.region, "pain": r.pain, "session_id": i}
                for r, i in rows
            ],
        )


def add_pegs(s: OrmSession, owner_id: int, records: Sequence[PegRecord]) -> None:
    """Insert weekly PEG-3 check-ins."""
    if records:
        s.execute(
            insert(PegCheckin),
            [
                {"owner_id": owner_id, "day": r.day, "pain": r.pain, "enjoyment": r.enjoyment, "activity": r.activity}
                for r in records
            ],
        )


def add_pressures(s: OrmSession, owner_id: int, records: Sequence[PressureRecord]) -> None:
    """Insert pressure pain thresholds."""
    if records:
        s.execute(
            insert(PressureThreshold),
            [
                {
                    "owner_id": owner_id,
                    "day": r.day,
                    "site": r.site,
                    "trial1": r.trials[0],
                    "trial2": r.trials[1],
                    "trial3": r.trials[2],
                    "mean": r.mean,
                }
                for r in records
            ],
        )


def checkin_days(s: OrmSession, owner_id: int) -> set[tuple[date, str]]:
    """(day, region) of the owner's check-ins."""
    rows = s.execute(select(Checkin.day, Checkin.region).where(Checkin.owner_id == owner_id))
    return {(day, region) for day, region in rows}


def peg_days(s: OrmSession, owner_id: int) -> set[date]:
    """Days with a PEG-3 check-in."""
    return set(s.scalars(select(PegCheckin.day).where(PegCheckin.owner_id == owner_id)))


def pressure_keys(s: OrmSession, owner_id: int) -> Counter[tuple[date, str, float, float, float]]:
    """How many pressure thresholds the owner has per day, site and trials."""
    rows = s.execute(
        select(
            PressureThreshold.day,
            PressureThreshold.site,
            PressureThreshold.trial1,
            PressureThreshold.trial2,
            PressureThreshold.trial3,
        ).where(PressureThreshold.owner_id == owner_id)
    )
    return Counter((day, site, t1, t2, t3) for day, site, t1, t2, t3 in rows)

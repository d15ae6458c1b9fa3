"""Many rows at once: insert statements with parameter lists, for imports and demo histories."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date, datetime
from itertools import chain

from sqlalchemy import Float, Table, func, insert, select, text
from sqlalchemy.orm import Session as OrmSession

from db.models import Checkin, Entry, Exercise, ExerciseSession, PainRating, PegCheckin, PressureThreshold, WorkSet
from tracker.records import CheckinRecord, ExerciseRecord, PegRecord, PressureRecord, SessionRecord

SessionKey = tuple[datetime, tuple[str, ...]]
# Sessions per insert batch: big enough to keep round trips few, small enough for a smooth progress bar.
BATCH = 2000
# Rows in one SQLite INSERT ... VALUES (...), (...): stepping one statement for many rows takes about half the
# time of one per row. 100 rows of the widest table (7 columns) stay under SQLite's oldest limit of 999 values.
ROWS_PER_INSERT = 100


def session_key(record: SessionRecord) -> SessionKey:
    """What makes two sessions the same one: start time and the exercises in order."""
    return record.started_at, tuple(e.exercise for e in record.entries)


def session_keys(s: OrmSession, owner_id: int) -> Counter[SessionKey]:
    """How many sessions the owner has under each key (the bin included, so an import does not revive them)."""
    rows = s.execute(
        select(ExerciseSession.id, ExerciseSession.started_at, Exercise.name)
        .join(Entry, Entry.session_id == ExerciseSession.id)
        .join(Exercise, Entry.exercise_id == Exercise.id)
        .where(ExerciseSession.owner_id == owner_id)
        .order_by(ExerciseSession.id, Entry.position)
    )
    names: dict[int, tuple[datetime, list[str]]] = {}
    for session_id, started, name in rows:
        names.setdefault(session_id, (started, []))[1].append(name)
    return Counter((started, tuple(found)) for started, found in names.values())


def live_starts(s: OrmSession, owner_id: int) -> dict[datetime, int]:
    """Start time -> session id for the owner's sessions that are not in the bin."""
    rows = s.execute(
        select(ExerciseSession.started_at, ExerciseSession.id).where(
            ExerciseSession.owner_id == owner_id, ExerciseSession.deleted_at.is_(None)
        )
    )
    return {started: session_id for started, session_id in rows}


def add_exercises(s: OrmSession, owner_id: int, records: Sequence[ExerciseRecord]) -> None:
    """Add the owner's own exercises."""
    s.add_all(Exercise.describing(owner_id, r, builtin=False) for r in records)
    s.flush()


def exercise_ids(s: OrmSession, owner_id: int) -> dict[str, int]:
    """Exercise name -> id for the owner."""
    rows = s.execute(select(Exercise.name, Exercise.id).where(Exercise.owner_id == owner_id))
    return {name: exercise_id for name, exercise_id in rows}


def reserve_ids(s: OrmSession, table: Table, count: int) -> list[int]:
    """`count` new primary keys for `table`, taken before inserting so child rows can point at them.

    PostgreSQL hands them out from the table's sequence (safe beside other writers); SQLite continues
    after the largest id, which is safe because a write transaction there holds the database's write lock.
    """
    if count == 0:
        return []
    conn = s.connection()
    if conn.dialect.name == "postgresql":
        sequence = conn.execute(text("select pg_get_serial_sequence(:t, 'id')"), {"t": table.name}).scalar_one()
        found = conn.execute(text("select nextval(:s) from generate_series(1, :n)"), {"s": sequence, "n": count})
        return [int(i) for i in found.scalars()]
    last = conn.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one()
    return list(range(int(last) + 1, int(last) + 1 + count))


def insert_rows(s: OrmSession, table: Table, columns: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """Insert rows of values (in `columns` order) inside the open transaction.

    On SQLite the rows go straight to the driver with each column's own bind conversion (datetimes to text)
    applied once per column kind: SQLAlchemy's per-row parameter handling costs as much as the insert itself.
    They go ROWS_PER_INSERT to a statement. PostgreSQL keeps Core's insert, which batches the rows into
    multi-row VALUES statements itself.
    """
    if not rows:
        return
    conn = s.connection()
    dialect = conn.dialect
    if dialect.name != "sqlite":
        conn.execute(insert(table), [dict(zip(columns, row, strict=True)) for row in rows])
        return
    # The dialect's own type gives the converter (a generic DateTime has none, and the driver's default would
    # write '2026-11-02 00:00:00', which sorts before the ORM's '2026-11-02 00:00:00.000000' in range reads).
    # Float's converter is skipped: a REAL column stores an int as a real anyway, and the rows hold numbers.
    convert = [
        (i, p)
        for i, c in enumerate(columns)
        if not isinstance(table.c[c].type, Float)
        and (p := table.c[c].type.dialect_impl(dialect).bind_processor(dialect)) is not None
    ]
    if convert:
        prepared = [list(row) for row in rows]
        for i, process in convert:
            for row in prepared:
                if row[i] is not None:
                    row[i] = process(row[i])
        rows = prepared
    quote = dialect.identifier_preparer.quote
    head = f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in columns)}) VALUES "
    one = f"({', '.join('?' for _ in columns)})"
    values = list(chain.from_iterable(rows))
    width, full = len(columns) * ROWS_PER_INSERT, len(rows) - len(rows) % ROWS_PER_INSERT
    if full:
        sql = head + ", ".join([one] * ROWS_PER_INSERT)
        conn.exec_driver_sql(sql, [tuple(values[i : i + width]) for i in range(0, full * len(columns), width)])
    if full < len(rows):
        conn.exec_driver_sql(head + ", ".join([one] * (len(rows) - full)), tuple(values[full * len(columns) :]))


SESSION_COLUMNS = ("id", "owner_id", "started_at", "notes", "rpe", "deleted_at")
ENTRY_COLUMNS = ("id", "session_id", "exercise_id", "position", "minutes", "distance_km", "intensity")
SET_COLUMNS = ("entry_id", "position", "weight_kg", "reps")
PAIN_COLUMNS = ("session_id", "region", "before", "during", "after")


def add_sessions(
    s: OrmSession,
    owner_id: int,
    records: Sequence[SessionRecord],
    ids: dict[str, int],
    done: Callable[[int], None] = lambda _n: None,
) -> list[int]:
    """Insert sessions with their entries, sets and pain ratings; returns the new session ids in order."""
    added: list[int] = []
    sessions, entries_table = ExerciseSession.__table__, Entry.__table__
    for first in range(0, len(records), BATCH):
        batch = records[first : first + BATCH]
        session_ids = reserve_ids(s, sessions, len(batch))  # type: ignore[arg-type]
        entry_ids = iter(reserve_ids(s, entries_table, sum(len(r.entries) for r in batch)))  # type: ignore[arg-type]
        session_rows: list[tuple[object, ...]] = []
        entry_rows: list[tuple[object, ...]] = []
        set_rows: list[tuple[object, ...]] = []
        pain_rows: list[tuple[object, ...]] = []
        added.extend(session_ids)
        for session_id, record in zip(session_ids, batch, strict=True):
            session_rows.append((session_id, owner_id, record.started_at, record.notes, record.rpe, None))
            for i, e in enumerate(record.entries):
                entry_id = next(entry_ids)
                entry_rows.append((entry_id, session_id, ids[e.exercise], i, e.minutes, e.distance_km, e.intensity))
                set_rows += [(entry_id, j, w.weight_kg, w.reps) for j, w in enumerate(e.sets)]
            pain_rows += [(session_id, p.region, p.before, p.during, p.after) for p in record.pains]
        for table, columns, rows in (
            (sessions, SESSION_COLUMNS, session_rows),
            (entries_table, ENTRY_COLUMNS, entry_rows),
            (WorkSet.__table__, SET_COLUMNS, set_rows),
            (PainRating.__table__, PAIN_COLUMNS, pain_rows),
        ):
            insert_rows(s, table, columns, rows)  # type: ignore[arg-type]
        done(len(batch))
    return added


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

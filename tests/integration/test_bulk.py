"""The one bulk-write path that imports and the demo history share."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from db import bulk
from db.models import ExerciseSession
from services.history import history
from tracker.records import EntryRecord, PainRecord, SessionRecord, SetRecord


def _record(when: datetime, notes: str) -> SessionRecord:
    entry = EntryRecord("Leg press", "strength", sets=(SetRecord(40.0, 10),))
    return SessionRecord(when, notes, None, (entry,), (PainRecord("lower_back", None, None, 2),))


def test_add_sessions_returns_each_new_id_in_the_records_order_even_for_equal_start_times(ctx):
    records = [
        _record(datetime(2026, 11, 2, 9), "second day"),
        _record(datetime(2026, 11, 1, 9), "first, morning"),
        _record(datetime(2026, 11, 1, 9), "first, again"),
    ]
    with ctx.db.write() as s:
        ids = bulk.add_sessions(s, ctx.owner_id, records, bulk.exercise_ids(s, ctx.owner_id))
    with ctx.db.read() as s:
        notes = dict(
            s.execute(
                select(ExerciseSession.id, ExerciseSession.notes).where(ExerciseSession.owner_id == ctx.owner_id)
            ).all()
        )
    assert [notes[i] for i in ids] == ["second day", "first, morning", "first, again"]


def test_a_session_written_in_bulk_at_midnight_falls_on_its_own_day_like_one_logged_by_the_form(ctx):
    with ctx.db.write() as s:
        bulk.add_sessions(
            s, ctx.owner_id, [_record(datetime(2026, 11, 2), "midnight")], bulk.exercise_ids(s, ctx.owner_id)
        )
    on_the_day = history(ctx, start=datetime(2026, 11, 2), end=datetime(2026, 11, 3))
    day_before = history(ctx, start=datetime(2026, 11, 1), end=datetime(2026, 11, 2))
    assert list(on_the_day["notes"]) == ["midnight"]
    assert day_before.empty

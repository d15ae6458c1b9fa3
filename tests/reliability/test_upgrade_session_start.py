"""Revision 0007: session starts stored without microseconds by earlier imports fall on their own day again."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import func, select, text

from db.engine import Database, migrate
from db.models import ExerciseSession
from db.progress_sql import Scope
from tests.fixtures.make_fixtures import build_at

MIDNIGHT = "2026-11-02 00:00:00"


def _on_day(database: Database, owner_id: int, day: date) -> int:
    with database.read() as s:
        live = Scope(owner_id, day, day, ()).live()
        return int(s.scalar(select(func.count()).select_from(ExerciseSession).where(*live)) or 0)


def test_a_session_imported_at_midnight_counts_on_its_own_day_after_the_upgrade(tmp_path: Path) -> None:
    database = Database(f"sqlite:///{tmp_path / 'old.db'}")
    try:
        build_at(database.engine, "0006")
        with database.engine.begin() as conn:
            owner = conn.execute(text("select id from profiles order by id limit 1")).scalar_one()
            # As the bulk import wrote it before: the driver's short form, no microseconds.
            conn.execute(
                text("insert into sessions (owner_id, started_at, notes) values (:o, :at, '')"),
                {"o": owner, "at": MIDNIGHT},
            )
        assert _on_day(database, owner, date(2026, 11, 2)) == 0  # the day before got it
        migrate(database.engine)
        assert _on_day(database, owner, date(2026, 11, 2)) == 1
        assert _on_day(database, owner, date(2026, 11, 1)) == 0
        with database.engine.connect() as conn:
            short = conn.execute(text("select count(*) from sessions where length(started_at) = 19")).scalar_one()
        assert short == 0
    finally:
        database.dispose()

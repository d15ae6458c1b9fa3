"""Revision 0006 (function goals, PGIC, medication, sleep) upgrades a database that already holds data."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from alembic import command
from sqlalchemy import inspect, text

from db.engine import Database, alembic_config, migrate
from services.checkins import record_morning
from services.context import ensure_profile
from services.function_goals import add_goal, function_goals, rate_goals
from services.medication import add_regular, medication
from services.sleep import sleep_nights
from tests.fixtures.make_fixtures import database_at

NEW_TABLES = {"function_goals", "psfs_ratings", "pgic_answers", "medications", "as_needed_doses"}


@pytest.fixture
def at_0005(db_url: str) -> Iterator[Database]:
    """A database at revision 0005 holding the fixture history (sessions, check-ins, PEG-3, a share link)."""
    with database_at(db_url, "0005") as database:
        yield database


def _counts(database: Database, tables: set[str]) -> dict[str, int]:
    with database.engine.connect() as conn:
        return {t: conn.execute(text(f"select count(*) from {t}")).scalar_one() for t in sorted(tables)}


def test_upgrade_adds_psfs_pgic_medication_tables_and_an_empty_sleep_rating(at_0005: Database) -> None:
    old_tables = set(inspect(at_0005.engine).get_table_names()) - {"alembic_version"}
    before = _counts(at_0005, old_tables)
    migrate(at_0005.engine, "0006")
    after_tables = set(inspect(at_0005.engine).get_table_names()) - {"alembic_version"}
    assert after_tables == old_tables | NEW_TABLES
    assert _counts(at_0005, old_tables) == before
    assert _counts(at_0005, NEW_TABLES) == dict.fromkeys(sorted(NEW_TABLES), 0)
    with at_0005.engine.connect() as conn:
        sleep = conn.execute(text("select sleep_quality from checkins")).scalars().all()
    assert sleep == [None] * before["checkins"] and sleep


def test_downgrade_from_0006_gives_back_the_0005_schema_with_the_rows(at_0005: Database) -> None:
    before = _counts(at_0005, {"checkins", "sessions", "profiles"})
    migrate(at_0005.engine)
    command.downgrade(alembic_config(at_0005.engine), "0005")
    assert not NEW_TABLES & set(inspect(at_0005.engine).get_table_names())
    assert "sleep_quality" not in {c["name"] for c in inspect(at_0005.engine).get_columns("checkins")}
    assert _counts(at_0005, {"checkins", "sessions", "profiles"}) == before


def test_upgraded_database_takes_psfs_medication_and_sleep_writes(at_0005: Database) -> None:
    migrate(at_0005.engine)
    ctx = ensure_profile(at_0005)
    today = date(2026, 1, 14)
    add_goal(ctx, {"activity": "Climb two flights of stairs"}, today=today)
    goal = function_goals(ctx, today=today).active[0]
    rate_goals(ctx, today, {goal.id: 4}, today=today)
    add_regular(ctx, {"name": "Naproxen", "dose": 250, "unit": "mg", "start": today}, today=today)
    # The fixture's check-in of 12 January gains a sleep rating without losing its pain.
    record_morning(ctx, date(2026, 1, 12), {"left_knee": 6}, today=today, sleep=5)
    assert function_goals(ctx, today=today).rounds[0].average == 4.0
    assert [r.amount for _, r in medication(ctx).regular] == ["250 mg"]
    assert sleep_nights(ctx, date(2026, 1, 1), today) == {date(2026, 1, 12): 5}

"""Revision 0008 (derived Progress data and its triggers) upgrades a database that already holds data, and back."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest
from alembic import command
from sqlalchemy import inspect, text

from db.engine import Database, alembic_config, migrate
from services.context import bump_data_version, ensure_profile
from services.derived import derived_in
from services.progress import progress_headline
from services.sessions import log_session
from tests.factories import strength_session
from tests.fixtures.make_fixtures import database_at

KEPT = {"sessions", "entries", "sets", "pain_ratings", "checkins", "profiles"}


@pytest.fixture
def at_0007(db_url: str) -> Iterator[Database]:
    """A database at revision 0007 holding the fixture history."""
    with database_at(db_url, "0007") as database:
        yield database


def _counts(database: Database) -> dict[str, int]:
    with database.engine.connect() as conn:
        return {t: conn.execute(text(f"select count(*) from {t}")).scalar_one() for t in sorted(KEPT)}


def test_upgrade_keeps_the_records_and_builds_derived_data_at_the_next_write(at_0007: Database) -> None:
    before = _counts(at_0007)
    migrate(at_0007.engine)
    assert "derived_progress" in inspect(at_0007.engine).get_table_names()
    assert _counts(at_0007) == before
    ctx = ensure_profile(at_0007)
    with at_0007.read() as s:
        assert derived_in(s, ctx.owner_id) is None  # nothing built yet: the page reads the records
    first = progress_headline(ctx, start=date(2025, 1, 1), end=date(2026, 1, 14))
    bump_data_version(ctx)  # what the app does after a write
    with at_0007.read() as s:
        assert derived_in(s, ctx.owner_id) is not None
    again = progress_headline(ctx, start=date(2025, 1, 1), end=date(2026, 1, 14))
    assert again.picture.headline == first.picture.headline
    log_session(ctx, strength_session(when=datetime(2026, 1, 13, 18)), now=datetime(2026, 1, 14, 9))
    with at_0007.read() as s:
        assert derived_in(s, ctx.owner_id) is None  # the new session's trigger marked it stale


def test_downgrade_from_0008_drops_the_table_and_its_triggers(at_0007: Database) -> None:
    migrate(at_0007.engine)
    ctx = ensure_profile(at_0007)
    bump_data_version(ctx)
    before = _counts(at_0007)
    command.downgrade(alembic_config(at_0007.engine), "0007")
    assert "derived_progress" not in inspect(at_0007.engine).get_table_names()
    assert _counts(at_0007) == before
    # With the triggers gone too, writing a session does not look for the dropped table.
    log_session(ctx, strength_session(when=datetime(2026, 1, 13, 18)), now=datetime(2026, 1, 14, 9))
    assert _counts(at_0007)["sessions"] == before["sessions"] + 1

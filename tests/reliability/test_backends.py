"""Both databases get the same schema from the migrations; a missing PostgreSQL skips, or fails in CI."""

from __future__ import annotations

import re
import socket

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from db.engine import Database
from db.models import Base
from services.context import ensure_profile, open_database
from tests.conftest import PG_URL, REQUIRE_POSTGRES, Figures, admin_engine, postgres_url_or_skip, private_schema
from tests.factories import create_session
from tests.reliability.counts import row_counts


def test_migrated_schema_matches_the_models_with_nothing_pending(db: Database, figures: Figures) -> None:
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        pending = compare_metadata(context, Base.metadata)
        tables = set(conn.dialect.get_table_names(conn))  # type: ignore[attr-defined]
    assert pending == []
    assert tables == set(Base.metadata.tables) | {"alembic_version"}
    figures(f"migrations on {db.engine.dialect.name}: {len(Base.metadata.tables)} tables, 0 pending changes")


def test_each_postgres_test_gets_a_private_schema_no_other_test_can_see() -> None:
    with private_schema() as first_url, private_schema() as second_url:
        first, second = open_database(first_url), open_database(second_url)
        try:
            create_session(ensure_profile(first))
            with first.engine.connect() as conn:
                schema = conn.execute(text("select current_schema()")).scalar_one()
            assert schema.startswith("t_")
            assert row_counts(first)["sessions"] == 1
            assert row_counts(second)["sessions"] == 0
        finally:
            first.dispose()
            second.dispose()
    with admin_engine(PG_URL).connect() as conn:
        left = conn.execute(text("select count(*) from pg_namespace where nspname = :s"), {"s": schema}).scalar_one()
    assert left == 0


def _closed_port_url() -> str:
    """A PostgreSQL URL where nothing listens: a port the system just handed out and took back."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"postgresql+psycopg://postgres@127.0.0.1:{port}/test"


def test_without_postgres_the_case_is_skipped_with_a_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(REQUIRE_POSTGRES, raising=False)
    url = _closed_port_url()
    with pytest.raises(pytest.skip.Exception, match=re.escape(f"PostgreSQL not reachable at {url}: ")):
        postgres_url_or_skip(url)


def test_without_postgres_the_case_fails_when_ci_requires_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(REQUIRE_POSTGRES, "1")
    url = _closed_port_url()
    with pytest.raises(pytest.fail.Exception, match=f"{REQUIRE_POSTGRES} is set"):
        postgres_url_or_skip(url)

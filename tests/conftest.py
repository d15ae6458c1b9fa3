"""Shared fixtures: every test gets its own database; none touches the user's real one."""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from db.engine import Database
from services.context import Ctx, ensure_profile, open_database

PG_URL = os.environ.get("THRESHOLD_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
BACKENDS = ("sqlite", "postgresql")


def pytest_configure(config: pytest.Config) -> None:
    """Point the app's default database at a throwaway file for the whole run."""
    scratch = Path(tempfile.mkdtemp(prefix="threshold-tests-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{scratch / 'app.db'}"
    os.environ["THRESHOLD_DEMO_URL"] = f"sqlite:///{scratch / 'demo.db'}"


def _pg_reachable() -> str | None:
    """None when PostgreSQL answers, else why not."""
    try:
        engine = create_engine(PG_URL, connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(text("select 1"))
        engine.dispose()
        return None
    except Exception as error:  # any failure to connect means: not here
        return str(error).splitlines()[0]


_PG_PROBLEM: list[str | None] = []


def postgres_url_or_skip() -> str:
    """A fresh schema on the test PostgreSQL, or skip (fail in CI, where it must be there)."""
    if not _PG_PROBLEM:
        _PG_PROBLEM.append(_pg_reachable())
    problem = _PG_PROBLEM[0]
    if problem is not None:
        message = f"PostgreSQL not reachable at {PG_URL}: {problem}"
        if os.environ.get("THRESHOLD_REQUIRE_POSTGRES"):
            pytest.fail(message + " (THRESHOLD_REQUIRE_POSTGRES is set, so this is an error)")
        pytest.skip(message)
    return PG_URL


def _new_schema() -> tuple[str, str]:
    schema = f"t_{uuid.uuid4().hex[:16]}"
    admin = create_engine(postgres_url_or_skip())
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    admin.dispose()
    sep = "&" if "?" in PG_URL else "?"
    return schema, f"{PG_URL}{sep}options=-csearch_path%3D{schema}"


def _drop_schema(schema: str) -> None:
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database URL: a temp SQLite file, or a private PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    schema, url = _new_schema()
    try:
        yield url
    finally:
        _drop_schema(schema)


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    """A migrated database on each backend."""
    database = open_database(db_url)
    yield database
    database.dispose()


@pytest.fixture
def ctx(db: Database) -> Ctx:
    """The local profile on a fresh database, with the shipped catalogue."""
    return ensure_profile(db)


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Database]:
    """A migrated SQLite database only (for SQLite-specific behaviour)."""
    database = open_database(str(tmp_path / "only.db"))
    yield database
    database.dispose()

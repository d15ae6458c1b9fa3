"""Connection pools: PostgreSQL's per app server follows THRESHOLD_DB_POOL_SIZE and THRESHOLD_DB_MAX_OVERFLOW; a
SQLite file keeps a few connections open and never makes a reader wait for one."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from threading import Barrier

import pytest
from sqlalchemy import text
from sqlalchemy.pool import QueuePool

from db.engine import MAX_OVERFLOW_ENV, POOL_SIZE_ENV, SQLITE_KEPT, make_engine
from services.context import bump_data_version, data_version, ensure_profile, open_database

URL = "postgresql+psycopg://someone@127.0.0.1:5432/nothing"  # never connected to


def test_the_pool_takes_its_size_and_overflow_from_the_environment(monkeypatch):
    monkeypatch.setenv(POOL_SIZE_ENV, "3")
    monkeypatch.setenv(MAX_OVERFLOW_ENV, "2")
    pool = make_engine(URL).pool
    assert isinstance(pool, QueuePool)
    assert (pool.size(), pool._max_overflow) == (3, 2)


def test_without_settings_the_pool_is_five_plus_ten(monkeypatch):
    monkeypatch.delenv(POOL_SIZE_ENV, raising=False)
    monkeypatch.delenv(MAX_OVERFLOW_ENV, raising=False)
    pool = make_engine(URL).pool
    assert isinstance(pool, QueuePool)
    assert (pool.size(), pool._max_overflow) == (5, 10)


def test_a_pool_size_that_is_not_a_number_says_which_setting(monkeypatch):
    monkeypatch.setenv(POOL_SIZE_ENV, "ten")
    with pytest.raises(ValueError, match=f"{POOL_SIZE_ENV} must be a whole number"):
        make_engine(URL)


def test_a_sqlite_file_keeps_its_connections_and_still_sees_other_writers(tmp_path):
    """Reads reuse pooled connections (each keeps SQLite's page cache), yet a write by another process, here
    another Database on the same file as the command line would be, shows at once on the next read."""
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    app, cli = open_database(url), open_database(url)
    try:
        assert isinstance(app.engine.pool, QueuePool)
        assert app.engine.pool._max_overflow == -1  # any number of readers at once, as without a pool
        ctx = ensure_profile(app)
        before = data_version(ctx)
        assert app.engine.pool.checkedin() >= 1  # the read's connection went back to the pool, still open
        bump_data_version(ensure_profile(cli))
        assert data_version(ctx) not in ("", before)
    finally:
        app.dispose()
        cli.dispose()


def test_more_readers_at_once_than_the_pool_keeps_all_get_a_connection(tmp_path):
    """Twenty page runs reading at the same moment: none waits for another's connection."""
    db = open_database(f"sqlite:///{tmp_path / 'many.db'}")
    readers = 4 * SQLITE_KEPT
    together = Barrier(readers, timeout=10)

    def read(_: int) -> int:
        with db.read() as s:
            one = int(s.execute(text("select 1")).scalar_one())
            together.wait()  # every reader holds its connection here at once
            return one

    try:
        with ThreadPoolExecutor(readers) as pool:
            assert sum(pool.map(read, range(readers))) == readers
        pooled = db.engine.pool
        assert (
            isinstance(pooled, QueuePool) and pooled.checkedin() == SQLITE_KEPT
        )  # the extra ones were closed, the kept ones stay
    finally:
        db.dispose()

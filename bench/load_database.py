"""The load benchmark's database: a PostgreSQL database of its own (dropped afterwards), and the peak of
connections the app servers open to it."""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

ADMIN_URL = os.environ.get("THRESHOLD_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
SAMPLE_S = 0.2


@contextmanager
def bench_database(url: str | None) -> Iterator[str]:
    """The given database URL, or a new database on the test PostgreSQL server, dropped afterwards."""
    if url:
        yield url
        return
    name = f"threshold_load_{uuid.uuid4().hex[:8]}"
    admin = create_engine(ADMIN_URL, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


class ConnectionPeak:
    """The highest number of connections to one database seen in pg_stat_activity, sampled in a thread."""

    def __init__(self, url: str) -> None:
        self._engine = create_engine(url, poolclass=NullPool)
        self._name = make_url(url).database
        self._stop = threading.Event()
        self.peak = 0
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        with self._engine.connect() as conn:
            query = text("select count(*) from pg_stat_activity where datname = :name and pid <> pg_backend_pid()")
            while not self._stop.is_set():
                self.peak = max(self.peak, int(conn.execute(query, {"name": self._name}).scalar_one()))
                conn.commit()
                self._stop.wait(SAMPLE_S)

    def __enter__(self) -> ConnectionPeak:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._engine.dispose()

"""Engine set-up, migrations and the unit of work (one transaction per use case)."""

from __future__ import annotations

import contextlib
import functools
import os
import random
import re
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

if TYPE_CHECKING:
    from alembic.config import Config

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SQLITE = ROOT / "data" / "threshold.db"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 30_000
# Connections one server process keeps open to PostgreSQL, and how many more it may open at a peak.
# With N app servers the database sees up to N x (pool size + overflow) of them; keep that under its
# max_connections (README, "Several app servers"). SQLAlchemy's own defaults: 5 and 10.
POOL_SIZE_ENV = "THRESHOLD_DB_POOL_SIZE"
MAX_OVERFLOW_ENV = "THRESHOLD_DB_MAX_OVERFLOW"
DEFAULT_POOL_SIZE = 5
DEFAULT_MAX_OVERFLOW = 10
# Connections kept open to a SQLite file between reads (one person's app rarely reads with more at once).
SQLITE_KEPT = 5
_WRITING: ContextVar[bool] = ContextVar("writing", default=False)

P = ParamSpec("P")
R = TypeVar("R")


def default_url() -> str:
    """DATABASE_URL if set, else the SQLite file under data/."""
    return os.environ.get("DATABASE_URL") or f"sqlite:///{DEFAULT_SQLITE}"


def normalise_url(target: str) -> str:
    """Accept a database URL or a plain SQLite file path."""
    return target if "://" in target else f"sqlite:///{Path(target).expanduser().resolve()}"


def _sqlite_pragmas(engine: Engine) -> None:
    """Foreign keys on, WAL for readers beside a writer (set once per file), waiting rather than failing on locks."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Take BEGIN out of the driver's hands so each transaction says which kind it is.
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        # WAL is a property of the file and stays once set, so only a file not yet in WAL is switched. Switching
        # writes to the file: asked on every connection, it made even reads fail on a full or read-only disk.
        if str(cursor.execute("PRAGMA journal_mode").fetchone()[0]).lower() not in ("wal", "memory"):
            # On a full or read-only disk the switch fails: reads still work, and a write says plainly why it cannot.
            with contextlib.suppress(sqlite3.OperationalError):
                cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # A writer takes the write lock up front, so two writers queue instead of deadlocking.
        conn.exec_driver_sql("BEGIN IMMEDIATE" if _WRITING.get() else "BEGIN")


def _int_env(name: str, default: int) -> int:
    """A whole number from the environment, or the default when unset."""
    raw = os.environ.get(name, "").strip()
    try:
        return int(raw) if raw else default
    except ValueError:
        raise ValueError(f"{name} must be a whole number, not {raw!r}") from None


def make_engine(url: str) -> Engine:
    """Create an engine; for SQLite, make the folder and set the pragmas."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        # A pool for a file: connections stay open between reads, so neither the pragmas nor SQLite's page cache
        # start again on each one (a page of Progress opens four; pooled, it drew about an eighth faster). A write
        # by another process still shows on the next read: each read is a new transaction. Beyond the kept ones,
        # as many more as readers come at once (no limit to wait on, as before there was a pool).
        engine = create_engine(
            url, pool_size=SQLITE_KEPT, max_overflow=-1, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}
        )
        _sqlite_pragmas(engine)
        return engine
    return create_engine(
        url,
        pool_pre_ping=True,
        pool_size=_int_env(POOL_SIZE_ENV, DEFAULT_POOL_SIZE),
        max_overflow=_int_env(MAX_OVERFLOW_ENV, DEFAULT_MAX_OVERFLOW),
    )


def alembic_config(engine: Engine) -> Config:
    """An Alembic config that migrates the given engine's database."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


class SchemaTooNew(Exception):
    """The database carries a schema revision this version does not know: a newer version of Threshold wrote it."""


_REVISION = re.compile(r"^revision(?:: str)? = ['\"](\w+)['\"]", re.MULTILINE)
_DOWN = re.compile(r"^down_revision(?:: str \| None)? = (?:['\"](\w+)['\"]|None)", re.MULTILINE)


@functools.cache
def known_revisions() -> tuple[frozenset[str], str]:
    """Every revision among the migration scripts and the newest (head), read from the files themselves.

    Alembic takes about 0.2 s to import and longer to load its scripts; a start with an up-to-date schema only
    needs these names (tests/unit/test_engine_revisions.py checks them against Alembic's own reading).
    """
    revisions: dict[str, str | None] = {}
    for script in (MIGRATIONS / "versions").glob("*.py"):
        source = script.read_text(encoding="utf-8")
        revision, down = _REVISION.search(source), _DOWN.search(source)
        if revision is None or down is None:
            raise RuntimeError(f"{script.name} does not say its revision and down_revision plainly")
        revisions[revision.group(1)] = down.group(1)
    heads = set(revisions) - set(revisions.values())
    if len(heads) != 1:
        raise RuntimeError(f"the migrations must form one line, not end in {sorted(heads)}")
    return frozenset(revisions), heads.pop()


def schema_revisions(engine: Engine) -> set[str]:
    """The revisions the database says it is at (none for a new database)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return set()
        return {str(row[0]) for row in conn.execute(text("select version_num from alembic_version"))}


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to the given revision (the latest by default).

    A database already at the latest revision is left alone without loading Alembic. One at a revision no
    script knows raises SchemaTooNew: upgrading it would fail, and downgrading a newer version's data is not
    ours to do.
    """
    known, head = known_revisions()
    current = schema_revisions(engine)
    if current - known:
        raise SchemaTooNew(f"schema revision {', '.join(sorted(current - known))} is newer than {head}")
    if revision == "head" and current == {head}:
        return
    from alembic import command

    command.upgrade(alembic_config(engine), revision)


class Database:
    """An engine plus the two kinds of unit of work the services use."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        """True when the database is a SQLite file."""
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only transaction."""
        with self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def snapshot(self) -> Iterator[Session]:
        """A read-only transaction whose every read sees the database as it was at the first: a write committed
        meanwhile shows in none of them. SQLite's read transaction is such a snapshot already; PostgreSQL's
        default (read committed) lets each statement see the latest commits, so it is asked for repeatable read."""
        with self._sessions() as session, session.begin():
            if not self.is_sqlite:
                session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction: committed when the block ends, rolled back on any error."""
        token = _WRITING.set(True)
        try:
            with self._sessions() as session, session.begin():
                yield session
        finally:
            _WRITING.reset(token)

    def dispose(self) -> None:
        """Close pooled connections."""
        self.engine.dispose()


# What a full or read-only disk looks like to SQLite (its own words) and PostgreSQL (SQLSTATE), said plainly.
_STORAGE_WORDS = {
    "database or disk is full": "The disk that holds the database is full",
    "readonly database": "The database is read-only (its file, folder or disk cannot be written)",
    "disk i/o error": "The disk that holds the database could not be read or written",
}
_STORAGE_SQLSTATES = {
    "53100": "The database server's disk is full",
    "25006": "The database is read-only",
    "53200": "The database server ran out of memory",
}


def storage_problem(error: DBAPIError) -> str | None:
    """A plain sentence when the database failed because of its disk (full, read-only, I/O), else None."""
    said = _STORAGE_SQLSTATES.get(str(getattr(error.orig, "sqlstate", "")))
    text = str(error.orig).lower()
    said = said or next((plain for words, plain in _STORAGE_WORDS.items() if words in text), None)
    if said is None:
        return None
    return f"{said}; nothing was changed. Free some space or fix the permissions, then try again."


# PostgreSQL's codes for "try the transaction again": serialization failure, deadlock, lock not available.
_RETRY_SQLSTATES = frozenset({"40001", "40P01", "55P03"})
_UNIQUE_VIOLATION = "23505"
# A unique-key race settles on the first rerun; more reruns than this mean a real duplicate, so stop.
RACE_ATTEMPTS = 3


def _is_busy(error: DBAPIError) -> bool:
    """The database asked us to wait or start over (SQLite busy/locked, PostgreSQL conflicts)."""
    if getattr(error.orig, "sqlstate", None) in _RETRY_SQLSTATES:
        return True
    text = str(error.orig).lower()
    return isinstance(error, OperationalError) and ("locked" in text or "busy" in text)


def _is_race(error: DBAPIError) -> bool:
    """Another transaction inserted the same unique key between our check and our insert.

    The use cases look for an existing row before inserting one; a rerun sees the other
    transaction's row and updates it, which is what the person meant (e.g. two tabs saving
    the same morning's check-in).
    """
    if not isinstance(error, IntegrityError):
        return False
    return (
        getattr(error.orig, "sqlstate", None) == _UNIQUE_VIOLATION
        or "unique constraint failed" in str(error.orig).lower()
    )


def retry_busy(fn: Callable[P, R], attempts: int = 8) -> Callable[P, R]:
    """Run a whole use case again when the database is busy or a concurrent insert won a unique key."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        for attempt in range(attempts):
            try:
                return fn(*args, **kwargs)
            except (OperationalError, IntegrityError) as error:
                race = _is_race(error)
                if not (race or _is_busy(error)) or attempt == attempts - 1:
                    raise
                if race and attempt >= RACE_ATTEMPTS - 1:
                    raise
                time.sleep(min(1.0, 0.02 * 2**attempt) * (0.5 + random.random()))
        raise AssertionError("unreachable")

    return wrapper

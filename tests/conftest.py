"""Shared fixtures: every test gets its own database; none touches the user's real one."""

from __future__ import annotations

import os
import tempfile
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import app_test

from db.engine import Database
from services.backup import BACKUP_DIR_ENV
from services.context import Ctx, ensure_profile, open_database

PG_URL = os.environ.get("THRESHOLD_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
BACKENDS = ("sqlite", "postgresql")
REQUIRE_POSTGRES = "THRESHOLD_REQUIRE_POSTGRES"
FIGURE = "figure"
TALLY = "figure-tally"


def pytest_configure(config: pytest.Config) -> None:
    """Point the app's default database at a throwaway file for the whole run."""
    scratch = Path(tempfile.mkdtemp(prefix="threshold-tests-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{scratch / 'app.db'}"
    os.environ["THRESHOLD_DEMO_URL"] = f"sqlite:///{scratch / 'demo.db'}"
    run_app_tests_like_the_server()


def run_app_tests_like_the_server() -> None:
    """Let every AppTest run go through app.py, as every run does on a server once app.py has run once.

    AppTest puts Streamlit back into its old pages/ mode before each run, so a rerun would execute the
    page file alone; ui.shell.require_app would then rerun it through app.py and a click would be lost.
    A PagesManager subclass takes that reset, and the mode Streamlit checks stays off.
    """

    class ServerLikePagesManager(PagesManager):
        """Same pages manager; AppTest's reset of the old-mode flag lands on this class only."""

    app_test.PagesManager = ServerLikePagesManager  # type: ignore[misc]


# --- figures: counts that tests record, printed at the end of the run -------------------------------

_RECORDED: list[str] = []
_TALLIES: Counter[str] = Counter()


class Figures:
    """What a test records for the run's summary: whole lines, or one more of a counted kind."""

    def __init__(self, node: pytest.Item) -> None:
        self._node = node

    def __call__(self, line: str) -> None:
        """Record a line such as 'concurrent writes: 1600/1600 rows on sqlite'."""
        # user_properties travel with the test report, so the lines reach the summary under xdist too.
        self._node.user_properties.append((FIGURE, line))

    def tally(self, kind: str) -> None:
        """Count this test under `kind`; the summary prints 'kind: N'."""
        self._node.user_properties.append((TALLY, kind))


@pytest.fixture
def figures(request: pytest.FixtureRequest) -> Figures:
    """Record counts for the reliability summary printed at the end of the run."""
    return Figures(request.node)


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Collect recorded figures from passed tests' reports (under xdist, the workers' reports too)."""
    if report.when != "call" or not report.passed:
        return
    for key, value in report.user_properties:
        if key == FIGURE:
            _RECORDED.append(str(value))
        elif key == TALLY:
            _TALLIES[str(value)] += 1


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print the recorded figures, sorted, under their own heading."""
    lines = sorted(set(_RECORDED) | {f"{kind}: {count}" for kind, count in _TALLIES.items()})
    if lines:
        terminalreporter.section("reliability figures")
        for line in lines:
            terminalreporter.write_line(line)


# --- PostgreSQL: one private schema per test, skipped (or failed in CI) where there is no server ----

_PG_PROBLEMS: dict[str, str | None] = {}
_ADMIN: dict[str, Engine] = {}


def admin_engine(url: str) -> Engine:
    """One small engine per server for creating and dropping schemas (kept for the whole run)."""
    if url not in _ADMIN:
        _ADMIN[url] = create_engine(url, pool_size=1, max_overflow=2, connect_args={"connect_timeout": 3})
    return _ADMIN[url]


def _pg_problem(url: str) -> str | None:
    """None when PostgreSQL answers at url, else why not (asked once per run)."""
    if url not in _PG_PROBLEMS:
        try:
            with admin_engine(url).connect() as conn:
                conn.execute(text("select 1"))
            _PG_PROBLEMS[url] = None
        except Exception as error:  # any failure to connect means: not here
            _PG_PROBLEMS[url] = str(error).strip().splitlines()[0]
    return _PG_PROBLEMS[url]


def postgres_url_or_skip(url: str | None = None) -> str:
    """The test PostgreSQL URL, or skip the test (fail instead when THRESHOLD_REQUIRE_POSTGRES is set)."""
    url = url or PG_URL
    problem = _pg_problem(url)
    if problem is not None:
        shown = make_url(url).render_as_string(hide_password=True)
        message = f"PostgreSQL not reachable at {shown}: {problem}"
        if os.environ.get(REQUIRE_POSTGRES, "") not in ("", "0"):
            pytest.fail(f"{message} ({REQUIRE_POSTGRES} is set, so this is an error, not a skip)")
        pytest.skip(message)
    return url


@contextmanager
def private_schema() -> Iterator[str]:
    """A URL whose tables live in a new, empty PostgreSQL schema, dropped afterwards."""
    url = postgres_url_or_skip()
    # The pid makes a schema left behind by a killed run traceable to it.
    schema = f"t_{os.getpid()}_{uuid.uuid4().hex[:12]}"
    with admin_engine(url).begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in url else "?"
    try:
        yield f"{url}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin_engine(url).begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))


@contextmanager
def empty_database(backend: str, folder: Path) -> Iterator[str]:
    """An empty database URL on the backend: a SQLite file in folder, or a private PostgreSQL schema."""
    if backend == "sqlite":
        yield f"sqlite:///{folder / 'test.db'}"
        return
    with private_schema() as url:
        yield url


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Close the schema-admin connections."""
    for engine in _ADMIN.values():
        engine.dispose()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database URL: a temp SQLite file, or a private PostgreSQL schema."""
    with empty_database(request.param, tmp_path) as url:
        yield url


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


@pytest.fixture
def safety_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Automatic pre-restore backups go to a temporary folder, never the project's data/."""
    folder = tmp_path / "safety"
    monkeypatch.setenv(BACKUP_DIR_ENV, str(folder))
    return folder

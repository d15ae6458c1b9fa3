"""AppTest fixtures: the app runs against a fresh temporary SQLite database per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from db.engine import Database
from services.context import Ctx, ensure_profile, open_database

APP = str(Path(__file__).resolve().parents[2] / "app.py")


@pytest.fixture
def app_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    """A fresh database that the app under test uses (through DATABASE_URL)."""
    url = f"sqlite:///{tmp_path / 'ui.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("THRESHOLD_DEMO_URL", f"sqlite:///{tmp_path / 'demo.db'}")
    database = open_database(url)
    yield database
    database.dispose()


@pytest.fixture
def app_ctx(app_db: Database) -> Ctx:
    """The local owner in the app's database."""
    return ensure_profile(app_db)


@pytest.fixture
def at(app_db: Database) -> AppTest:
    """The app, run once on its home page."""
    app = AppTest.from_file(APP, default_timeout=30)
    app.run()
    return app

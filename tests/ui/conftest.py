"""AppTest fixtures: the app runs against a fresh temporary SQLite database per test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
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


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> dict[str, Callable[[], bytes]]:
    """Every download button's file name, and how to get its file (AppTest's elements carry neither)."""
    made: dict[str, Callable[[], bytes]] = {}

    def spy(original: Callable[..., str], deferred: bool) -> Callable[..., str]:
        def add(self: MediaFileManager, data: Any, *args: Any, **kwargs: Any) -> str:
            if kwargs.get("file_name"):  # download buttons name their file; images and media do not
                made[str(kwargs["file_name"])] = data if deferred else lambda: data
            return original(self, data, *args, **kwargs)

        return add

    monkeypatch.setattr(MediaFileManager, "add", spy(MediaFileManager.add, False))
    monkeypatch.setattr(MediaFileManager, "add_deferred", spy(MediaFileManager.add_deferred, True))
    return made

"""Fixtures for the reliability tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from services.context import Ctx, ensure_profile, open_database
from tests.conftest import BACKENDS, empty_database
from tests.ui.conftest import app_ctx, app_db, at  # noqa: F401  (the app's AppTest fixtures, reused here)


@pytest.fixture(scope="module", params=BACKENDS)
def shared_ctx(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Ctx]:
    """One database per module and backend, for long catalogues whose cases compare before and after."""
    with empty_database(request.param, tmp_path_factory.mktemp(request.param)) as url:
        db = open_database(url)
        yield ensure_profile(db)
        db.dispose()

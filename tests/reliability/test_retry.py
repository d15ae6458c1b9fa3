"""retry_busy reruns a use case the database asked to retry, and gives up on real errors."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import pytest
from sqlalchemy.exc import IntegrityError, OperationalError

from db import engine
from db.engine import RACE_ATTEMPTS, retry_busy


def _failing(error: Exception, times: int) -> tuple[list[int], Callable[[], str]]:
    """A use case that raises `error` on its first `times` calls, and the list of its calls."""
    calls: list[int] = []

    @retry_busy
    def use_case() -> str:
        calls.append(1)
        if len(calls) <= times:
            raise error
        return "saved"

    return calls, use_case


@pytest.fixture(autouse=True)
def no_waiting(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Record the back-off waits instead of sleeping them."""
    waits: list[float] = []
    monkeypatch.setattr(engine.time, "sleep", waits.append)
    return waits


def _locked() -> OperationalError:
    return OperationalError("INSERT ...", {}, sqlite3.OperationalError("database is locked"))


def _duplicate() -> IntegrityError:
    return IntegrityError("INSERT ...", {}, sqlite3.IntegrityError("UNIQUE constraint failed: checkins.owner_id"))


def test_a_locked_database_is_waited_out(no_waiting: list[float]) -> None:
    calls, use_case = _failing(_locked(), times=3)
    assert use_case() == "saved"
    assert len(calls) == 4
    assert len(no_waiting) == 3


def test_a_lost_unique_key_race_is_rerun_once_and_then_succeeds() -> None:
    calls, use_case = _failing(_duplicate(), times=1)
    assert use_case() == "saved"
    assert len(calls) == 2


def test_a_real_duplicate_is_reported_after_a_few_reruns() -> None:
    calls, use_case = _failing(_duplicate(), times=100)
    with pytest.raises(IntegrityError):
        use_case()
    assert len(calls) == RACE_ATTEMPTS


def test_other_database_errors_are_not_retried() -> None:
    other = OperationalError("SELECT ...", {}, sqlite3.OperationalError("no such table: sessions"))
    calls, use_case = _failing(other, times=100)
    with pytest.raises(OperationalError):
        use_case()
    assert len(calls) == 1

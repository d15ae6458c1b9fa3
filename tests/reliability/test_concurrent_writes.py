"""Many writers at once (browser tabs, several people): every write lands, none fails with 'locked'."""

from __future__ import annotations

import threading
from datetime import timedelta

from sqlalchemy import select

from db.engine import Database
from db.models import Checkin, Session
from services.checkins import record_checkin
from services.context import Ctx
from services.sessions import log_session
from tests.conftest import Figures
from tests.factories import NOW, strength_session
from tests.reliability.counts import growth, integrity, row_counts

THREADS = 8
WRITES_EACH = 200
SETS_PER_SESSION = 2
TODAY = NOW.date()


def _writer(ctx: Ctx, number: int, start: threading.Barrier, failures: list[str]) -> None:
    """Alternate sessions and next-morning check-ins, each its own unit of work, as a user would."""
    start.wait()
    for i in range(WRITES_EACH):
        try:
            if i % 2 == 0:
                raw = strength_session(
                    when=NOW - timedelta(minutes=number * WRITES_EACH + i),
                    sets=SETS_PER_SESSION,
                    notes=f"t{number} w{i}",
                )
                log_session(ctx, raw, now=NOW)
            else:
                # A distinct day per write, so each check-in is a new row rather than a correction.
                day = TODAY - timedelta(days=number * WRITES_EACH + i)
                record_checkin(ctx, {"day": day, "region": "lower_back", "pain": i % 11}, today=TODAY)
        except Exception as error:  # every failure is a lost write the user would see
            failures.append(f"writer {number}, write {i}: {error!r}")


def _run_writers(ctx: Ctx) -> list[str]:
    failures: list[str] = []
    start = threading.Barrier(THREADS)
    threads = [threading.Thread(target=_writer, args=(ctx, n, start, failures)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return failures


def test_eight_concurrent_writers_lose_nothing_and_never_see_locked(ctx: Ctx, db: Database, figures: Figures) -> None:
    before = row_counts(db)
    failures = _run_writers(ctx)
    assert failures == []

    sessions = checkins = THREADS * WRITES_EACH // 2
    after = row_counts(db)
    grown = growth(before, after)
    assert grown == {
        "checkins": checkins,
        "entries": sessions,
        "pain_ratings": sessions,
        "sessions": sessions,
        "sets": sessions * SETS_PER_SESSION,
    }
    with db.read() as s:
        notes = sorted(s.scalars(select(Session.notes)))
        days = set(s.scalars(select(Checkin.day)))
    assert notes == sorted(f"t{n} w{i}" for n in range(THREADS) for i in range(0, WRITES_EACH, 2))
    assert days == {
        TODAY - timedelta(days=n * WRITES_EACH + i) for n in range(THREADS) for i in range(1, WRITES_EACH, 2)
    }
    assert integrity(db) == "ok"

    backend = db.engine.dialect.name
    landed = sum(grown[t] for t in ("sessions", "checkins"))
    figures(f"concurrent writes: {landed}/{THREADS * WRITES_EACH} rows on {backend} ({THREADS} threads, 0 errors)")

"""Many writers at once (browser tabs, several people): every write lands, none fails with 'locked'."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date, timedelta

from sqlalchemy import select

from db.engine import Database
from db.models import Checkin, Exercise, ExerciseSession, PegCheckin, Profile
from services.checkins import record_checkin, record_peg
from services.context import Ctx, ensure_profile
from services.sessions import log_session
from tests.conftest import Figures
from tests.factories import NOW, strength_session
from tests.reliability.counts import growth, integrity, row_counts
from tracker.catalog import CATALOG

THREADS = 8
WRITES_EACH = 200
SETS_PER_SESSION = 2
TODAY = NOW.date()


def _at_once(work: Callable[[int], object], threads: int = THREADS) -> list[str]:
    """Run work(0..threads-1) on that many threads released together; return what failed."""
    failures: list[str] = []
    start = threading.Barrier(threads)

    def run(number: int) -> None:
        start.wait()
        try:
            work(number)
        except Exception as error:  # every failure is a write the user would see fail
            failures.append(f"thread {number}: {error!r}")

    pool = [threading.Thread(target=run, args=(n,)) for n in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return failures


def _writer(ctx: Ctx) -> Callable[[int], None]:
    """Alternate sessions and next-morning check-ins, each its own unit of work, as a user would."""

    def write(number: int) -> None:
        for i in range(WRITES_EACH):
            if i % 2 == 0:
                when = NOW - timedelta(minutes=number * WRITES_EACH + i)
                raw = strength_session(when=when, sets=SETS_PER_SESSION, notes=f"t{number} w{i}")
                log_session(ctx, raw, now=NOW)
            else:
                # A distinct day per write, so each check-in is a new row rather than a correction.
                day = TODAY - timedelta(days=number * WRITES_EACH + i)
                record_checkin(ctx, {"day": day, "region": "lower_back", "pain": i % 11}, today=TODAY)

    return write


def test_eight_concurrent_writers_lose_nothing_and_never_see_locked(ctx: Ctx, db: Database, figures: Figures) -> None:
    before = row_counts(db)
    assert _at_once(_writer(ctx)) == []

    sessions = checkins = THREADS * WRITES_EACH // 2
    grown = growth(before, row_counts(db))
    assert grown == {
        "checkins": checkins,
        "entries": sessions,
        "pain_ratings": sessions,
        "sessions": sessions,
        "sets": sessions * SETS_PER_SESSION,
    }
    with db.read() as s:
        notes = sorted(s.scalars(select(ExerciseSession.notes)))
        days = set(s.scalars(select(Checkin.day)))
    assert notes == sorted(f"t{n} w{i}" for n in range(THREADS) for i in range(0, WRITES_EACH, 2))
    assert days == {
        TODAY - timedelta(days=n * WRITES_EACH + i) for n in range(THREADS) for i in range(1, WRITES_EACH, 2)
    }
    assert integrity(db) == "ok"

    landed = grown["sessions"] + grown["checkins"]
    backend = db.engine.dialect.name
    figures(f"concurrent writes: {landed}/{THREADS * WRITES_EACH} rows on {backend} ({THREADS} threads, 0 errors)")


def _same_morning(ctx: Ctx, day: date) -> Callable[[int], object]:
    """Tab n saves this morning's check-in and weekly PEG with pain n: a correction of the same rows."""

    def save(n: int) -> None:
        record_checkin(ctx, {"day": day, "region": "lower_back", "pain": n}, today=TODAY)
        record_peg(ctx, {"day": day, "pain": n, "enjoyment": 1, "activity": 1}, today=TODAY)

    return save


def test_the_same_checkin_saved_from_many_tabs_at_once_keeps_one_row(ctx: Ctx, db: Database, figures: Figures) -> None:
    days = [TODAY - timedelta(days=d) for d in range(10)]
    for day in days:
        assert _at_once(_same_morning(ctx, day)) == []
    with db.read() as s:
        checkins = s.execute(select(Checkin.day, Checkin.pain)).all()
        pegs = s.execute(select(PegCheckin.day, PegCheckin.pain)).all()
    # One row per day; its value is one of the values saved (the last save wins).
    assert sorted(day for day, _ in checkins) == sorted(days)
    assert sorted(day for day, _ in pegs) == sorted(days)
    assert {pain for _, pain in checkins} | {pain for _, pain in pegs} <= set(range(THREADS))
    backend = db.engine.dialect.name
    figures(f"simultaneous corrections: {len(days)} days x {THREADS} tabs -> {len(checkins)} check-ins on {backend}")


def test_first_sign_in_from_many_tabs_at_once_makes_one_profile(db: Database) -> None:
    assert _at_once(lambda n: ensure_profile(db, "alice@example.org")) == []
    with db.read() as s:
        profiles = s.scalars(select(Profile.id).where(Profile.subject == "alice@example.org")).all()
        exercises = s.scalars(select(Exercise.name).where(Exercise.owner_id == profiles[0])).all()
    assert len(profiles) == 1
    assert sorted(exercises) == sorted(e.name for e in CATALOG)

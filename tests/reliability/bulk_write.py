"""Stand-in for a large import: many sessions written in ONE unit of work, for the crash test.

Run as `python -m tests.reliability.bulk_write URL COUNT STAGE`. The database must already be
migrated and hold the local profile. STAGE says where the script stops and waits to be killed:
  mid-write     after half the sessions are flushed to the database, before the commit;
  after-commit  once the whole write is committed.
At that point it prints the stage on stdout and waits on stdin, which the test never answers.
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import event, select

from db.engine import Database
from db.models import Entry, Exercise, ExerciseSession, PainRating, Profile, WorkSet
from services.context import LOCAL_SUBJECT

STAGES = ("mid-write", "after-commit")
FIRST_DAY = datetime(2020, 1, 1, 8, 0)
# Flush in batches as an importer would, so memory stays flat and rows reach the database file.
BATCH = 250
EXERCISE = "Leg press"
# A page cache far smaller than the write makes SQLite spill uncommitted pages into the WAL file
# midway, so the kill lands while part of the write is already on disk (the case worth testing).
SMALL_CACHE_PAGES = 16


def imported_session(owner_id: int, exercise_id: int, number: int) -> ExerciseSession:
    """One imported session: a leg-press entry with three sets and a pain rating."""
    return ExerciseSession(
        owner_id=owner_id,
        started_at=FIRST_DAY + timedelta(hours=number),
        notes=f"imported row {number}",
        rpe=None,
        entries=[
            Entry(
                exercise_id=exercise_id,
                position=0,
                sets=[WorkSet(position=j, weight_kg=40.0 + number % 20, reps=10) for j in range(3)],
            )
        ],
        pains=[PainRating(region="lower_back", before=2, during=3, after=2)],
    )


def _small_cache(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.execute(f"PRAGMA cache_size={SMALL_CACHE_PAGES}")


def _stop_here(stage: str) -> None:
    print(stage, flush=True)
    sys.stdin.readline()  # the test kills us while we wait here


def bulk_write(db: Database, count: int, stage: str) -> None:
    """Write `count` sessions in one transaction, stopping at `stage` to be killed."""
    with db.write() as s:
        owner_id = s.scalars(select(Profile.id).where(Profile.subject == LOCAL_SUBJECT)).one()
        exercise_id = s.scalars(
            select(Exercise.id).where(Exercise.owner_id == owner_id, Exercise.name == EXERCISE)
        ).one()
        for number in range(count):
            s.add(imported_session(owner_id, exercise_id, number))
            if (number + 1) % BATCH == 0:
                s.flush()
                s.expunge_all()
            if stage == "mid-write" and number + 1 == count // 2:
                s.flush()
                _stop_here(stage)
    if stage == "after-commit":
        _stop_here(stage)


def main(argv: list[str]) -> int:
    """Command-line entry: URL COUNT STAGE."""
    url, count, stage = argv[1], int(argv[2]), argv[3]
    if stage not in STAGES:
        print(f"stage must be one of {STAGES}", file=sys.stderr)
        return 2
    db = Database(url)
    if db.is_sqlite:
        event.listen(db.engine, "connect", _small_cache)
    bulk_write(db, count, stage)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

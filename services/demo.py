"""Writing a made-up history for one owner: the demo database and the benchmarks' large databases."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session as OrmSession

from db import bulk
from db.engine import retry_busy
from db.models import (
    AsNeededDose,
    Checkin,
    ExerciseSession,
    FunctionGoal,
    Medication,
    PgicAnswer,
    Profile,
    PsfsRating,
)
from demo.health import DemoHealth
from demo.history import DemoHistory, demo_history
from services.context import Ctx
from tracker.pain import DEFAULT_REGIONS

# The demo person tracks their lower back and a knee, so region filters have something to show.
DEMO_REGIONS: tuple[str, ...] = ("lower_back", "right_knee")


def _exercise_ids(s: OrmSession, owner_id: int, history: DemoHistory) -> dict[str, int]:
    ids = bulk.exercise_ids(s, owner_id)
    missing = sorted({e.exercise for d in history.sessions for e in d.record.entries} - set(ids))
    if missing:
        raise ValueError(f"The demo needs these exercises in the list: {', '.join(missing)}.")
    return ids


def _write(s: OrmSession, owner_id: int, history: DemoHistory) -> int:
    """Bulk-insert the whole history in the caller's transaction; returns the number of sessions.

    Morning check-ins link to their session; days the owner already has a check-in or PEG for are
    left alone (one per day and region).
    """
    records = [d.record for d in history.sessions]
    session_ids = bulk.add_sessions(s, owner_id, records, _exercise_ids(s, owner_id, history))
    taken = bulk.checkin_days(s, owner_id)
    checkins = [
        (c, session_id)
        for session_id, d in zip(session_ids, history.sessions, strict=True)
        for c in d.morning
        if (c.day, c.region) not in taken
    ]
    bulk.add_checkins(s, owner_id, checkins)
    peg_days = bulk.peg_days(s, owner_id)
    bulk.add_pegs(s, owner_id, [p for p in history.pegs if p.day not in peg_days])
    bulk.add_pressures(s, owner_id, history.pressures)
    _write_health(s, owner_id, history.health)
    return len(session_ids)


def _write_health(s: OrmSession, owner_id: int, health: DemoHealth) -> None:
    """Function goals (unless the owner has some), PGIC answers on free days, medication, and sleep on the
    mornings just written."""
    if health.ratings and s.scalar(select(FunctionGoal.id).where(FunctionGoal.owner_id == owner_id).limit(1)) is None:
        created = health.ratings[0][0]
        goals = [
            FunctionGoal(owner_id=owner_id, activity=name, created_on=created, position=i + 1)
            for i, name in enumerate(health.activities)
        ]
        s.add_all(goals)
        s.flush()  # the goals' ids, for their ratings
        s.add_all(
            PsfsRating(owner_id=owner_id, goal_id=goal.id, day=day, score=score)
            for day, scores in health.ratings
            for goal, score in zip(goals, scores, strict=True)
        )
    answered = set(s.scalars(select(PgicAnswer.day).where(PgicAnswer.owner_id == owner_id)))
    s.add_all(PgicAnswer(owner_id=owner_id, day=day, score=score) for day, score in health.pgic if day not in answered)
    s.add_all(
        Medication(owner_id=owner_id, name=r.name, dose=r.dose, unit=r.unit, start_day=r.start, end_day=r.end)
        for r in health.regular
    )
    s.add_all(
        AsNeededDose(owner_id=owner_id, name=d.name, dose=d.dose, unit=d.unit, taken_at=d.taken_at)
        for d in health.doses
    )
    s.flush()
    if health.sleep:
        # Core executemany: one statement for every morning (an ORM bulk update would need the rows' ids).
        rated = (
            update(Checkin)
            .where(Checkin.owner_id == owner_id, Checkin.day == bindparam("morning"), Checkin.sleep_quality.is_(None))
            .values(sleep_quality=bindparam("quality"))
        )
        s.connection().execute(rated, [{"morning": day, "quality": quality} for day, quality in health.sleep])


def _history(profile: Profile, years: float, seed: int, today: date | None, regions: Sequence[str]) -> DemoHistory:
    return demo_history(
        years=years, seed=seed, today=today or date.today(), regions=regions, pain_limit=profile.pain_limit
    )


@retry_busy
def fill_demo(ctx: Ctx, *, years: float, seed: int = 1, today: date | None = None) -> int:
    """Add about `years` of made-up history for ctx's owner (their tracked regions); returns sessions written."""
    with ctx.db.write() as s:
        profile = s.get_one(Profile, ctx.owner_id)
        regions = [r for r in profile.regions.split(",") if r] or list(DEFAULT_REGIONS)
        return _write(s, ctx.owner_id, _history(profile, years, seed, today, regions))


@retry_busy
def fill_demo_once(
    ctx: Ctx, *, years: float, seed: int = 1, today: date | None = None, regions: Sequence[str] = DEMO_REGIONS
) -> int:
    """Fill an owner who has no sessions yet (tracking `regions`); returns sessions written, 0 if already filled.

    The check and the write share one locked transaction, so two first clicks cannot fill twice.
    """
    with ctx.db.write() as s:
        profile = s.get_one(Profile, ctx.owner_id, with_for_update=True)
        if s.scalar(select(ExerciseSession.id).where(ExerciseSession.owner_id == ctx.owner_id).limit(1)) is not None:
            return 0
        profile.regions = ",".join(regions)
        return _write(s, ctx.owner_id, _history(profile, years, seed, today, regions))

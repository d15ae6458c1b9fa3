"""Function goals (PSFS): add and retire activities, rate them, and read back the history and what is due."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session as OrmSession

from db.engine import retry_busy
from db.models import FunctionGoal, Profile, PsfsRating
from services.context import Ctx, settings_of
from tracker import psfs
from tracker.errors import NotFoundError, ValidationError
from tracker.rules import thresholds


@dataclass(frozen=True)
class Goal:
    """An activity with its ratings (day, score), oldest first."""

    id: int
    activity: str
    created_on: date
    retired_on: date | None
    ratings: tuple[tuple[date, int], ...]

    @property
    def latest(self) -> int | None:
        """The most recent rating, if any."""
        return self.ratings[-1][1] if self.ratings else None


@dataclass(frozen=True)
class FunctionGoals:
    """Everything the function-goals page and Today need."""

    active: list[Goal]
    retired: list[Goal]
    rounds: list[psfs.Round]
    interval_days: int
    due: bool
    next_due: date | None

    @property
    def change(self) -> psfs.Change | None:
        """Change in the average from the first round to the latest."""
        return psfs.average_change(self.rounds)


def _active(s: OrmSession, ctx: Ctx) -> list[FunctionGoal]:
    return list(
        s.scalars(
            select(FunctionGoal)
            .where(FunctionGoal.owner_id == ctx.owner_id, FunctionGoal.retired_on.is_(None))
            .order_by(FunctionGoal.position, FunctionGoal.id)
        )
    )


def _owned(s: OrmSession, ctx: Ctx, goal_id: int) -> FunctionGoal:
    goal = s.scalars(
        select(FunctionGoal).where(FunctionGoal.id == goal_id, FunctionGoal.owner_id == ctx.owner_id)
    ).one_or_none()
    if goal is None:
        raise NotFoundError(f"Activity {goal_id} was not found.")
    return goal


@retry_busy
def add_goal(ctx: Ctx, raw: Mapping[str, Any], *, today: date | None = None) -> str:
    """Add an activity to rate (at most 5 at a time); returns it as stored."""
    today = today or date.today()
    with ctx.db.write() as s:
        active = _active(s, ctx)
        record = psfs.check_activity(raw, today=today, active=[g.activity for g in active])
        last = s.scalar(select(func.max(FunctionGoal.position)).where(FunctionGoal.owner_id == ctx.owner_id))
        s.add(
            FunctionGoal(
                owner_id=ctx.owner_id, activity=record.activity, created_on=record.created_on, position=(last or 0) + 1
            )
        )
    return record.activity


@retry_busy
def retire_goal(ctx: Ctx, goal_id: int, *, today: date | None = None) -> str:
    """Stop rating an activity from today on; its ratings stay in the history. Returns its name."""
    today = today or date.today()
    with ctx.db.write() as s:
        goal = _owned(s, ctx, goal_id)
        if goal.retired_on is not None:
            raise ValidationError({"form": f"{goal.activity!r} was already retired on {goal.retired_on}."})
        goal.retired_on = psfs.check_retired(goal.created_on, today, today=today)
        return goal.activity


@retry_busy
def rate_goals(ctx: Ctx, day: object, scores: Mapping[int, object], *, today: date | None = None) -> psfs.Round:
    """Store one rating round for the active activities (a second rating the same day replaces the first)."""
    checked_day, checked = psfs.check_scores(day, scores, today=today or date.today())
    with ctx.db.write() as s:
        active = {g.id: g for g in _active(s, ctx)}
        if unknown := set(checked) - set(active):
            raise NotFoundError(f"Activity {min(unknown)} was not found.")
        for goal_id, score in checked.items():
            if checked_day < active[goal_id].created_on:
                raise ValidationError({"day": f"Date {checked_day} is before {active[goal_id].activity!r} was added."})
            row = s.scalars(
                select(PsfsRating).where(PsfsRating.goal_id == goal_id, PsfsRating.day == checked_day)
            ).one_or_none()
            if row is None:
                row = PsfsRating(owner_id=ctx.owner_id, goal_id=goal_id, day=checked_day)
                s.add(row)
            row.score = score
    return psfs.Round(checked_day, checked)


def function_goals(ctx: Ctx, *, today: date | None = None) -> FunctionGoals:
    """The owner's activities (active and retired) with their ratings, the rounds, and whether rating is due."""
    today = today or date.today()
    with ctx.db.read() as s:
        interval = thresholds(settings_of(s.get_one(Profile, ctx.owner_id)).rules).count("psfs_interval_days")
        views = goals_in(s, ctx.owner_id)
    ratings = sorted(((g.id, day, score) for g in views for day, score in g.ratings), key=lambda r: r[1])
    active = [g for g in views if g.retired_on is None]
    last = max((g.ratings[-1][0] for g in active if g.ratings), default=None)
    return FunctionGoals(
        active,
        [g for g in views if g.retired_on is not None],
        psfs.rounds(ratings),
        interval,
        psfs.is_due(last, interval, today=today, active=len(active)),
        psfs.next_due(last, interval),
    )


def goals_in(s: OrmSession, owner_id: int) -> list[Goal]:
    """Every activity of the owner (active and retired) in the person's order, with its ratings, read in the
    caller's transaction `s`."""
    goals = s.scalars(
        select(FunctionGoal).where(FunctionGoal.owner_id == owner_id).order_by(FunctionGoal.position, FunctionGoal.id)
    ).all()
    ratings = s.execute(
        select(PsfsRating.goal_id, PsfsRating.day, PsfsRating.score)
        .where(PsfsRating.owner_id == owner_id)
        .order_by(PsfsRating.day)
    ).all()
    by_goal: dict[int, list[tuple[date, int]]] = {}
    for goal_id, day, score in ratings:
        by_goal.setdefault(goal_id, []).append((day, score))
    return [Goal(g.id, g.activity, g.created_on, g.retired_on, tuple(by_goal.get(g.id, ()))) for g in goals]

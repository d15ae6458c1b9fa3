"""The import's function goals, PSFS ratings, PGIC answers, medication and sleep: checked, then written.

Kept beside services/transfer.py, which calls check_health with the other checks and add_health in the same unit
of work after its own writes; a row already stored is left alone, as for sessions and check-ins.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session as OrmSession

from db.models import AsNeededDose, Checkin, FunctionGoal, Medication, PgicAnswer, PsfsRating
from formats.readers.model import Parsed, Problem, RawItem
from services.import_result import ImportResult
from tracker import psfs
from tracker.errors import ValidationError
from tracker.medication import Dose, Regular, check_dose, check_regular
from tracker.pgic import PgicRecord, check_pgic
from tracker.sleep import check_sleep

GoalKey = tuple[str, date]
"""An activity as the export names it: its words and the day it was added."""


@dataclass(frozen=True)
class Goal:
    """A function goal from the file, checked."""

    activity: str
    created_on: date
    retired_on: date | None


@dataclass(frozen=True)
class Health:
    """The checked rows, ready to write."""

    goals: list[Goal]
    ratings: list[tuple[GoalKey, date, int]]
    pgic: list[PgicRecord]
    medications: list[Regular]
    doses: list[Dose]
    sleep: list[tuple[date, str, int]]


def _each(items: list[RawItem], check: Callable[[dict[str, Any]], Any], problems: list[Problem]) -> list[Any]:
    found = []
    for item in items:
        try:
            found.append(check(item.raw))
        except ValidationError as error:
            problems.extend(Problem(item.where[0], item.where[1], message) for message in error.errors.values())
    return found


def _goal(raw: dict[str, Any], today: date) -> Goal:
    added = psfs.check_activity({"activity": raw["activity"], "created_on": raw["created_on"]}, today=today)
    retired = raw["retired_on"]
    return Goal(added.activity, added.created_on, None if retired is None else psfs.check_retired(
        added.created_on, retired, today=today))  # fmt: skip


def _rating(raw: dict[str, Any], today: date, goals: set[GoalKey]) -> tuple[GoalKey, date, int]:
    psfs.check_stored_rating(raw, today=today)
    key = (str(raw["activity"]).strip(), raw["activity_created_on"])
    if key not in goals:
        raise ValidationError({"activity": f"Activity {key[0]!r} added on {key[1]} is not in function_goals.csv."})
    return key, raw["day"], round(float(raw["score"]))


def _sleep(raw: dict[str, Any]) -> tuple[date, str, int] | None:
    checked = check_sleep(raw.get("sleep"))
    return None if checked is None else (raw["day"], raw["region"], checked)


def check_health(s: OrmSession, owner_id: int, parsed: Parsed, problems: list[Problem], now: datetime) -> Health:
    """Check every new row like the forms do; each problem names its file and line."""
    today = now.date()
    goals: list[Goal] = []
    for item in parsed.goals:
        checked = _each([item], lambda raw: _goal(raw, today), problems)
        if checked and any((g.activity, g.created_on) == (checked[0].activity, checked[0].created_on) for g in goals):
            problems.append(Problem(*item.where, f"Activity {checked[0].activity!r} is listed twice for the same day."))
        goals += checked
    # An activity with a problem of its own still names its ratings: one message for it, not one per rating.
    keys = {(str(item.raw["activity"]).strip(), item.raw["created_on"]) for item in parsed.goals}
    stored = s.execute(select(FunctionGoal.activity, FunctionGoal.created_on).where(FunctionGoal.owner_id == owner_id))
    keys |= {(activity, created) for activity, created in stored}
    return Health(
        goals,
        _each(parsed.psfs, lambda raw: _rating(raw, today, keys), problems),
        _each(parsed.pgic, lambda raw: check_pgic(raw, today=today), problems),
        _each(parsed.medications, lambda raw: check_regular(raw, today=today), problems),
        _each(parsed.doses, lambda raw: check_dose(raw, now=now), problems),
        [found for found in _each(parsed.checkins, _sleep, problems) if found is not None],
    )


def add_health(s: OrmSession, owner_id: int, health: Health, result: ImportResult) -> ImportResult:
    """Write what is not stored yet (after the check-ins, so sleep finds its morning); the result counts it."""
    if not result.written:
        return result
    ids = _goal_ids(s, owner_id, health.goals)
    rated = set(s.execute(select(PsfsRating.goal_id, PsfsRating.day).where(PsfsRating.owner_id == owner_id)))
    ratings = {(ids[key], day): score for key, day, score in health.ratings if (ids[key], day) not in rated}
    s.add_all(PsfsRating(owner_id=owner_id, goal_id=g, day=day, score=score) for (g, day), score in ratings.items())
    answered = set(s.scalars(select(PgicAnswer.day).where(PgicAnswer.owner_id == owner_id)))
    answers = {a.day: a.score for a in health.pgic if a.day not in answered}
    s.add_all(PgicAnswer(owner_id=owner_id, day=day, score=score) for day, score in answers.items())
    taken = set(s.execute(select(Medication.name, Medication.dose, Medication.unit, Medication.start_day,
                                 Medication.end_day).where(Medication.owner_id == owner_id)))  # fmt: skip
    regular = {(m.name, m.dose, m.unit, m.start, m.end) for m in health.medications} - taken
    s.add_all(
        Medication(owner_id=owner_id, name=n, dose=d, unit=u, start_day=a, end_day=b) for n, d, u, a, b in regular
    )
    logged = set(s.execute(select(AsNeededDose.name, AsNeededDose.dose, AsNeededDose.unit, AsNeededDose.taken_at)
                           .where(AsNeededDose.owner_id == owner_id)))  # fmt: skip
    doses = {(d.name, d.dose, d.unit, d.taken_at) for d in health.doses} - logged
    s.add_all(AsNeededDose(owner_id=owner_id, name=n, dose=d, unit=u, taken_at=t) for n, d, u, t in doses)
    for day, region, quality in health.sleep:
        s.execute(update(Checkin).where(Checkin.owner_id == owner_id, Checkin.day == day, Checkin.region == region,
                                        Checkin.sleep_quality.is_(None)).values(sleep_quality=quality))  # fmt: skip
    parts = counts_of((len(ids.new), len(ratings), len(answers), len(regular), len(doses)))
    added = sum(n for n, _one, _many in parts)
    return replace(result, health_parts=parts, already_there=result.already_there + sum(given(health)) - added)


# The kinds of row a Health holds, in its order, as one and as several.
KINDS = (
    ("function goal", "function goals"),
    ("function goal rating", "function goal ratings"),
    ("impression-of-change answer", "impression-of-change answers"),
    ("regular medication", "regular medications"),
    ("as-needed dose", "as-needed doses"),
)


def given(health: Health) -> tuple[int, ...]:
    """How many rows of each of KINDS the file holds."""
    return (len(health.goals), len(health.ratings), len(health.pgic), len(health.medications), len(health.doses))


def counts_of(numbers: tuple[int, ...]) -> tuple[tuple[int, str, str], ...]:
    """Counts in KINDS' order with their words: (how many, one's name, several's name)."""
    return tuple((n, one, many) for n, (one, many) in zip(numbers, KINDS, strict=True))


class _Ids(dict[GoalKey, int]):
    """Goal ids by key, and which keys were added by this import."""

    new: set[GoalKey]


def _goal_ids(s: OrmSession, owner_id: int, goals: list[Goal]) -> _Ids:
    stored = s.execute(select(FunctionGoal.activity, FunctionGoal.created_on, FunctionGoal.id).where(
        FunctionGoal.owner_id == owner_id))  # fmt: skip
    ids = _Ids({(activity, created): goal_id for activity, created, goal_id in stored})
    ids.new = set()
    last = s.scalar(select(func.max(FunctionGoal.position)).where(FunctionGoal.owner_id == owner_id)) or 0
    for goal in goals:
        key = (goal.activity, goal.created_on)
        if key in ids:
            continue
        last += 1
        row = FunctionGoal(owner_id=owner_id, activity=goal.activity, created_on=goal.created_on,
                           retired_on=goal.retired_on, position=last)  # fmt: skip
        s.add(row)
        s.flush()  # the ratings below need its id
        ids[key] = row.id
        ids.new.add(key)
    return ids

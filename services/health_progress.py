"""Function goals, medication and sleep for the Progress and Function goals pages: plain values and words.

Read in the caller's transaction (services/progress.py), so each part of the Progress page stays one read.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from db.models import AsNeededDose, FunctionGoal, Medication, PsfsRating
from formats.health_rows import dose_count_rows, pain_medication_rows, psfs_rows
from services.function_goals import FunctionGoals
from services.sleep import nights_in
from tracker import psfs
from tracker.advice import day_text
from tracker.medication import Dose, Regular, changes, doses_per_week, spans
from tracker.sleep import sleep_and_pain
from tracker.trends import Bucket, bucket_mean

# How to read the function-goals chart, wherever it is drawn.
PSFS_KEY = (
    "The thick dark line is the average of your activities (each rated 0 unable to 10 as before the problem). The "
    f"grey band reaches {psfs.MCID_AVERAGE:g} points either side of the first average: inside it the average may "
    "just be the ordinary ups and downs; above its dashed top edge it has improved enough to matter. A ring marks a "
    f"latest rating that moved far enough from the first one to matter: {psfs.MCID_AVERAGE:g} points for the "
    f"average, {psfs.MCID_ACTIVITY:g} for one activity."
)


@dataclass(frozen=True)
class PsfsPicture:
    """The function-goals chart's rows and arguments, and one line saying what changed."""

    rows: pd.DataFrame
    activities: tuple[str, ...]
    baseline: float | None
    words: str


@dataclass(frozen=True)
class MedicationViews:
    """Medication in one date range, drawn on the pain trend."""

    pain_medication: pd.DataFrame
    """The pain trend's rows with medication spans and doses (empty when no medication touches the range)."""
    dose_counts: pd.DataFrame
    medication_line: str


@dataclass(frozen=True)
class GoalSleepViews:
    """Function goals and sleep in one date range, chart-ready."""

    psfs: PsfsPicture
    sleep: pd.DataFrame
    sleep_line: str


@dataclass(frozen=True)
class HealthViews(GoalSleepViews, MedicationViews):
    """Function goals, medication and sleep in one date range, chart-ready."""


def psfs_words(activities: Sequence[tuple[str, Sequence[tuple[date, int]]]], rounds: Sequence[psfs.Round]) -> str:
    """What changed from the first round to the latest: the average, then each activity that moved enough."""
    if not rounds:
        return ""
    if len(rounds) == 1:
        return (
            f"One rating round so far ({day_text(rounds[0].day)}, average {rounds[0].average:g}); rate again in a week "
            "or two to see what changes."
        )
    change = psfs.average_change(rounds)
    assert change is not None
    line = f"Since {day_text(rounds[0].day)} the average moved {change.words}."
    moved = [
        f"{name} {series[-1][1] - series[0][1]:+d}"
        for name, series in activities
        if len(series) > 1 and abs(series[-1][1] - series[0][1]) >= psfs.MCID_ACTIVITY
    ]
    if moved:
        line += f" Moved {psfs.MCID_ACTIVITY:g} points or more on their own: {', '.join(moved)}."
    return line


def psfs_picture(
    activities: Sequence[tuple[str, Sequence[tuple[date, int]]]], rounds: Sequence[psfs.Round]
) -> PsfsPicture:
    """The chart and words for activities (name, ratings oldest first) and the rounds they make."""
    rated = [(name, tuple(series)) for name, series in activities if series]
    frame = psfs_rows(rated, [(r.day, r.average) for r in rounds])
    baseline = rounds[0].average if len(rounds) > 1 else None
    return PsfsPicture(frame, tuple(name for name, _ in rated), baseline, psfs_words(rated, rounds))


def goals_picture(goals: FunctionGoals) -> PsfsPicture:
    """The Function goals page's chart: every activity (retired ones too) over all rounds."""
    return psfs_picture([(g.activity, g.ratings) for g in [*goals.active, *goals.retired]], goals.rounds)


def _psfs_in(s: OrmSession, owner_id: int, start: date, end: date) -> PsfsPicture:
    rows = s.execute(
        select(FunctionGoal.id, FunctionGoal.activity, PsfsRating.day, PsfsRating.score)
        .join(PsfsRating, PsfsRating.goal_id == FunctionGoal.id)
        .where(FunctionGoal.owner_id == owner_id, PsfsRating.day >= start, PsfsRating.day <= end)
        .order_by(FunctionGoal.position, FunctionGoal.id, PsfsRating.day)
    ).all()
    series: dict[int, tuple[str, list[tuple[date, int]]]] = {}
    for goal_id, activity, day, score in rows:
        series.setdefault(goal_id, (activity, []))[1].append((day, score))
    rounds = psfs.rounds((goal_id, day, score) for goal_id, _, day, score in rows)
    return psfs_picture(list(series.values()), rounds)


def _medication_in(s: OrmSession, owner_id: int, start: date, end: date) -> tuple[list[Regular], list[Dose]]:
    # Plain rows, not ORM objects: nothing here is changed, and loading objects cost more than the reads.
    regular = [
        Regular(*row)
        for row in s.execute(
            select(Medication.name, Medication.dose, Medication.unit, Medication.start_day, Medication.end_day)
            .where(Medication.owner_id == owner_id)
            .order_by(Medication.start_day, Medication.id)
        )
    ]
    since, until = datetime.combine(start, time()), datetime.combine(end + timedelta(days=1), time())
    doses = [
        Dose(*row)
        for row in s.execute(
            select(AsNeededDose.name, AsNeededDose.dose, AsNeededDose.unit, AsNeededDose.taken_at)
            .where(AsNeededDose.owner_id == owner_id, AsNeededDose.taken_at >= since, AsNeededDose.taken_at < until)
            .order_by(AsNeededDose.taken_at, AsNeededDose.id)
        )
    ]
    return regular, doses


def _medication_line(regular: Sequence[Regular], start: date, end: date) -> str:
    if not regular:
        return ""
    found = changes(regular, start, end)
    if not found:
        return "Regular medication: no starts, stops or dose changes in this period."
    return "Medication changes in this period: " + "; ".join(f"{day_text(c.day)} {c.text}" for c in found) + "."


def medication_views_in(s: OrmSession, owner_id: int, *, start: date, end: date, pain: pd.DataFrame) -> MedicationViews:
    """Medication between start and end, joined to the pain trend's rows `pain`."""
    regular, doses = _medication_in(s, owner_id, start, end)
    # The chart starts at its first point, the start of the bucket holding `start` (a Monday, say): medication taken
    # into the period from before it is shaded from there too, or that first week would read as without it. Only
    # what the period holds is shaded (page 1 lists the same).
    drawn_from = min(start, pain["period"].iloc[0].date()) if not pain.empty else start
    shown = spans([r for r in regular if spans([r], start, end)], drawn_from, end)
    counts = [(week, name, n) for (week, name), n in doses_per_week(doses).items()]
    return MedicationViews(
        pain_medication=pain_medication_rows(pain, shown, doses) if shown or doses else pain.iloc[0:0],
        dose_counts=dose_count_rows(counts),
        medication_line=_medication_line(regular, start, end),
    )


def goal_sleep_views_in(
    s: OrmSession, owner_id: int, *, start: date, end: date, bucket: Bucket, daily_pain: Mapping[date, float]
) -> GoalSleepViews:
    """Function goals and sleep between start and end (sleep against the day's pain `daily_pain`)."""
    nights = nights_in(s, owner_id, start, end)
    sleep = pd.DataFrame(
        [(b.start, b.value, b.count) for b in bucket_mean(nights.items(), bucket)],
        columns=["period", "sleep", "nights"],
    )
    sleep["period"] = pd.to_datetime(sleep["period"])
    return GoalSleepViews(
        psfs=_psfs_in(s, owner_id, start, end),
        sleep=sleep,
        sleep_line=sleep_and_pain(daily_pain, nights).text if nights else "",
    )

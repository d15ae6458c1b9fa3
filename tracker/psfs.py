"""Patient-Specific Functional Scale: activities in the person's own words, each rated 0-10 every week or two."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import fmean
from typing import Any

from tracker import validation as v
from tracker.errors import ValidationError

SCORE_MIN = 0  # unable to do the activity
SCORE_MAX = 10  # able to do it as before the problem
# Stratford et al., Physiotherapy Canada 1995: the scale asks for 3 to 5 activities.
MIN_ACTIVE = 3
MAX_ACTIVE = 5
# Stratford 1995 (and later PSFS studies): about 2 points on the average of the activities, or about 3 on
# a single activity, is a change that matters to the person rather than the wobble of a rating.
MCID_AVERAGE = 2.0
MCID_ACTIVITY = 3.0
DECIMALS = 1


@dataclass(frozen=True)
class ActivityRecord:
    """A new activity, checked: the person's own words."""

    activity: str
    created_on: date


def check_activity(raw: Mapping[str, Any], *, today: date, active: Sequence[str] = ()) -> ActivityRecord:
    """Validate a new activity against the ones already being rated (`active`)."""
    errors = v.Errors()
    name = v.text(errors, "activity", raw.get("activity"), label="Activity", max_len=v.MAX_NAME, required=True)
    created = v.day(errors, "created_on", raw.get("created_on", today), label="Date added", today=today)
    if "activity" not in errors and name.casefold() in {a.casefold() for a in active}:
        errors["activity"] = f"Activity {name!r} is already on your list."
    elif "activity" not in errors and len(active) >= MAX_ACTIVE:
        errors["activity"] = (
            f"Activity: you already rate {MAX_ACTIVE} activities, the most the scale uses; retire one first."
        )
    if errors:
        raise ValidationError(errors)
    assert created is not None
    return ActivityRecord(name, created)


def check_retired(created_on: date, retired_on: object, *, today: date) -> date:
    """Validate the day an activity is retired: not before it was added, not in the future."""
    errors = v.Errors()
    retired = v.day(errors, "retired_on", retired_on, label="Date retired", today=today)
    if retired is not None and retired < created_on:
        errors["retired_on"] = f"Date retired {retired:%Y-%m-%d} is before the activity was added ({created_on})."
    if errors:
        raise ValidationError(errors)
    assert retired is not None
    return retired


def check_scores(day: object, scores: Mapping[int, object], *, today: date) -> tuple[date, dict[int, int]]:
    """Validate one rating round: a day and a 0-10 whole number for each activity id (`score.<id>` fields)."""
    errors = v.Errors()
    checked_day = v.day(errors, "day", day, label="Date", today=today)
    checked: dict[int, int] = {}
    for goal, value in scores.items():
        score = v.number(
            errors, f"score.{goal}", value, label="Rating", lo=SCORE_MIN, hi=SCORE_MAX, integer=True, required=False
        )
        if score is not None:
            checked[goal] = int(score)
    if not checked and not any(k.startswith("score.") for k in errors):
        errors["scores"] = "Rate at least one activity (0 = unable, 10 = as before the problem)."
    if errors:
        raise ValidationError(errors)
    assert checked_day is not None
    return checked_day, checked


def check_stored_rating(raw: Mapping[str, Any], *, today: date) -> None:
    """Validate one stored rating (from a backup): its day and score."""
    check_scores(raw.get("day"), {0: raw.get("score")}, today=today)


def count_advice(active: int) -> str | None:
    """A line when the number of active activities is outside what the scale asks for, else None."""
    if active < MIN_ACTIVE:
        more = MIN_ACTIVE - active
        return (
            f"The scale works best with {MIN_ACTIVE} to {MAX_ACTIVE} activities: name {more} more "
            "so one good or bad day at a single task weighs less."
        )
    return None


@dataclass(frozen=True)
class Round:
    """The ratings given on one day, and their average."""

    day: date
    scores: Mapping[int, int]

    @property
    def average(self) -> float:
        """Mean rating of the activities rated that day."""
        return round(fmean(self.scores.values()), DECIMALS)


def rounds(ratings: Iterable[tuple[int, date, int]]) -> list[Round]:
    """Ratings (activity id, day, score) grouped into one round per day, oldest first."""
    by_day: dict[date, dict[int, int]] = defaultdict(dict)
    for goal, day, score in ratings:
        by_day[day][goal] = score
    return [Round(day, scores) for day, scores in sorted(by_day.items())]


def next_due(last_rated: date | None, interval_days: int) -> date | None:
    """The day the next rating round is due; None when nothing was rated yet (due now)."""
    return None if last_rated is None else last_rated + timedelta(days=interval_days)


def is_due(last_rated: date | None, interval_days: int, *, today: date, active: int) -> bool:
    """True when there are activities to rate and none was rated within the interval."""
    due = next_due(last_rated, interval_days)
    return active > 0 and (due is None or due <= today)


@dataclass(frozen=True)
class Change:
    """From the first to the latest rating: points up (better) or down, and whether that matters."""

    points: float
    important: bool

    @property
    def words(self) -> str:
        """Plain words, cautious below the clinically important size."""
        if not self.important:
            return f"{self.points:+.1f} points, within the usual day-to-day wobble"
        better = "better" if self.points > 0 else "worse"
        return f"{self.points:+.1f} points, a change large enough to matter ({better})"


def average_change(all_rounds: Sequence[Round]) -> Change | None:
    """Change in the average from the first round to the latest; None before a second round."""
    if len(all_rounds) < 2:
        return None
    points = round(all_rounds[-1].average - all_rounds[0].average, DECIMALS)
    return Change(points, abs(points) >= MCID_AVERAGE)


def activity_changes(all_rounds: Sequence[Round]) -> dict[int, Change]:
    """For each activity rated at least twice: its first rating against its latest."""
    first: dict[int, int] = {}
    latest: dict[int, int] = {}
    seen: dict[int, int] = defaultdict(int)
    for r in all_rounds:
        for goal, score in r.scores.items():
            first.setdefault(goal, score)
            latest[goal] = score
            seen[goal] += 1
    return {
        goal: Change(float(latest[goal] - first[goal]), abs(latest[goal] - first[goal]) >= MCID_ACTIVITY)
        for goal in first
        if seen[goal] >= 2
    }

"""Patient Global Impression of Change: one question, seven answers, asked about once a month."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from tracker import validation as v
from tracker.errors import ValidationError

QUESTION = "Since you started using Threshold, how would you describe your condition overall?"
# 1 is the best answer and 7 the worst, as the scale is usually scored.
LABELS: dict[int, str] = {
    1: "Very much improved",
    2: "Much improved",
    3: "A little improved",
    4: "No change",
    5: "A little worse",
    6: "Much worse",
    7: "Very much worse",
}
# Asked monthly: often enough to follow a course of treatment, rarely enough not to become a habit.
INTERVAL_DAYS = 30


@dataclass(frozen=True)
class PgicRecord:
    """One answer: its day and score 1-7."""

    day: date
    score: int

    @property
    def label(self) -> str:
        """The answer in words."""
        return LABELS[self.score]


def check_pgic(raw: Mapping[str, Any], *, today: date) -> PgicRecord:
    """Validate an answer: a day and a whole number 1-7."""
    errors = v.Errors()
    day = v.day(errors, "day", raw.get("day"), label="Date", today=today)
    score = v.number(errors, "score", raw.get("score"), label="Overall change", lo=1, hi=7, integer=True)
    if errors:
        raise ValidationError(errors)
    assert day is not None and score is not None
    return PgicRecord(day, int(score))


def is_due(started: date, last_answer: date | None, *, today: date) -> bool:
    """Due a month after starting, then a month after each answer ("since you started" needs time to mean much)."""
    since = last_answer or started
    return (today - since) >= timedelta(days=INTERVAL_DAYS)

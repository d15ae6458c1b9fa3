"""Pain and activity over time: time buckets, daily pain, rolling averages, baseline against recent pain."""

from __future__ import annotations

from calendar import monthrange
from collections import defaultdict, deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from statistics import fmean
from typing import Literal, NamedTuple

from tracker.pain import Change, pain_change, peg_score

Bucket = Literal["day", "week", "month", "quarter"]
# One point a day up to about three months, a week up to three years, a month up to six, then a quarter:
# a series has at most about 160 points, and 40 at ten years, however long the history.
DAY_RANGE_MAX = 92
WEEK_RANGE_MAX = 3 * 366
MONTH_RANGE_MAX = 6 * 366
ROLLING_DAYS = 7
COMPARE_DAYS = 14
DECIMALS = 2
# Pain levels in sentences: one decimal, as a 0-10 scale is read.
SHOWN_DECIMALS = 1


def bucket_for(start: date, end: date) -> Bucket:
    """The time bucket for a date range (both ends included), from its length."""
    days = (end - start).days + 1
    if days <= DAY_RANGE_MAX:
        return "day"
    if days <= WEEK_RANGE_MAX:
        return "week"
    return "month" if days <= MONTH_RANGE_MAX else "quarter"


@lru_cache(maxsize=16384)
def bucket_start(day: date, bucket: Bucket) -> date:
    """The first day of the bucket holding `day` (weeks start on Monday, quarters in January, April...)."""
    if bucket == "day":
        return day
    if bucket == "week":
        return day - timedelta(days=day.weekday())
    if bucket == "quarter":
        return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    return day.replace(day=1)


def bucket_days(start: date, bucket: Bucket) -> int:
    """How many days the bucket beginning at `start` spans."""
    if bucket == "day":
        return 1
    if bucket == "week":
        return 7
    months = 3 if bucket == "quarter" else 1
    return sum(monthrange(start.year, start.month + i)[1] for i in range(months))


def at_least_weekly(bucket: Bucket) -> Bucket:
    """Weekly measures (PEG, minutes per week) are never split finer than a week."""
    return "week" if bucket == "day" else bucket


@dataclass(frozen=True)
class BucketValue:
    """The mean of the values that fell in one time bucket, and how many there were."""

    start: date
    value: float
    count: int


def bucket_mean(points: Iterable[tuple[date, float]], bucket: Bucket) -> list[BucketValue]:
    """Mean value per bucket, oldest first; buckets without values are left out (gaps stay gaps)."""
    groups: dict[date, list[float]] = defaultdict(list)
    for day, value in points:
        groups[bucket_start(day, bucket)].append(float(value))
    return [BucketValue(start, round(fmean(vals), DECIMALS), len(vals)) for start, vals in sorted(groups.items())]


class DayPain(NamedTuple):
    """Mean pain (0-10) of all ratings given on one day (a named tuple: ten years make 3,600 of them per page)."""

    day: date
    pain: float
    ratings: int


def daily_pain(totals: Iterable[tuple[date, float, int]]) -> list[DayPain]:
    """Daily mean pain from (day, sum of ratings, number of ratings) parts; a day may come in several parts."""
    parts: dict[date, list[float]] = {}
    for day, total, count in totals:
        if count > 0:
            found = parts.get(day)
            if found is None:
                parts[day] = [float(total), int(count)]
            else:
                found[0] += float(total)
                found[1] += int(count)
    return [DayPain(day, round(total / count, DECIMALS), int(count)) for day, (total, count) in sorted(parts.items())]


@dataclass(frozen=True)
class PainPoint:
    """One point of the pain trend: the period's pain, its smoothed trend and the lowest and highest day."""

    start: date
    pain: float
    trend: float
    low: float
    high: float
    days: int


def rolling(days: Sequence[DayPain], window: int = ROLLING_DAYS) -> list[PainPoint]:
    """For each rated day: the mean, lowest and highest daily pain over the `window` calendar days ending there.

    Days without ratings are gaps, not zeros: the window then simply holds fewer days.
    """
    held: deque[DayPain] = deque()
    points: list[PainPoint] = []
    for today in sorted(days, key=lambda d: d.day):
        held.append(today)
        while held[0].day <= today.day - timedelta(days=window):
            held.popleft()
        values = [d.pain for d in held]
        points.append(
            PainPoint(today.day, today.pain, round(fmean(values), DECIMALS), min(values), max(values), len(values))
        )
    return points


def pain_series(days: Sequence[DayPain], bucket: Bucket) -> list[PainPoint]:
    """The pain trend at the bucket's scale: daily with a 7-day rolling mean, else the period mean and range."""
    if bucket == "day":
        return rolling(days)
    groups: dict[date, list[float]] = defaultdict(list)
    for d in days:
        groups[bucket_start(d.day, bucket)].append(d.pain)
    points = []
    for start, values in sorted(groups.items()):
        mean = round(fmean(values), DECIMALS)
        points.append(PainPoint(start, mean, mean, min(values), max(values), len(values)))
    return points


@dataclass(frozen=True)
class Comparison:
    """Baseline pain (first days of a range) against the most recent days, or how long until it can be made."""

    change: Change | None
    span: int
    days_needed: int

    @property
    def text(self) -> str:
        """One line for the page and the report."""
        if self.change is None and self.days_needed >= 2 * self.span:  # nothing rated yet: no countdown to run
            return f"Baseline against recent pain needs {2 * self.span} days from your first rating; none yet."
        if self.change is None:
            return (
                f"Baseline against recent pain needs {2 * self.span} days from your first rating "
                f"({self.days_needed} more to go)."
            )
        c = self.change
        percent = "" if c.percent is None else f", {c.percent:+.0f}%"
        return (
            f"Baseline (first {self.span} days) {c.baseline:.1f} against the last {self.span} days {c.current:.1f}: "
            f"{c.points:+.1f} points{percent}, {c.label}."
        )


def baseline_vs_recent(days: Sequence[DayPain], span: int = COMPARE_DAYS) -> Comparison:
    """Mean daily pain of the first `span` calendar days against the last `span` days, once they do not overlap."""
    if not days:
        return Comparison(None, span, 2 * span)
    first, last = min(d.day for d in days), max(d.day for d in days)
    covered = (last - first).days + 1
    if covered < 2 * span:
        return Comparison(None, span, 2 * span - covered)
    base_end, recent_start = first + timedelta(days=span), last - timedelta(days=span)
    base = [d.pain for d in days if d.day < base_end]
    recent = [d.pain for d in days if d.day > recent_start]
    # Compared as shown (one decimal), so the points and percent printed beside them add up.
    shown = round(fmean(base), SHOWN_DECIMALS), round(fmean(recent), SHOWN_DECIMALS)
    return Comparison(pain_change(*shown), span, 0)


@dataclass(frozen=True)
class ModalityMinutes:
    """Cardio minutes per week for one modality in one bucket (a week, or the weekly average over a month)."""

    start: date
    modality: str
    per_week: float
    total: float


def cardio_per_week(entries: Iterable[tuple[date, str, float]], bucket: Bucket) -> list[ModalityMinutes]:
    """Minutes per week by modality: weekly sums, or over months the month's total per 7 days."""
    bucket = at_least_weekly(bucket)
    totals: dict[tuple[date, str], float] = defaultdict(float)
    for day, modality, minutes in entries:
        totals[(bucket_start(day, bucket), modality)] += float(minutes)
    return [
        ModalityMinutes(start, modality, round(total * 7 / bucket_days(start, bucket), 1), round(total, 1))
        for (start, modality), total in sorted(totals.items())
    ]


def peg_series(pegs: Iterable[tuple[date, int, int, int]], bucket: Bucket) -> list[BucketValue]:
    """PEG-3 scores (pain, enjoyment, activity) per week, or the monthly mean over longer ranges."""
    return bucket_mean(((day, peg_score(p, e, a)) for day, p, e, a in pegs), at_least_weekly(bucket))

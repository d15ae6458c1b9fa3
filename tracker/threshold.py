"""Tolerated load ("pain threshold"), e1RM trend and the 24-hour response, per exercise and session."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from tracker.pain import Response, next_morning_response
from tracker.strength import E1RM_MAX_REPS, Formula, e1rm, set_volume
from tracker.trends import Bucket, bucket_start

STRENGTH = "strength"
# Worst first: a session is as bad as its worst region the next morning.
_SEVERITY = {Response.WORSE: 1, Response.SETTLED: 0}


class Status(StrEnum):
    """Whether a session's work counts as tolerated, in words that say why (or why not yet)."""

    TOLERATED = "tolerated"
    """Peak pain within the limit and every region settled by the next morning."""
    OVER = "over the pain limit"
    WORSE = "worse next morning"
    """Within the limit during, but 2 or more points above the pre-session level the next morning."""
    PENDING = "no next-morning rating yet"
    """Within the limit during; neither tolerated nor a failure until the next morning is rated."""
    UNRATED = "no pain rating"


class Measure(StrEnum):
    """How strength work is measured for the tolerated-load trend (cardio and flexibility use minutes)."""

    VOLUME = "volume"
    E1RM = "e1rm"


@dataclass(frozen=True)
class Work:
    """One exercise in one session with the pain around it: sets (kg, reps) for strength, else minutes."""

    day: date
    exercise: str
    category: str
    sets: tuple[tuple[float | None, int], ...] = ()
    minutes: float | None = None
    peak: int | None = None
    response: Response | None = None


def session_response(ratings: Iterable[tuple[int | None, int | None]]) -> Response | None:
    """The session's 24-hour response from (before, next morning) per region: the worst one, None if unrated."""
    found = [
        next_morning_response(before, morning)
        for before, morning in ratings
        if before is not None and morning is not None
    ]
    return max(found, key=_SEVERITY.__getitem__) if found else None


def status(work: Work, limit: int) -> Status:
    """Tolerated only when peak pain stayed within the limit and every region had settled by the next morning."""
    if work.peak is not None and work.peak > limit:
        return Status.OVER
    if work.peak is None:
        return Status.UNRATED
    if work.response is None:
        return Status.PENDING
    return Status.TOLERATED if work.response is Response.SETTLED else Status.WORSE


def amount(work: Work, measure: Measure = Measure.VOLUME, formula: Formula = Formula.EPLEY) -> float | None:
    """The session's work: best set (load x reps, or e1RM), or minutes for cardio and flexibility."""
    if work.category != STRENGTH:
        return float(work.minutes) if work.minutes else None
    if measure is Measure.E1RM:
        found = [x for w, r in work.sets if w and (x := e1rm(w, r, formula)) is not None]
    else:
        found = [set_volume(w, r) for w, r in work.sets]
    return max(found) if found else None


@dataclass(frozen=True)
class LoadPoint:
    """The most work of one status for one exercise in one bucket, and in how many sessions."""

    start: date
    exercise: str
    status: Status
    amount: float
    sessions: int


def tolerated_series(
    works: Iterable[Work],
    limit: int,
    bucket: Bucket,
    measure: Measure = Measure.VOLUME,
    formula: Formula = Formula.EPLEY,
) -> list[LoadPoint]:
    """Per bucket, exercise and status: the most work done and the number of sessions (over-limit ones apart)."""
    best: dict[tuple[date, str, Status], float] = {}
    count: dict[tuple[date, str, Status], int] = defaultdict(int)
    for work in works:
        value = amount(work, measure, formula)
        if value is None:
            continue
        key = (bucket_start(work.day, bucket), work.exercise, status(work, limit))
        best[key] = max(best.get(key, 0.0), value)
        count[key] += 1
    # Unrounded: the caller converts to the user's unit first, then rounds for display.
    return [LoadPoint(s, e, st, best[(s, e, st)], count[(s, e, st)]) for s, e, st in sorted(best)]


def first_amounts(points: Iterable[LoadPoint]) -> dict[str, float]:
    """Each exercise's first tolerated amount (or first amount of any kind): the 100% of its trend."""
    ordered = sorted(points, key=lambda p: (p.start, p.status is not Status.TOLERATED))
    tolerated: dict[str, float] = {}
    anything: dict[str, float] = {}
    for p in ordered:
        anything.setdefault(p.exercise, p.amount)
        if p.status is Status.TOLERATED:
            tolerated.setdefault(p.exercise, p.amount)
    return {name: tolerated.get(name, first) for name, first in anything.items()}


@dataclass(frozen=True)
class Marker:
    """Sessions of one kind that did not count as tolerated (over the limit, unsettled, unrated) in one bucket.

    All exercises together, so a long history adds at most three markers per bucket; `percent` is the
    most work among them as a share of its exercise's first amount, `amount` the most work when one
    exercise is involved (amounts of different exercises do not compare).
    """

    start: date
    status: Status
    sessions: int
    exercises: tuple[str, ...]
    amount: float | None
    percent: float | None


def markers(points: Iterable[LoadPoint], base: Mapping[str, float]) -> list[Marker]:
    """The non-tolerated points of `tolerated_series` merged per bucket and status across exercises."""
    groups: dict[tuple[date, Status], list[LoadPoint]] = defaultdict(list)
    for p in points:
        if p.status is not Status.TOLERATED:
            groups[(p.start, p.status)].append(p)
    found = []
    order = list(Status)
    for (start, kind), group in sorted(groups.items(), key=lambda item: (item[0][0], order.index(item[0][1]))):
        names = tuple(sorted({p.exercise for p in group}))
        shares = [100 * p.amount / base[p.exercise] for p in group if base.get(p.exercise)]
        amount = max(p.amount for p in group) if len(names) == 1 else None
        found.append(
            Marker(start, kind, sum(p.sessions for p in group), names, amount, max(shares) if shares else None)
        )
    return found


@dataclass(frozen=True)
class E1rmPoint:
    """Best estimated one-rep max of an exercise in one bucket; sets over 10 reps are counted, not estimated."""

    start: date
    exercise: str
    e1rm: float | None
    estimated_sets: int
    skipped_sets: int


def e1rm_series(works: Iterable[Work], bucket: Bucket, formula: Formula = Formula.EPLEY) -> list[E1rmPoint]:
    """Per bucket and strength exercise: best e1RM (kg) from loaded sets of 1-10 reps, and how many were left out."""
    best: dict[tuple[date, str], float] = {}
    estimated: dict[tuple[date, str], int] = defaultdict(int)
    skipped: dict[tuple[date, str], int] = defaultdict(int)
    for work in works:
        if work.category != STRENGTH:
            continue
        key = (bucket_start(work.day, bucket), work.exercise)
        for weight, reps in work.sets:
            if not weight:
                continue
            if reps > E1RM_MAX_REPS:
                skipped[key] += 1
                continue
            value = e1rm(weight, reps, formula)
            if value is not None:
                best[key] = max(best.get(key, 0.0), value)
                estimated[key] += 1
    keys = sorted(set(estimated) | set(skipped))
    return [E1rmPoint(s, e, best.get((s, e)), estimated[(s, e)], skipped[(s, e)]) for s, e in keys]


@dataclass(frozen=True)
class ResponseCount:
    """How many sessions in a bucket had one kind of 24-hour response (None: no check-in)."""

    start: date
    response: Response | None
    sessions: int


def response_counts(sessions: Iterable[tuple[date, Response | None]], bucket: Bucket) -> list[ResponseCount]:
    """Sessions per bucket and 24-hour response, oldest first."""
    counts: dict[tuple[date, int], int] = defaultdict(int)
    order = [Response.SETTLED, Response.WORSE, None]
    for day, response in sessions:
        counts[(bucket_start(day, bucket), order.index(response))] += 1
    return [ResponseCount(start, order[i], n) for (start, i), n in sorted(counts.items())]

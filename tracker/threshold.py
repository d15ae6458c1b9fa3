"""A session's status against the pain limit and its 24-hour response; the e1RM trend and response counts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from tracker.pain import Response, next_morning_response
from tracker.strength import Formula, e1rm, rough_e1rm
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
    PENDING = "no next-morning rating"
    """Within the limit during; neither tolerated nor a failure until the next morning is rated."""
    UNRATED = "no pain rating"


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


@dataclass(frozen=True)
class E1rmPoint:
    """Best estimated one-rep max of an exercise in one bucket: from sets of 1-10 reps when there are any,
    else a rough one from sets of 11-20 reps (`rough`); sets over 20 reps are counted, not estimated."""

    start: date
    exercise: str
    e1rm: float | None
    estimated_sets: int
    rough_sets: int
    skipped_sets: int

    @property
    def rough(self) -> bool:
        """True when the estimate rests on sets of 11-20 reps only (less accurate)."""
        return self.estimated_sets == 0 and self.e1rm is not None


def e1rm_series(works: Iterable[Work], bucket: Bucket, formula: Formula = Formula.EPLEY) -> list[E1rmPoint]:
    """Per bucket and strength exercise with loaded sets: the best e1RM (accurate first, else rough) and counts."""
    best: dict[tuple[date, str], float] = {}
    rough: dict[tuple[date, str], float] = {}
    counts: dict[tuple[date, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for work in works:
        if work.category != STRENGTH:
            continue
        key = (bucket_start(work.day, bucket), work.exercise)
        for weight, reps in work.sets:
            if not weight or weight <= 0:
                continue
            if (value := e1rm(weight, reps, formula)) is not None:
                best[key] = max(best.get(key, 0.0), value)
                counts[key][0] += 1
            elif (value := rough_e1rm(weight, reps, formula)) is not None:
                rough[key] = max(rough.get(key, 0.0), value)
                counts[key][1] += 1
            else:
                counts[key][2] += 1
    return [E1rmPoint(s, e, best.get((s, e), rough.get((s, e))), *counts[(s, e)]) for s, e in sorted(counts)]


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

"""Derived Progress data: an owner's efforts and daily pain over their whole history, rebuilt after each write.

The Progress page's headline needs, for any period, each session's effort on each exercise with its status
(db/tolerance_sql.effort_rows) and the daily resting pain (db/progress_days.daily_pain_rows). Worked out from the
records on every read they cost most of an all-time view; kept here, a read slices the days it needs.

The payload is built by the very same reads, over all days, for the profile's pain limit and tracked regions,
with loads in kilograms, so slicing it gives what those reads give for the slice (tests/integration/
test_derived.py checks this after edits, deletes, restores and imports on SQLite and PostgreSQL). It is used
only while valid: triggers (db/derived_triggers.py) mark it stale in the same transaction as any change to
the records it is made from, and the next rebuild (after every write: services.context.bump_data_version) makes
it valid again. A page read with other regions, or while it is stale, reads the records as before.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import fmean
from typing import Any

import numpy as np
from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session as OrmSession

from db.derived_table import DerivedProgress
from db.engine import retry_busy
from db.models import Exercise, Profile
from db.progress_days import daily_pain_rows
from db.progress_sql import MINUTES_DECIMALS, Scope
from db.tolerance_sql import effort_rows
from services.context import Ctx
from tracker.threshold import Status
from tracker.tolerance import Effort
from tracker.trends import (
    COMPARE_DAYS,
    DECIMALS,
    Bucket,
    DayPain,
    PainPoint,
    bucket_days,
    bucket_start,
    daily_pain,
    pain_series,
)

log = logging.getLogger(__name__)

FORMAT = 3
# Every day a record can have (imports refuse dates before 1900 and after today).
ALL_DAYS = (date(1000, 1, 1), date(9000, 12, 31))
# Packed rows, little-endian: numbers read back by numpy in one step each (None is NaN, or -1 for reps).
EFFORT = np.dtype([("day", "<i4"), ("status", "i1"), ("load", "<f8"), ("reps", "<i4"), ("minutes", "<f8")])
PAIN = np.dtype([("day", "<i4"), ("mean", "<f8"), ("n", "<i4")])
CODES = {member: i for i, member in enumerate(Status)}
BY_CODE = tuple(Status)


@dataclass(frozen=True)
class Derived:
    """One owner's derived data, decoded lazily: per exercise its efforts (loads in kg), and daily pain."""

    limit: int
    regions: frozenset[str]
    categories: dict[str, str]
    """Every exercise's category, by name."""
    spans: dict[str, tuple[int, int]]
    """Per exercise with efforts: where its packed rows start in `blob`, and how many there are."""
    pain_span: tuple[int, int]
    blob: bytes

    def serves(self, scope: Scope, limit: int) -> bool:
        """Whether it was built for this pain limit and the scope's regions."""
        return self.limit == limit and self.regions == frozenset(scope.regions)

    def _rows(self, span: tuple[int, int], kind: np.dtype[Any]) -> np.ndarray[Any, Any]:
        return np.frombuffer(self.blob, dtype=kind, count=span[1], offset=span[0])

    @staticmethod
    def _bounds(days: np.ndarray[Any, Any], start: date, end: date) -> tuple[int, int]:
        """Where the rows of the days from start to end (both included) begin and end."""
        return int(np.searchsorted(days, start.toordinal())), int(np.searchsorted(days, end.toordinal(), "right"))

    def _sliced(self, name: str, start: date, end: date) -> list[tuple[int, int, float, int, float]]:
        rows = self._rows(self.spans[name], EFFORT)
        lo, hi = self._bounds(rows["day"], start, end)
        return rows[lo:hi].tolist()  # type: ignore[no-any-return]

    def efforts_in(self, start: date, end: date, names: Sequence[str], kg_per_unit: float) -> list[Effort]:
        """What effort_rows gives for these days and exercises (loads in the unit `kg_per_unit` describes), each
        exercise's efforts in the order effort_rows gives them."""
        found: list[Effort] = []
        for name in dict.fromkeys(names):
            if name not in self.spans:
                continue
            category = self.categories[name]
            found += [
                Effort(
                    date.fromordinal(day),
                    name,
                    category,
                    BY_CODE[code],
                    None if load != load else load / kg_per_unit,  # NaN: no loaded set
                    None if reps < 0 else reps,
                    None if minutes != minutes else minutes,
                )
                for day, code, load, reps, minutes in self._sliced(name, start, end)
            ]
        return found

    def counts_in(self, start: date, end: date) -> list[tuple[str, str, int, float]]:
        """What db/progress_sql.exercise_counts gives for these days (in name order)."""
        counted = []
        for name in sorted(self.spans):
            rows = self._rows(self.spans[name], EFFORT)
            lo, hi = self._bounds(rows["day"], start, end)
            if hi > lo:
                minutes = rows["minutes"][lo:hi]
                total = math.fsum(minutes[~np.isnan(minutes)].tolist())
                counted.append((name, self.categories[name], int(hi - lo), round(total, MINUTES_DECIMALS)))
        return counted

    def daily_pain_in(self, start: date, end: date) -> list[DayPain]:
        """What tracker.trends.daily_pain gives over daily_pain_rows for these days."""
        rows = self._rows(self.pain_span, PAIN)
        lo, hi = self._bounds(rows["day"], start, end)
        return [DayPain(date.fromordinal(day), mean, n) for day, mean, n in rows[lo:hi].tolist()]

    def pain_in(self, start: date, end: date, bucket: Bucket) -> tuple[list[PainPoint], list[DayPain]]:
        """The pain trend (tracker.trends.pain_series) for these days, and the days the baseline comparison reads
        (tracker.trends.baseline_vs_recent: the first and last COMPARE_DAYS), without a named tuple per day."""
        if bucket == "day":
            days = self.daily_pain_in(start, end)
            return pain_series(days, bucket), days
        rows = self._rows(self.pain_span, PAIN)
        lo, hi = self._bounds(rows["day"], start, end)
        ordinals, means = rows["day"][lo:hi], rows["mean"][lo:hi].tolist()
        if not means:
            return [], []
        points = []
        first, last = date.fromordinal(int(ordinals[0])), date.fromordinal(int(ordinals[-1]))
        period = bucket_start(first, bucket)
        while period <= last:
            after = period + timedelta(days=bucket_days(period, bucket))
            a, b = np.searchsorted(ordinals, period.toordinal()), np.searchsorted(ordinals, after.toordinal())
            if b > a:
                values = means[a:b]
                mean = round(fmean(values), DECIMALS)
                points.append(PainPoint(period, mean, mean, min(values), max(values), len(values)))
            period = after
        base = np.searchsorted(ordinals, (first + timedelta(days=COMPARE_DAYS)).toordinal())
        recent = np.searchsorted(ordinals, (last - timedelta(days=COMPARE_DAYS)).toordinal(), "right")
        ends = sorted({*range(base), *range(recent, len(means))})
        return points, [DayPain(date.fromordinal(int(ordinals[i])), means[i], int(rows["n"][lo + i])) for i in ends]


def derived_in(s: OrmSession, owner_id: int) -> Derived | None:
    """The owner's derived data when it is valid (built since the last change to their records), else None."""
    row = s.execute(
        select(DerivedProgress.generation, DerivedProgress.built, DerivedProgress.payload).where(
            DerivedProgress.owner_id == owner_id
        )
    ).one_or_none()
    if row is None or row.built != row.generation or not row.payload:
        return None
    blob = bytes(row.payload)
    size = int.from_bytes(blob[:4], "little")
    head = json.loads(blob[4 : 4 + size])
    if head.get("format") != FORMAT:
        return None
    base = 4 + size
    spans = {name: (base + int(offset), int(count)) for name, offset, count in head["spans"]}
    return Derived(
        int(head["limit"]),
        frozenset(head["regions"]),
        dict(head["categories"]),
        spans,
        (base + int(head["pain"][0]), int(head["pain"][1])),
        blob,
    )


def _payload(s: OrmSession, owner_id: int) -> bytes:
    profile = s.get_one(Profile, owner_id)
    regions = tuple(r for r in profile.regions.split(",") if r)
    scope = Scope(owner_id, *ALL_DAYS, regions)
    rows = s.execute(select(Exercise.name, Exercise.category).where(Exercise.owner_id == owner_id))
    categories = {str(name): str(category) for name, category in rows}
    mine: dict[str, list[tuple[int, int, float, int, float]]] = {}
    for e in effort_rows(s, scope, limit=profile.pain_limit, kg_per_unit=1.0, names=sorted(categories)):
        mine.setdefault(e.exercise, []).append(
            (
                e.day.toordinal(),
                CODES[e.status],
                math.nan if e.load is None else e.load,
                -1 if e.reps is None else e.reps,
                math.nan if e.minutes is None else e.minutes,
            )
        )
    parts: list[bytes] = []
    spans: list[tuple[str, int, int]] = []
    at = 0
    for name, efforts in mine.items():
        packed = np.array(efforts, dtype=EFFORT).tobytes()
        spans.append((name, at, len(efforts)))
        parts.append(packed)
        at += len(packed)
    # Each day's mean rounded as tracker.trends.daily_pain rounds it.
    days = daily_pain(daily_pain_rows(s, scope))
    pain = np.array([(d.day.toordinal(), d.pain, d.ratings) for d in days], dtype=PAIN)
    parts.append(pain.tobytes())
    head = {
        "format": FORMAT,
        "limit": profile.pain_limit,
        "regions": sorted(regions),
        "categories": categories,
        "spans": spans,
        "pain": [at, len(pain)],
    }
    # The header goes first, after its length; offsets count from its end.
    encoded = json.dumps(head, separators=(",", ":")).encode()
    return len(encoded).to_bytes(4, "little") + encoded + b"".join(parts)


def _claim(s: OrmSession, owner_id: int) -> int:
    """Lock the owner's row (made if missing) against concurrent changes; its generation now."""
    insert = pg_insert if s.get_bind().dialect.name == "postgresql" else sqlite_insert
    s.execute(
        insert(DerivedProgress).values(owner_id=owner_id, generation=0, built=-1, payload=b"").on_conflict_do_nothing()
    )
    # While this transaction holds the row, a change to the records waits to mark it stale, so the payload
    # below cannot miss a change that lands after it was read (SQLite runs one writer at a time anyway).
    locked = select(DerivedProgress.generation).where(DerivedProgress.owner_id == owner_id).with_for_update()
    return int(s.scalars(locked).one())


@retry_busy
def rebuild(ctx: Ctx) -> None:
    """Build the owner's derived data from their records as they are now, and mark it valid."""
    with ctx.db.write() as s:
        generation = _claim(s, ctx.owner_id)
        payload = _payload(s, ctx.owner_id)
        row = s.get_one(DerivedProgress, ctx.owner_id)
        row.payload, row.built = payload, generation


def refresh(ctx: Ctx) -> None:
    """rebuild, for after a write: a failure only leaves the data stale (pages then read the records)."""
    try:
        rebuild(ctx)
    except Exception:  # the write it follows has landed; derived data is an optimisation and may wait
        log.warning("Could not rebuild the derived Progress data for owner %s", ctx.owner_id, exc_info=True)

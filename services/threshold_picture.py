"""The pain-threshold picture for one owner and range: per main exercise its tolerated level and the attempts
that went over it, a headline and one line per exercise. The same values feed Progress, the share view and
the PDF, so their numbers cannot disagree.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy.orm import Session as OrmSession

from db.progress_sql import Scope
from db.tolerance_sql import effort_rows
from formats.chart_values import dated_frame, timestamps
from services.derived import Derived
from tracker.rules import thresholds
from tracker.settings import Settings
from tracker.threshold import STRENGTH, Status
from tracker.tolerance import (
    Effort,
    Level,
    LevelChange,
    effort_text,
    first_window_end,
    level_change,
    levels,
    measure,
)
from tracker.tolerance_text import change_line, change_words, headline
from tracker.trends import Bucket, bucket_start
from tracker.units import kg_per

# One small chart per exercise: more than this many stacked panels is a wall on a phone.
MAX_PANELS = 4
# Cardio panels when there is strength work too (minutes of stretching or a relief position are a choice, not a
# tolerance, so flexibility is never a main exercise).
CARDIO_PANELS = 1
# How many windows before the period are read: enough for the few sessions a sparse window reaches back to.
LOOK_BACK_WINDOWS = 3
# A session from today or yesterday can still get its next-morning rating; an older one most likely will not.
RECENT_DAYS = 2
COLUMNS = ("period", "exercise", "status", "level", "value", "text", "sessions", "measure")


@dataclass(frozen=True)
class Picture:
    """Chart rows (see COLUMNS), the exercises in panel order with their axis units, and the words."""

    frame: pd.DataFrame
    exercises: tuple[str, ...]
    measures: dict[str, str]
    changes: tuple[LevelChange, ...]
    headline: str
    lines: tuple[str, ...]
    window: int
    """Days the level looks back."""
    subtitles: dict[str, str]
    """Per exercise with a change: its chart's subtitle (the line without the exercise's name)."""
    waiting: int = 0
    """Recent sessions still waiting for their next-morning rating (what the headline counts when it has no change
    to tell)."""


def main_exercises(counts: Sequence[tuple[str, str, int, float]], limit: int = MAX_PANELS) -> tuple[str, ...]:
    """The person's main exercises: the cardio with the most minutes (a short warm-up on a bike is not their
    cardio), then the strength exercises done most often, most first (ties by name)."""
    cardio = sorted((c for c in counts if c[1] == "cardio" and c[3] > 0), key=lambda c: (-c[3], c[0]))
    strength = sorted((c for c in counts if c[1] == STRENGTH), key=lambda c: (-c[2], c[0]))
    main = [c[0] for c in cardio[:CARDIO_PANELS]]
    main += [c[0] for c in strength[: limit - len(main)]]
    if len(main) < limit:  # few strength exercises: room for more cardio
        main += [c[0] for c in cardio[CARDIO_PANELS : CARDIO_PANELS + limit - len(main)]]
    return tuple(main)


def picture(
    s: OrmSession,
    scope: Scope,
    settings: Settings,
    *,
    bucket: Bucket,
    names: Sequence[str],
    derived: Derived | None = None,
) -> Picture:
    """The picture of `names` (in that order) within the scope's days; levels look back before its start.

    With `derived` data that serves the scope (services/derived.py), the efforts are sliced from it instead of
    read from the records: the same efforts, without the work of finding them.
    """
    window = thresholds(settings.rules).count("level_window_days")
    # Levels at the start look back before it; a longer look back catches the sessions a sparse window needs.
    earlier = replace(scope, start=scope.start - timedelta(days=LOOK_BACK_WINDOWS * window - 1))
    kg_per_unit = kg_per(settings.unit)
    efforts: Sequence[Effort] = ()  # no exercises: the picture says there is no tolerated session yet
    if names and derived is not None and derived.serves(scope, settings.pain_limit):
        efforts = derived.efforts_in(earlier.start, earlier.end, names, kg_per_unit)
    elif names:
        efforts = effort_rows(s, earlier, limit=settings.pain_limit, kg_per_unit=kg_per_unit, names=names)
    return picture_of(efforts, scope, settings, bucket=bucket, names=names)


def picture_of(
    efforts: Sequence[Effort], scope: Scope, settings: Settings, *, bucket: Bucket, names: Sequence[str]
) -> Picture:
    """picture from the efforts it reads (those of `names` from LOOK_BACK_WINDOWS windows before the scope)."""
    rules = thresholds(settings.rules)
    window = rules.count("level_window_days")
    same = rules["level_change_percent"]
    unit = settings.unit
    found = levels(efforts, window, rules.count("level_min_sessions"), _needed(scope.start, scope.end, bucket, window))
    inside = [e for e in efforts if e.day >= scope.start]
    changes = []
    for name in names:
        change = level_change([lv for lv in found if lv.exercise == name], scope.start, scope.end, window)
        if change is not None:
            changes.append(change)
    shown = tuple(name for name in names if any(e.exercise == name and e.value is not None for e in inside))
    measures = {e.exercise: measure(e, unit) for e in inside if e.value is not None}
    rows = _level_rows(found, inside, scope.start, bucket, unit, measures)
    rows += _attempt_rows(inside, bucket, unit, measures)
    waiting = sum(e.status is Status.PENDING and (scope.end - e.day).days < RECENT_DAYS for e in inside)
    words = headline(
        changes,
        same,
        unit,
        pending=waiting,
        tolerated=sum(e.status is Status.TOLERATED for e in inside),
        limit=settings.pain_limit,
        so_far=_so_far(found, scope.start, unit),
    )
    lines = tuple(change_line(c, unit, same) for c in changes)
    subtitles = {c.exercise: change_words(c, unit, same) for c in changes}
    return Picture(_frame(rows), shown, measures, tuple(changes), words, lines, window, subtitles, waiting)


def _needed(start: date, end: date, bucket: Bucket, window: int) -> Callable[[Sequence[date]], list[int]]:
    """Which of an exercise's levels the picture reads: the last before the period (whether it has any), the
    first and last in it (whether it has two), the last of its opening window and of each period the chart
    shows (level_change, _level_rows and _so_far read no others)."""

    def pick(days: Sequence[date]) -> list[int]:
        first, after = bisect_left(days, start), bisect_right(days, end)
        picks = {first - 1} if first > 0 else set()
        if first == after:
            return sorted(picks)
        picks |= {first, after - 1}
        cut = first_window_end(start if first > 0 else days[first], end, window)
        opening = bisect_right(days, cut, first, after) - 1
        if opening >= first:
            picks.add(opening)
        periods = [bucket_start(day, bucket) for day in days[first:after]]
        picks |= {first + j for j in range(len(periods) - 1) if periods[j + 1] != periods[j]}
        return sorted(picks)

    return pick


def _so_far(found: Sequence[Level], start: date, unit: str) -> tuple[str, ...]:
    """Each exercise's latest level in the period, as 'Leg press 40 kg × 12'."""
    latest = {lv.exercise: lv for lv in found if lv.day >= start}
    return tuple(f"{name} {effort_text(lv.effort, unit)}" for name, lv in latest.items())


def _level_rows(
    found: Sequence[Level], inside: Sequence[Effort], start: date, bucket: Bucket, unit: str, measures: dict[str, str]
) -> list[tuple[object, ...]]:
    """Per exercise and period: the level as of the period's last tolerated day, and that period's sessions."""
    last: dict[tuple[str, date], Level] = {}
    for lv in found:
        if lv.day >= start:
            last[(lv.exercise, bucket_start(lv.day, bucket))] = lv
    count: dict[tuple[str, date], int] = defaultdict(int)
    for e in inside:
        if e.status is Status.TOLERATED:
            count[(e.exercise, bucket_start(e.day, bucket))] += 1
    rows: list[tuple[object, ...]] = []
    for (name, period), lv in last.items():
        value, text = lv.effort.value, effort_text(lv.effort, unit)
        rows.append((period, name, Status.TOLERATED.value, value, value, text, count[(name, period)], measures[name]))
    return rows


def _attempt_rows(
    inside: Sequence[Effort], bucket: Bucket, unit: str, measures: dict[str, str]
) -> list[tuple[object, ...]]:
    """Per exercise, period and kind of session that did not count: the most work among them, and how many."""
    best: dict[tuple[str, date, Status], Effort] = {}
    count: dict[tuple[str, date, Status], int] = defaultdict(int)
    for e in inside:
        if e.status is Status.TOLERATED or e.value is None:
            continue
        key = (e.exercise, bucket_start(e.day, bucket), e.status)
        count[key] += 1
        if key not in best or e.rank > best[key].rank:
            best[key] = e
    return [
        (period, name, state.value, None, e.value, effort_text(e, unit), count[(name, period, state)], measures[name])
        for (name, period, state), e in best.items()
    ]


def _frame(rows: list[tuple[object, ...]]) -> pd.DataFrame:
    ordered = sorted(rows, key=lambda r: (r[0], r[1], r[2]))  # type: ignore[arg-type]
    if not ordered:
        return dated_frame(ordered, COLUMNS).astype({"level": "float64", "value": "float64"})
    # Built column by column in one go (replacing columns of a built frame cost a third of its time). Unrounded
    # values are for the maths; a chart shows one decimal, as the words do.
    columns: dict[str, Any] = dict(zip(COLUMNS, (list(c) for c in zip(*ordered, strict=True)), strict=True))
    columns["period"] = timestamps(columns["period"])
    for name in ("level", "value"):
        columns[name] = np.array(columns[name], dtype="float64").round(1)
    return pd.DataFrame(columns)

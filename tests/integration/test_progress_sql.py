"""The database's grouped Progress figures equal tracker/'s on any history (SQLite and PostgreSQL).

Histories are written straight through the ORM so they can hold what the forms refuse or rarely make:
unloaded and empty sets, sets only over 10 reps, zero minutes, sessions without ratings, deleted sessions.
"""

from __future__ import annotations

import itertools
from collections import Counter
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from db import progress_days as days_sql
from db import progress_sql as sql
from db import strength_sql
from db.engine import Database
from db.models import Checkin, Entry, Exercise, ExerciseSession, PainRating, Profile, WorkSet
from db.tolerance_sql import effort_rows
from services import progress_points as points
from services.context import Ctx, ensure_profile
from tests.progress_reference import reference
from tracker.catalog import CATEGORIES
from tracker.strength import Formula
from tracker.threshold import STRENGTH, e1rm_series, response_counts
from tracker.tolerance import Effort, effort_of
from tracker.trends import Bucket, bucket_for, cardio_per_week, daily_pain
from tracker.units import kg_per

END = date(2026, 11, 24)
# Ranges that give each time bucket: 30 days by day, 400 by week, 1,500 by month, ten years by quarter.
STARTS = (END - timedelta(days=29), END - timedelta(days=399), END - timedelta(days=1499), date(2016, 12, 1))
REGIONS = ("lower_back", "left_knee")
_owners = itertools.count()


def _order(e: Effort) -> tuple[Any, ...]:
    return (e.day, e.exercise, e.status.value, e.load or 0.0, e.reps or 0, e.minutes or 0.0)


rating = st.none() | st.integers(0, 10)
halves = st.integers(0, 600).map(lambda n: n / 2)
sets = st.lists(st.tuples(st.none() | halves, st.integers(1, 20)), max_size=4)
minutes = st.none() | st.integers(0, 180).map(lambda n: n / 2)
entries = st.lists(st.tuples(st.integers(0, 40), sets, minutes), max_size=3)
sessions = st.lists(
    st.fixed_dictionaries(
        {
            "at": st.datetimes(min_value=datetime(2022, 6, 1), max_value=datetime(2026, 11, 24, 23, 59)),
            "deleted": st.sampled_from([False, False, False, True]),
            "entries": entries,
            "pains": st.dictionaries(st.sampled_from(REGIONS), st.tuples(rating, rating, rating), max_size=2),
            "mornings": st.dictionaries(st.sampled_from(REGIONS), st.integers(0, 10), max_size=2),
        }
    ),
    max_size=25,
)
loose_checkins = st.dictionaries(
    st.tuples(st.dates(min_value=date(2016, 6, 1), max_value=END), st.sampled_from(REGIONS)),
    st.integers(0, 10),
    max_size=8,
)
choices = st.fixed_dictionaries(
    {
        "start": st.sampled_from(STARTS),
        "regions": st.sampled_from([REGIONS[:1], REGIONS[1:], REGIONS]),
        "unit": st.sampled_from(["kg", "lb"]),
        "limit": st.integers(0, 10),
        "formula": st.sampled_from(list(Formula)),
    }
)


def _write(db: Database, owner_id: int, history: list[dict[str, Any]], loose: dict[tuple[date, str], int]) -> None:
    taken: set[tuple[date, str]] = set()
    with db.write() as s:
        exercises = s.scalars(select(Exercise.id).where(Exercise.owner_id == owner_id).order_by(Exercise.id)).all()
        for item in history:
            session = ExerciseSession(
                owner_id=owner_id, started_at=item["at"], deleted_at=item["at"] if item["deleted"] else None
            )
            for position, (pick, done, minutes) in enumerate(item["entries"]):
                entry = Entry(exercise_id=exercises[pick % len(exercises)], position=position, minutes=minutes)
                entry.sets = [WorkSet(position=i, weight_kg=w, reps=r) for i, (w, r) in enumerate(done)]
                session.entries.append(entry)
            session.pains = [
                PainRating(region=region, before=b, during=d, after=a) for region, (b, d, a) in item["pains"].items()
            ]
            s.add(session)
            s.flush()
            for region, pain in item["mornings"].items():
                key = (item["at"].date() + timedelta(days=1), region)
                if key not in taken:
                    taken.add(key)
                    s.add(Checkin(owner_id=owner_id, session_id=session.id, day=key[0], region=region, pain=pain))
        for (day, region), pain in loose.items():
            if (day, region) not in taken:
                taken.add((day, region))
                s.add(Checkin(owner_id=owner_id, day=day, region=region, pain=pain))


def check_same_figures(
    db: Database, history: list[dict[str, Any]], loose: dict[Any, int], pick: dict[str, Any], ctx: Ctx | None = None
) -> None:
    """Write the history for a new owner (or use ctx's), then compare every grouped figure with tracker/'s."""
    ctx = ctx or ensure_profile(db, f"progress-sql-{next(_owners)}")
    with db.write() as s:
        s.get_one(Profile, ctx.owner_id).unit = pick["unit"]
    _write(db, ctx.owner_id, history, loose)
    start, regions, unit, limit = pick["start"], pick["regions"], pick["unit"], pick["limit"]
    formula = pick["formula"]
    bucket: Bucket = bucket_for(start, END)
    scope = sql.Scope(ctx.owner_id, start, END, regions)
    with db.read() as s:
        rows = strength_sql.strength_rows(s, scope, bucket=bucket, kg_per_unit=kg_per(unit), formula=formula)
        responses = sql.response_rows(s, scope, bucket)
        totals = days_sql.daily_pain_rows(s, scope)
        days = days_sql.day_rows(s, scope)
        cardio = sql.cardio_rows(s, scope, bucket)
        counts = sql.exercise_counts(s, scope)
        names = sorted({name for name, _, _, _ in counts})
        efforts = effort_rows(s, scope, limit=limit, kg_per_unit=kg_per(unit), names=names)
    ref = reference(ctx, start, END, regions, unit)
    minutes = ((w.day, w.exercise, w.minutes) for w in ref.works if w.category == "cardio" and w.minutes)

    assert points.e1rm_points(rows) == e1rm_series(ref.works, bucket, formula)
    assert cardio_per_week(cardio, bucket) == cardio_per_week(minutes, bucket)  # type: ignore[arg-type]
    assert points.response_points(responses) == response_counts(ref.sessions, bucket)
    assert daily_pain(totals) == ref.days
    pain, done, kinds = points.split_days(days)
    assert pain == ref.days
    assert {(day, CATEGORIES[c]) for day, c in ref.kinds} == {
        (day, kind) for day, found in done.items() for kind in found
    }
    assert kinds == [label for key, label in CATEGORIES.items() if key in {c for _, c in ref.kinds}]
    assert Counter({name: n for name, _, n, _ in counts}) == Counter(w.exercise for w in ref.works)
    assert {(name, category) for name, category, _, _ in counts} == {(w.exercise, w.category) for w in ref.works}
    loaded = {w.exercise for w in ref.works if w.category == STRENGTH and any(x and x > 0 for x, _ in w.sets)}
    assert {r.exercise for r in rows} == loaded
    spent: dict[str, float] = {}
    for w in ref.works:
        spent[w.exercise] = spent.get(w.exercise, 0.0) + (w.minutes or 0.0)
    assert {name: round(m, 6) for name, _, _, m in counts} == {name: round(m, 6) for name, m in spent.items()}
    assert sorted(efforts, key=_order) == sorted((effort_of(w, limit) for w in ref.works), key=_order)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(history=sessions, loose=loose_checkins, pick=choices)
def test_grouped_figures_equal_the_tracker_rules_on_any_history(db, history, loose, pick):
    check_same_figures(db, history, loose, pick)


@pytest.mark.parametrize("start", STARTS)
def test_a_demo_history_gives_the_same_figures_both_ways(db, start):
    from services.demo import fill_demo

    ctx = ensure_profile(db, f"demo-{next(_owners)}")
    fill_demo(ctx, years=3, seed=7, today=END)
    pick = {"start": start, "regions": REGIONS[:1], "unit": "kg", "limit": 5}
    check_same_figures(db, [], {}, {**pick, "formula": Formula.EPLEY}, ctx)

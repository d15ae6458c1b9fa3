"""The rules' history and the home page's week read as plain rows: the same values the DataFrame reads gave."""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import date, datetime, timedelta

import pytest

from db import queries
from services.demo import fill_demo_once
from services.history import has_anything, week_summary
from services.sessions import delete_session
from services.suggestions import load_history
from tests.factories import create_session
from tracker.history import ExerciseDone, Morning, PainAround, SessionDone, SetDone

TODAY = date(2026, 11, 23)


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _from_frames(ctx) -> tuple[list[SessionDone], list[Morning]]:
    """Sessions and mornings as the frames of db/queries.py give them (the rules' input before)."""
    with ctx.db.read() as s:
        sessions, entries = queries.sessions(s, ctx.owner_id), queries.entries(s, ctx.owner_id)
        sets, pains, checkins = queries.sets(s, ctx.owner_id), queries.pains(s, ctx.owner_id), queries.checkins(
            s, ctx.owner_id)  # fmt: skip
    by_entry = defaultdict(list)
    for r in sets.itertuples():
        by_entry[int(r.entry_id)].append(SetDone(None if _missing(r.weight_kg) else float(r.weight_kg), int(r.reps)))
    done = defaultdict(list)
    for r in entries.itertuples():
        minutes = None if _missing(r.minutes) else float(r.minutes)
        done[int(r.session_id)].append(ExerciseDone(r.exercise, tuple(by_entry[int(r.entry_id)]), minutes))
    morning = {(int(r.session_id), r.region): int(r.pain) for r in checkins.itertuples() if not _missing(r.session_id)}
    around = defaultdict(list)
    for r in pains.itertuples():
        before, during = (None if _missing(v) else int(v) for v in (r.before, r.during))
        around[int(r.session_id)].append(
            PainAround(r.region, before, during, morning.get((int(r.session_id), r.region)))
        )
    starts = zip(sessions.session_id, sessions.started_at, strict=True)
    return (
        [SessionDone(t.date(), tuple(done[i]), tuple(around[i])) for i, t in starts],
        [Morning(r.day.date(), r.region, int(r.pain)) for r in checkins.itertuples()],
    )


@pytest.fixture
def filled(ctx):
    """A generated year, one session with a morning after it, and one deleted session."""
    fill_demo_once(ctx, years=1, seed=5, today=TODAY)
    gone = create_session(ctx, when=datetime(2026, 11, 22, 18, 0))
    delete_session(ctx, gone)
    return ctx


def test_the_rules_read_the_same_sessions_and_mornings_as_from_the_frames(filled):
    history, _settings = load_history(filled)
    sessions, mornings = _from_frames(filled)
    assert len(history.sessions) > 100 and any(p.morning is not None for s in history.sessions for p in s.pains)
    assert sorted(history.sessions, key=repr) == sorted(sessions, key=repr)
    assert sorted(history.mornings, key=repr) == sorted(mornings, key=repr)


def test_the_week_on_the_home_page_adds_up_the_last_seven_days_only(filled):
    for back in range(0, 120, 9):
        today = TODAY - timedelta(days=back)
        start = datetime.combine(today - timedelta(days=6), datetime.min.time())
        with filled.db.read() as s:
            sessions, entries, sets, pains = (
                read(s, filled.owner_id, start, start + timedelta(days=7))
                for read in (queries.sessions, queries.entries, queries.sets, queries.pains)
            )
        during = pains["during"].dropna()
        week = week_summary(filled, today=today)
        assert (week.sessions, week.strength_sets) == (len(sessions), len(sets))
        assert week.cardio_minutes == pytest.approx(entries.loc[entries["category"] == "cardio", "minutes"].sum())
        assert week.mean_peak_pain == (round(float(during.mean()), 1) if len(during) else None)
        assert week.worst_peak_pain == (int(during.max()) if len(during) else None)


def test_a_first_visit_has_nothing_and_a_deleted_session_alone_is_nothing(ctx):
    assert not has_anything(ctx)
    gone = create_session(ctx, when=datetime(2026, 11, 22, 18, 0))
    assert has_anything(ctx)
    delete_session(ctx, gone)
    assert not has_anything(ctx)

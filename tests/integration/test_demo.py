"""Filling an owner with a made-up history: one fast write, only for that owner, readable by the app."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select

from db import queries
from db.models import Checkin, Entry, ExerciseSession, PainRating, PegCheckin, PressureThreshold, WorkSet
from demo.history import demo_history
from services.checkins import record_peg
from services.context import ensure_profile
from services.demo import DEMO_REGIONS, fill_demo, fill_demo_once
from services.function_goals import add_goal, function_goals
from services.history import history
from services.medication import medication
from services.pgic import pgic_status
from services.profiles import get_settings
from services.sessions import session_form
from services.sleep import sleep_nights
from services.suggestions import current
from tests.factories import create_session
from tracker.advice import Kind

TODAY = date(2026, 11, 24)


def _count(ctx, model, owner_column) -> int:
    with ctx.db.read() as s:
        return s.scalar(select(func.count()).select_from(model).where(owner_column == ctx.owner_id)) or 0


def test_fill_writes_the_generated_history_for_the_owner(ctx):
    expected = demo_history(years=1, seed=2, today=TODAY)
    written = fill_demo(ctx, years=1, seed=2, today=TODAY)
    assert written == len(expected.sessions) == _count(ctx, ExerciseSession, ExerciseSession.owner_id)
    assert len(history(ctx)) == written
    with ctx.db.read() as s:
        sets = queries.sets(s, ctx.owner_id)
        pains = queries.pains(s, ctx.owner_id)
    assert len(sets) == sum(len(e.sets) for d in expected.sessions for e in d.record.entries)
    assert len(pains) == written  # one tracked region (the default)
    assert _count(ctx, Checkin, Checkin.owner_id) == sum(len(d.morning) for d in expected.sessions)
    assert _count(ctx, PegCheckin, PegCheckin.owner_id) == len(expected.pegs)
    assert _count(ctx, PressureThreshold, PressureThreshold.owner_id) == len(expected.pressures)


def test_check_ins_are_linked_to_the_session_the_day_before(ctx):
    fill_demo(ctx, years=0.5, today=TODAY)
    with ctx.db.read() as s:
        rows = s.execute(
            select(Checkin.day, ExerciseSession.started_at).join(
                ExerciseSession, Checkin.session_id == ExerciseSession.id
            )
        ).all()
        unlinked = s.scalar(select(func.count()).select_from(Checkin).where(Checkin.session_id.is_(None)))
    assert rows and unlinked == 0
    assert all((day - started.date()).days == 1 for day, started in rows)


def test_fill_writes_only_for_its_owner(db):
    alice, bob = ensure_profile(db, "oidc|alice"), ensure_profile(db, "oidc|bob")
    create_session(bob)
    fill_demo(alice, years=1, today=TODAY)
    assert len(history(bob)) == 1
    with db.read() as s:
        assert queries.checkins(s, bob.owner_id).empty
        assert queries.pegs(s, bob.owner_id).empty
        assert queries.pressures(s, bob.owner_id).empty
        other_rows = s.scalar(
            select(func.count())
            .select_from(WorkSet)
            .join(Entry)
            .join(ExerciseSession)
            .where(ExerciseSession.owner_id == bob.owner_id)
        )
        pain_rows = s.scalar(
            select(func.count())
            .select_from(PainRating)
            .join(ExerciseSession)
            .where(ExerciseSession.owner_id == bob.owner_id)
        )
    assert (other_rows, pain_rows) == (3, 1)  # bob's own session, nothing more


def test_fill_uses_the_owners_tracked_regions_and_keeps_their_existing_check_ins(ctx):
    record_peg(ctx, {"day": date(2026, 11, 1), "pain": 9, "enjoyment": 9, "activity": 9}, today=TODAY)
    fill_demo(ctx, years=1, today=TODAY)
    with ctx.db.read() as s:
        pegs = queries.pegs(s, ctx.owner_id)
        regions = set(queries.pains(s, ctx.owner_id)["region"])
    assert regions == set(get_settings(ctx).regions)
    assert pegs["day"].is_unique
    assert 9 in set(pegs["pain"])  # the person's own entry was kept, not overwritten


def test_fill_once_fills_an_empty_owner_and_then_does_nothing(ctx):
    first = fill_demo_once(ctx, years=0.5, today=TODAY)
    assert first > 0
    assert fill_demo_once(ctx, years=0.5, today=TODAY) == 0
    assert len(history(ctx)) == first
    assert get_settings(ctx).regions == DEMO_REGIONS


def test_every_stored_session_reads_back_as_generated(ctx):
    expected = {d.record.started_at: d.record for d in demo_history(years=0.5, seed=5, today=TODAY).sessions}
    fill_demo(ctx, years=0.5, seed=5, today=TODAY)
    with ctx.db.read() as s:
        ids = list(s.scalars(select(ExerciseSession.id).where(ExerciseSession.owner_id == ctx.owner_id)))
    for session_id in ids:
        form = session_form(ctx, session_id)
        assert form.started_at is not None
        record = expected[form.started_at]
        assert [e.exercise for e in form.entries] == [e.exercise for e in record.entries]
        assert [[(w.weight, w.reps) for w in e.sets] for e in form.entries] == [
            [(w.weight_kg, w.reps) for w in e.sets] for e in record.entries
        ]
        assert [(p.region, p.before, p.during, p.after) for p in form.pains] == [
            (p.region, p.before, p.during, p.after) for p in record.pains
        ]


def test_the_demo_ends_calm_with_a_move_to_free_weights_on_its_suggestions_page(ctx):
    fill_demo_once(ctx, years=2, today=TODAY)
    kinds = {s.key: s.kind for s in current(ctx, today=TODAY)}
    assert Kind.RED_FLAG not in kinds.values()
    assert {"switch:Leg press", "switch:Chest press machine"} & set(kinds)


def test_fill_writes_psfs_pgic_medication_and_sleep_for_every_new_chart(ctx):
    expected = demo_history(years=1, seed=2, today=TODAY).health
    fill_demo(ctx, years=1, seed=2, today=TODAY)
    goals = function_goals(ctx, today=TODAY)
    assert [g.activity for g in goals.active] == list(expected.activities)
    assert [(r.day, tuple(r.scores.values())) for r in goals.rounds] == list(expected.ratings)
    assert [(a.day, a.score) for a in pgic_status(ctx, today=TODAY).answers] == list(expected.pgic)
    listed = medication(ctx, recent=1000)
    assert sorted((r.start, r.amount) for _, r in listed.regular) == [(r.start, r.amount) for r in expected.regular]
    assert len(listed.doses) == len(expected.doses)
    assert sleep_nights(ctx, TODAY - timedelta(days=400), TODAY) == dict(expected.sleep)


def test_fill_leaves_an_owners_own_psfs_activities_alone(ctx):
    add_goal(ctx, {"activity": "Walk the dog"}, today=TODAY)
    fill_demo(ctx, years=0.5, today=TODAY)
    assert [g.activity for g in function_goals(ctx, today=TODAY).active] == ["Walk the dog"]

"""One owner can never see or touch another owner's rows, even by guessing ids."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from db import queries
from db.models import Checkin, Entry, Exercise, ExerciseSession
from services.checkins import due_today, record_checkin, record_morning, record_peg, record_pressure
from services.context import ensure_profile
from services.export import export_zip
from services.function_goals import add_goal, function_goals, rate_goals, retire_goal
from services.history import history, week_summary
from services.medication import (
    change_dose,
    end_regular,
    log_dose,
    medication,
    remove_dose,
    remove_regular,
    restore_removed,
)
from services.pgic import pgic_status
from services.profiles import add_exercise, list_exercises
from services.sessions import delete_session, restore_session, session_form, update_session
from services.sleep import sleep_nights
from services.transfer import import_file
from tests.backup_helpers import fill_health
from tests.factories import NOW, create_session, strength_session
from tests.transfer_data import snapshot, unzipped, zipped
from tracker.errors import NotFoundError


@pytest.fixture
def alice(db):
    return ensure_profile(db, "oidc|alice")


@pytest.fixture
def bob(db):
    return ensure_profile(db, "oidc|bob")


@pytest.fixture
def alices_session(alice):
    return create_session(alice, when=NOW - timedelta(days=1))


@pytest.mark.parametrize(
    "attempt",
    [
        lambda ctx, sid: session_form(ctx, sid),
        lambda ctx, sid: update_session(ctx, sid, strength_session(weight=1), now=NOW),
        lambda ctx, sid: delete_session(ctx, sid),
        lambda ctx, sid: restore_session(ctx, sid),
    ],
    ids=["read", "edit", "delete", "restore"],
)
def test_another_owners_session_id_is_not_found(bob, alice, alices_session, attempt):
    with pytest.raises(NotFoundError):
        attempt(bob, alices_session)
    assert len(history(alice)) == 1
    assert session_form(alice, alices_session).entries[0].sets[0].weight == 40.0


def test_lists_and_summaries_show_only_the_owners_data(bob, alice, alices_session):
    assert history(bob).empty
    assert week_summary(bob, today=NOW.date()).sessions == 0
    assert due_today(bob, today=NOW.date()).checkin_sessions == []


def test_a_checkin_never_links_to_another_owners_session(db, bob, alice, alices_session):
    assert record_checkin(bob, {"day": NOW.date(), "region": "lower_back", "pain": 3}, today=NOW.date()) is None
    with db.read() as s:
        assert queries.checkins(s, alice.owner_id).empty


def test_custom_exercises_are_private(bob, alice):
    add_exercise(alice, {"name": "Alice's wall sit", "category": "strength", "equipment": "bodyweight"})
    assert "Alice's wall sit" not in {e.name for e in list_exercises(bob)}
    # Bob may create an exercise with the same name in his own list.
    add_exercise(bob, {"name": "Alice's wall sit", "category": "strength", "equipment": "bodyweight"})


def _fill_alice(alice):
    """Alice's history: an own exercise, two sessions, a morning check-in, a PEG-3 and a pressure threshold."""
    today = NOW.date()
    add_exercise(alice, {"name": "Alice's wall sit", "category": "strength", "equipment": "bodyweight"})
    create_session(alice, when=NOW - timedelta(days=2), weight=40, notes="Alice's secret")
    create_session(alice, when=NOW - timedelta(days=1), exercise="Alice's wall sit", weight=5)
    record_morning(alice, today, {"lower_back": 6}, today=today)
    record_peg(alice, {"day": today, "pain": 7, "enjoyment": 6, "activity": 6}, today=today)
    record_pressure(alice, {"day": today, "site": "Alice's knee", "trial1": 3, "trial2": 3, "trial3": 3}, today=today)


def test_an_export_holds_only_the_owners_rows(bob, alice):
    _fill_alice(alice)
    add_goal(alice, {"activity": "Alice's stairs"}, today=NOW.date())
    log_dose(alice, {"name": "Alice's pill", "dose": 1, "unit": "tablets", "taken_at": NOW}, now=NOW)
    create_session(bob, when=NOW - timedelta(days=3), weight=80, notes="Bob's own")
    files = {name: data.decode("utf-8-sig") for name, data in unzipped(export_zip(bob)).items()}
    assert not [name for name, text in files.items() if "Alice" in text]
    rows = {name: len(text.splitlines()) - 1 for name, text in files.items() if name.endswith(".csv")}
    assert rows == {
        "sessions.csv": 1,
        "entries.csv": 1,
        "sets.csv": 3,
        "pain_ratings.csv": 1,
        "checkins.csv": 0,
        "peg.csv": 0,
        "pressure_thresholds.csv": 0,
        "exercises.csv": 0,
        "function_goals.csv": 0,
        "psfs_ratings.csv": 0,
        "pgic.csv": 0,
        "medications.csv": 0,
        "as_needed_doses.csv": 0,
    }
    assert "Bob's own" in files["sessions.csv"]


def test_an_import_for_one_owner_leaves_the_other_owners_data_unchanged(db, bob, alice):
    _fill_alice(alice)
    alices = snapshot(alice)
    result = import_file(bob, "alice.zip", export_zip(alice))
    # Alice's identical rows do not count as "already there" for Bob: he gets his own copy of everything.
    assert result.written, result.problems
    assert (result.sessions_added, result.checkins_added, result.already_there) == (2, 1, 0)
    assert result.exercises_created == ("Alice's wall sit",)
    assert snapshot(alice) == alices
    assert snapshot(bob) == alices
    with db.read() as s:
        # Bob's entries use his own exercises and his check-in follows his own session, never Alice's.
        owners = s.execute(
            select(Exercise.owner_id)
            .join(Entry, Entry.exercise_id == Exercise.id)
            .join(ExerciseSession, Entry.session_id == ExerciseSession.id)
            .where(ExerciseSession.owner_id == bob.owner_id)
        ).scalars()
        assert set(owners) == {bob.owner_id}
        linked = s.execute(
            select(ExerciseSession.owner_id)
            .join(Checkin, Checkin.session_id == ExerciseSession.id)
            .where(Checkin.owner_id == bob.owner_id)
        ).scalars()
        assert set(linked) == {bob.owner_id}


def test_a_failed_import_for_one_owner_writes_nothing_for_anyone(bob, alice):
    _fill_alice(alice)
    alices = snapshot(alice)
    files = unzipped(export_zip(alice))
    files["sets.csv"] = files["sets.csv"].replace(b",10,", b",1000,", 1)
    result = import_file(bob, "alice.zip", zipped(files))
    assert not result.written and result.problems
    assert snapshot(alice) == alices
    assert snapshot(bob)["sessions"] == []


def test_psfs_pgic_medication_and_sleep_of_one_owner_are_invisible_and_untouchable_to_another(bob, alice):
    today = NOW.date()
    fill_health(alice)
    record_morning(alice, today, {"lower_back": 4}, today=today, sleep=8)
    alices_goal = function_goals(alice, today=today).active[0].id
    alices_med = medication(alice).regular[0][0]
    for attempt in (
        lambda: retire_goal(bob, alices_goal, today=today),
        lambda: rate_goals(bob, today, {alices_goal: 9}, today=today),
        lambda: end_regular(bob, alices_med, today, today=today),
        lambda: change_dose(bob, alices_med, {"dose": 1, "start": today}, today=today),
    ):
        with pytest.raises(NotFoundError):
            attempt()
    bobs = function_goals(bob, today=today)
    assert (bobs.active, bobs.retired, bobs.rounds) == ([], [], [])
    assert pgic_status(bob, today=today).answers == []
    assert (medication(bob).regular, medication(bob).doses) == ([], [])
    assert sleep_nights(bob, today - timedelta(days=30), today) == {}
    # Bob may name the same activity: lists are per owner.
    add_goal(bob, {"activity": "Climb two flights of stairs"}, today=today)
    alices = function_goals(alice, today=today)
    assert [g.latest for g in alices.active] == [5, 5] and alices.active[0].id == alices_goal
    assert [r.end for _, r in medication(alice).regular] == [None, today - timedelta(days=6)]
    assert sleep_nights(alice, today, today) == {today: 8}


def test_another_owner_can_neither_remove_nor_restore_an_owners_medication(alice, bob):
    fill_health(alice)
    first = medication(alice).regular[0][0]
    ((dose_id, _),) = medication(alice).doses
    with pytest.raises(NotFoundError):
        remove_dose(bob, dose_id)
    with pytest.raises(NotFoundError):
        remove_regular(bob, first)
    assert len(medication(alice).doses) == 1 and len(medication(alice).regular) == 2
    removed = remove_dose(alice, dose_id)
    with pytest.raises(NotFoundError):
        restore_removed(bob, removed)
    assert medication(bob).doses == [] and medication(alice).doses == []
    restore_removed(alice, removed)
    assert len(medication(alice).doses) == 1 and medication(bob).doses == []

"""One owner can never see or touch another owner's rows, even by guessing ids."""

from __future__ import annotations

from datetime import timedelta

import pytest

from db import queries
from services.checkins import due_today, record_checkin
from services.context import ensure_profile
from services.history import history, week_summary
from services.profiles import add_exercise, list_exercises
from services.sessions import delete_session, restore_session, session_form, update_session
from tests.factories import NOW, create_session, strength_session
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
    assert session_form(alice, alices_session)["entries"][0]["sets"][0]["weight"] == 40.0


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

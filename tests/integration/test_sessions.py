"""Logging, editing, deleting and restoring sessions through the service layer."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from db import queries
from services.history import history
from services.profiles import save_settings
from services.sessions import (
    delete_session,
    deleted_sessions,
    log_session,
    restore_session,
    session_form,
    update_session,
)
from tests.factories import NOW, cardio_session, create_session, strength_session
from tracker.errors import NotFoundError, ValidationError


def test_logged_strength_session_appears_in_history_with_sets_and_pain(ctx):
    create_session(ctx, weight=40, reps=10, sets=3, before=2, during=4, after=3)
    table = history(ctx)
    assert len(table) == 1
    assert table.loc[0, "exercises"] == "Leg press: 40 kg × 10, 40 kg × 10, 40 kg × 10"
    assert table.loc[0, "pain"] == "Lower back 2 → 4 → 3"


def test_history_is_newest_first(ctx):
    create_session(ctx, when=NOW - timedelta(days=2), exercise="Leg press")
    log_session(ctx, cardio_session(when=NOW - timedelta(days=1)), now=NOW)
    assert list(history(ctx)["exercises"].str.split(":").str[0]) == ["Treadmill walk", "Leg press"]


def test_invalid_session_writes_nothing_and_names_every_field(ctx):
    raw = strength_session(weight=-5, reps=0, sets=1, during=11, when=NOW + timedelta(days=1))
    with pytest.raises(ValidationError) as caught:
        log_session(ctx, raw, now=NOW)
    assert set(caught.value.errors) == {
        "started_at",
        "entries.0.sets.0.weight",
        "entries.0.sets.0.reps",
        "pains.0.during",
    }
    assert history(ctx).empty


def test_weights_entered_in_pounds_are_stored_in_kilograms_and_shown_in_pounds(ctx):
    save_settings(ctx, {"unit": "lb", "pain_limit": 5, "regions": ["lower_back"]})
    sid = create_session(ctx, weight=100, reps=8, sets=1)
    assert history(ctx).loc[0, "exercises"] == "Leg press: 100 lb × 8"
    assert session_form(ctx, sid).entries[0].sets[0].weight == 100.0
    save_settings(ctx, {"unit": "kg", "pain_limit": 5, "regions": ["lower_back"]})
    assert history(ctx).loc[0, "exercises"] == "Leg press: 45.4 kg × 8"


def stored_weights(ctx) -> list[float]:
    """Every set's weight as stored, in kilograms."""
    with ctx.db.read() as s:
        return [float(w) for w in queries.sets(s, ctx.owner_id)["weight_kg"]]


def test_saving_an_unchanged_edit_in_pounds_keeps_the_stored_kilograms(ctx):
    sid = create_session(ctx, weight=40, reps=10, sets=2)
    save_settings(ctx, {"unit": "lb", "pain_limit": 5, "regions": ["lower_back"]})
    form = session_form(ctx, sid)
    entry = form.entries[0]
    assert [w.weight for w in entry.sets] == [88.2, 88.2]
    changed = replace(entry, sets=(entry.sets[0], replace(entry.sets[1], weight=90)))
    update_session(ctx, sid, replace(form, entries=(changed,)), now=NOW)
    # The set shown as before keeps its 40 kg exactly; the one the user changed takes the new weight.
    assert stored_weights(ctx) == [40.0, pytest.approx(90 * 0.45359237)]


def test_edit_replaces_exercises_and_pain(ctx):
    sid = create_session(ctx, weight=40)
    update_session(ctx, sid, cardio_session(minutes=25, during=1), now=NOW)
    row = history(ctx).loc[0]
    assert row["exercises"] == "Treadmill walk: 25 min"
    assert row["pain"] == "Lower back 2 → 1 → 2"


def test_failed_edit_keeps_the_session_as_it_was(ctx):
    sid = create_session(ctx, weight=40)
    with pytest.raises(ValidationError):
        update_session(ctx, sid, strength_session(reps=500), now=NOW)
    assert history(ctx).loc[0, "exercises"].startswith("Leg press: 40 kg × 10")


def test_delete_then_undo_brings_the_session_back_whole(ctx):
    sid = create_session(ctx)
    before = session_form(ctx, sid)
    delete_session(ctx, sid)
    assert history(ctx).empty
    assert [row[0] for row in deleted_sessions(ctx)] == [sid]
    restore_session(ctx, sid)
    assert session_form(ctx, sid) == before
    assert deleted_sessions(ctx) == []


def test_unknown_session_id_is_not_found(ctx):
    with pytest.raises(NotFoundError):
        delete_session(ctx, 999_999)

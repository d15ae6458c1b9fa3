"""Suggestions from stored data, and the user's decisions on them."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from services.checkins import record_checkin
from services.demo import fill_demo_once
from services.profiles import save_settings
from services.sessions import delete_session, log_session
from services.suggestions import accepted_changes, all_suggestions, current, decide, load_history
from tests.factories import NOW, create_session, strength_session
from tracker.errors import NotFoundError, ValidationError
from tracker.session_input import EntryInput
from tracker.suggestions import Kind, is_change

TODAY = NOW.date()
KEY = "progress:Chest press machine"


def seed_progress(ctx, *, weight: float = 40.0, morning: int = 2, days_ago: int = 1) -> int:
    """Two chest press sessions, 2 days apart and the later `days_ago`: every set at the top of the range, each
    followed by its next morning's check-in (a raise needs two such sessions). Returns the later one's id."""
    for back in (days_ago + 2, days_ago):
        when = NOW - timedelta(days=back)
        sid = create_session(ctx, when=when, exercise="Chest press machine", weight=weight, reps=12)
        day = when.date() + timedelta(days=1)
        record_checkin(ctx, {"day": day, "region": "lower_back", "pain": morning}, today=day)
    return sid


def test_stored_sessions_and_checkins_become_the_rules_history(ctx):
    seed_progress(ctx)
    history, settings = load_history(ctx)
    (_, session) = history.sessions
    entry = session.exercises[0]
    assert entry.name == "Chest press machine" and [s.reps for s in entry.sets] == [12, 12, 12]
    assert session.pains[0].morning == 2 and session.settled_next_morning
    leg_press = history.info("Leg press")
    assert settings.unit == "kg" and leg_press is not None and leg_press.counterpart == "Goblet squat"


def test_two_well_tolerated_top_set_sessions_give_a_raise_suggestion(ctx):
    seed_progress(ctx)
    assert [s.key for s in current(ctx, today=TODAY)] == [KEY]


def test_a_deleted_session_no_longer_counts(ctx):
    delete_session(ctx, seed_progress(ctx))
    assert current(ctx, today=TODAY) == []  # one top session left: not yet a reason to add load


def test_accepting_records_the_change_with_its_date_for_the_report(ctx):
    seed_progress(ctx)
    decide(ctx, KEY, "accepted", today=TODAY, now=NOW)
    assert current(ctx, today=TODAY) == []
    (change,) = accepted_changes(ctx, TODAY - timedelta(days=30), TODAY)
    assert change.day == TODAY and change.key == KEY
    assert change.title == "Chest press machine: try 42.5 kg" and "42.5 kg" in change.detail
    assert accepted_changes(ctx, TODAY + timedelta(days=1), TODAY + timedelta(days=5)) == []


def test_dismissed_stays_away_until_the_situation_changes(ctx):
    seed_progress(ctx, days_ago=5)
    decide(ctx, KEY, "dismissed", today=TODAY - timedelta(days=4))
    assert current(ctx, today=TODAY - timedelta(days=3)) == []
    # Heavier sessions later are a new situation: the next step up is a different load.
    seed_progress(ctx, weight=42.5, days_ago=1)
    shown = current(ctx, today=TODAY)
    assert [s.key for s in shown] == [KEY] and "45 kg" in shown[0].what


def test_snoozed_is_hidden_for_a_week_then_back(ctx):
    seed_progress(ctx)
    decide(ctx, KEY, "snoozed", today=TODAY, now=NOW)
    assert current(ctx, today=TODAY + timedelta(days=6)) == []
    assert [s.key for s in current(ctx, today=TODAY + timedelta(days=7))] == [KEY]


def test_deciding_on_a_suggestion_that_no_longer_applies_says_so(ctx):
    with pytest.raises(NotFoundError, match="no longer applies"):
        decide(ctx, KEY, "accepted", today=TODAY)


def test_an_unknown_decision_is_refused_and_nothing_is_stored(ctx):
    seed_progress(ctx)
    with pytest.raises(ValidationError) as caught:
        decide(ctx, KEY, "maybe", today=TODAY)
    assert "accepted" in caught.value.errors["status"]
    assert [s.key for s in current(ctx, today=TODAY)] == [KEY]


def test_a_red_flag_cannot_be_dismissed_and_blocks_the_raise(ctx):
    seed_progress(ctx, days_ago=4)
    for back in (2, 1, 0):
        day = TODAY - timedelta(days=back)
        record_checkin(ctx, {"day": day, "region": "lower_back", "pain": 8}, today=day)
    shown = current(ctx, today=TODAY)
    assert [s.key for s in shown] == ["red_flag:high:lower_back"]
    with pytest.raises(ValidationError):
        decide(ctx, "red_flag:high:lower_back", "dismissed", today=TODAY)


def test_a_flare_up_is_advice_that_holds_back_the_raise_without_an_alarm(ctx):
    for back in range(30, 6, -2):
        day = TODAY - timedelta(days=back)
        record_checkin(ctx, {"day": day, "region": "lower_back", "pain": 2}, today=day)
    seed_progress(ctx, days_ago=4)
    record_checkin(ctx, {"day": TODAY, "region": "lower_back", "pain": 5}, today=TODAY)
    (shown,) = current(ctx, today=TODAY)
    assert shown.key == "flare_up:lower_back" and "doctor" not in shown.what + shown.reason
    decide(ctx, shown.key, "dismissed", today=TODAY)  # advice, not an alarm: it can be put away ...
    assert current(ctx, today=TODAY) == []  # ... and while it lasts the raise stays held back


def test_changed_thresholds_from_settings_are_used(ctx):
    seed_progress(ctx)
    save_settings(ctx, {"unit": "kg", "pain_limit": 5, "regions": ["lower_back"], "rules": {"rep_range_top": 15}})
    assert current(ctx, today=TODAY) == []


def test_decisions_belong_to_their_owner(ctx):
    from services.context import ensure_profile

    seed_progress(ctx)
    other = ensure_profile(ctx.db, "someone-else")
    seed_progress(other)
    decide(ctx, KEY, "dismissed", today=TODAY, now=datetime.combine(TODAY, NOW.time()))
    assert current(ctx, today=TODAY) == []
    assert [s.key for s in current(other, today=TODAY)] == [KEY]


def seed_leg_press_and_treadmill(ctx, back: int, *, weight: float, minutes: float, during: int, morning: int = 3):
    """A session `back` days ago with leg press 3 x 10 and a treadmill walk, rated once, and its next morning."""
    when = NOW - timedelta(days=back)
    raw = strength_session(when=when, weight=weight, during=during, before=3, after=3)
    log_session(ctx, replace(raw, entries=(*raw.entries, EntryInput("Treadmill walk", minutes=minutes))), now=NOW)
    day = when.date() + timedelta(days=1)
    record_checkin(ctx, {"day": day, "region": "lower_back", "pain": morning}, today=day)


def test_sessions_over_the_limit_with_two_exercises_ease_the_session_instead_of_blaming_the_treadmill(ctx):
    for back in (30, 27, 24):
        seed_leg_press_and_treadmill(ctx, back, weight=55.0, minutes=23, during=3)
    for back in (12, 10, 8, 5, 3):
        seed_leg_press_and_treadmill(ctx, back, weight=60.0, minutes=26, during=7)
    seed_leg_press_and_treadmill(ctx, 1, weight=60.0, minutes=26, during=7, morning=5)
    (shown,) = current(ctx, today=TODAY)
    assert shown.kind is Kind.EASE and "Leg press: 52.5 kg instead of 60 kg" in shown.what
    assert "Treadmill walk: about" in shown.what and "elliptical" not in shown.what
    assert "cannot show which of Leg press and Treadmill walk" in shown.reason


def test_the_generated_demo_offers_one_change_at_a_time_and_the_next_after_a_dismissal(ctx):
    fill_demo_once(ctx, years=2, today=TODAY)
    everything = [s for s in all_suggestions(ctx, today=TODAY) if is_change(s)]
    assert len(everything) >= 2  # the demo ends with several changes due
    (offered,) = [s for s in current(ctx, today=TODAY) if is_change(s)]
    assert offered.kind is Kind.SWITCH and "One change at a time" in offered.what
    assert all(s.title in offered.what for s in everything if s is not offered and s.key != offered.key)
    decide(ctx, offered.key, "dismissed", today=TODAY)
    (following,) = [s for s in current(ctx, today=TODAY) if is_change(s)]
    assert following.key != offered.key


def test_an_accepted_change_being_tried_holds_the_others_back(ctx):
    fill_demo_once(ctx, years=2, today=TODAY)
    (offered,) = [s for s in current(ctx, today=TODAY) if is_change(s)]
    decide(ctx, offered.key, "accepted", today=TODAY, now=NOW)
    assert not [s for s in current(ctx, today=TODAY + timedelta(days=3)) if is_change(s)]

"""Scenario tests for cardio advice: the ladder both ways, and pacing of minutes."""

from __future__ import annotations

from tests.unit.histories import cardio, keys, suggestions
from tracker.suggestions import Kind


def test_treadmill_over_the_limit_twice_suggests_the_elliptical():
    history = [cardio(20, during=6), cardio(10, during=7), cardio(3, during=4)]
    found = suggestions(history)
    assert keys(found) == ["ladder_down:Treadmill walk"]
    assert "elliptical" in found[0].what
    assert "24 minutes" in found[0].what  # 80% of the 30 minutes tolerated on 20 Nov
    assert len(found[0].evidence) == 2 and not found[0].raises_load


def test_one_flare_up_on_the_treadmill_is_not_yet_a_reason_to_change():
    assert suggestions([cardio(20), cardio(10, during=7), cardio(3)]) == []


def test_elliptical_over_the_limit_twice_suggests_water():
    history = [
        cardio(15, "Elliptical trainer", during=6),
        cardio(8, "Elliptical trainer", during=6),
        cardio(2, "Elliptical trainer"),
    ]
    found = suggestions(history)
    assert keys(found) == ["ladder_down:Elliptical trainer"]
    assert "swimming laps or aqua aerobics" in found[0].what


def test_no_ladder_advice_once_the_user_has_already_moved_down():
    history = [cardio(20, during=6), cardio(10, during=7), cardio(5, "Elliptical trainer")]
    assert "ladder_down:Treadmill walk" not in keys(suggestions(history))


def test_two_settled_weeks_on_the_elliptical_suggest_one_step_back_up():
    history = [
        cardio(40, during=6),
        cardio(35, during=7),
        cardio(30, "Elliptical trainer", 20),
        cardio(12, "Elliptical trainer", 25),
        cardio(6, "Elliptical trainer", 27),
        cardio(1, "Elliptical trainer", 30),
    ]
    found = suggestions(history)
    assert keys(found) == ["ladder_up:Elliptical trainer"]
    assert "treadmill" in found[0].title and found[0].raises_load
    assert "last 2 weeks" in found[0].reason


def test_one_settled_week_is_too_soon_to_step_back_up():
    history = [
        cardio(20, during=6),
        cardio(15, during=7),
        cardio(6, "Elliptical trainer"),
        cardio(2, "Elliptical trainer"),
    ]
    assert "ladder_up:Elliptical trainer" not in keys(suggestions(history))


def test_user_changed_settled_weeks_allows_stepping_up_after_one_week():
    history = [cardio(40, during=6), cardio(35, during=7), cardio(6, "Elliptical trainer", 30)]
    assert keys(suggestions(history, rules={"settled_weeks": 1})) == ["ladder_up:Elliptical trainer"]


def test_a_flare_up_on_the_bike_restarts_at_eighty_percent_of_what_was_tolerated():
    history = [
        cardio(9, "Stationary bike", 30),
        cardio(6, "Stationary bike", 30),
        cardio(3, "Stationary bike", 45, during=7),
    ]
    found = suggestions(history)
    assert keys(found) == ["pacing:Stationary bike"]
    assert found[0].kind is Kind.PACING
    assert "about 24 minutes" in found[0].what and "week 2 about 26" in found[0].what


def test_settled_sessions_over_a_week_suggest_adding_about_ten_percent():
    history = [cardio(9, "Stationary bike", 30), cardio(5, "Stationary bike", 30), cardio(1, "Stationary bike", 30)]
    found = suggestions(history)
    assert keys(found) == ["pace_up:Stationary bike"]
    assert "33 minutes" in found[0].what and found[0].raises_load


def test_moving_down_the_ladder_replaces_pacing_the_treadmill():
    found = suggestions([cardio(20, during=6), cardio(10, during=3), cardio(2, during=7)])
    assert keys(found) == ["ladder_down:Treadmill walk"]


def test_pacing_after_a_worse_morning_says_so():
    history = [cardio(9, "Stationary bike", 30), cardio(3, "Stationary bike", 30, before=2, morning=4)]
    found = suggestions(history)
    assert keys(found) == ["pacing:Stationary bike"]
    assert "worse next morning" in found[0].reason and "about 24 minutes" in found[0].what


def test_pacing_with_no_tolerated_session_makes_no_tolerance_claim():
    history = [
        cardio(9, "Stationary bike", 30, morning=None),  # pending: not a tolerance
        cardio(3, "Stationary bike", 45, during=7),
    ]
    found = suggestions(history)
    assert keys(found) == ["pacing:Stationary bike"]
    assert found[0].title == "Stationary bike: restart at 10 minutes"
    assert "none of your 2 sessions of stationary bike stayed within your limit of 5/10" in found[0].reason
    assert "no tolerated amount to go by yet" in found[0].reason and "you tolerated" not in found[0].reason
    assert "exercise in water (swimming laps or aqua aerobics) is the gentlest start" in found[0].reason


def test_moving_down_the_ladder_without_a_tolerated_session_starts_cautiously():
    found = suggestions([cardio(10, during=6), cardio(3, during=7)])
    assert keys(found) == ["ladder_down:Treadmill walk"]
    assert "cautious 10 minutes" in found[0].what and "you tolerated" not in found[0].what


def test_a_session_waiting_for_its_next_morning_is_no_reason_to_restart():
    assert suggestions([cardio(9, "Stationary bike", 30), cardio(0, "Stationary bike", 45, morning=None)]) == []

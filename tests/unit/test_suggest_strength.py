"""Scenario tests for strength advice: machine to free weights, double progression, lighter weeks, easing off."""

from __future__ import annotations

from tests.unit.histories import improving_leg_press, keys, lift, suggestions
from tracker.catalog import Exercise
from tracker.suggestions import CHECK_WITH_PHYSIO, Kind


def test_no_history_gives_no_suggestions():
    assert suggestions([]) == []


def test_clear_gain_over_six_calm_sessions_suggests_free_weights_well_under_the_machine_load():
    found = suggestions(improving_leg_press())
    assert keys(found) == ["switch:Leg press"]
    advice = found[0]
    assert advice.kind is Kind.SWITCH and advice.raises_load
    # Half of 50 kg is 25 kg, more than a first free-weight load held in the hands (20 kg by default).
    assert "Goblet squat at 20 kg in all" in advice.what and "would be 25 kg" in advice.what
    assert "one of your 3 sets" in advice.what and "then all of them" in advice.what
    assert "normal" in advice.what and "stop" not in advice.what.lower()
    assert "22%" in advice.reason and "6 sessions" in advice.reason
    assert advice.reason.endswith(CHECK_WITH_PHYSIO)
    assert any("16 Nov 2026" in line or "22 Nov 2026" in line for line in advice.evidence)


def test_a_light_machine_load_starts_the_free_weights_at_half_of_it():
    found = suggestions(improving_leg_press(), rules={"free_weight_start_max": 40})
    assert "Goblet squat at 25 kg in all" in found[0].what
    assert "(about 50% of your 50 kg machine load, rounded down)" in found[0].what


def test_five_sessions_are_too_few_for_the_switch():
    assert suggestions(improving_leg_press(5)) == []


def test_strength_up_but_pain_over_the_limit_in_a_recent_session_blocks_the_switch():
    history = improving_leg_press()
    history[-2] = lift(8, weight=48.0, during=6)
    assert suggestions(history) == []


def test_last_session_over_the_limit_suggests_easing_off_and_nothing_that_raises_load():
    history = improving_leg_press()
    history[-1] = lift(1, weight=50.0, during=7)
    found = suggestions(history)
    assert keys(found) == [f"ease:{history[-1].day.isoformat()}"]
    assert "45 kg instead of 50 kg" in found[0].what and "2 sets instead of 3" in found[0].what
    assert "7/10" in found[0].reason


def test_worse_next_morning_suggests_easing_off_even_with_calm_pain_during():
    history = improving_leg_press()
    history[-1] = lift(1, weight=50.0, during=2, before=2, morning=4)
    found = suggestions(history)
    assert [s.kind for s in found] == [Kind.EASE]
    assert "next morning" in found[0].reason


def test_machine_without_a_counterpart_gets_no_switch():
    own = Exercise("Hack squat machine", "strength", "machine")
    history = [lift(7 * (5 - i) + 1, "Hack squat machine", 40.0 + 2 * i) for i in range(6)]
    assert suggestions(history, extra=[own]) == []


def test_already_doing_the_counterpart_means_no_switch():
    history = [*improving_leg_press(), lift(3, "Goblet squat", 20.0)]
    assert "switch:Leg press" not in keys(suggestions(history))


def test_top_of_the_rep_range_two_sessions_running_gives_one_plan_keep_the_machine_load_and_swap_a_set():
    history = [lift(7 * (5 - i) + 1, reps=(12, 12, 12)) for i in range(6)]
    found = suggestions(history)
    assert keys(found) == ["switch:Leg press"]  # the raise to 45 kg would be a second plan for the same exercise
    assert "top of your rep range (12 reps)" in found[0].reason
    assert "Keep Leg press at 40 kg for now and swap one of your 3 sets for Goblet squat at 20 kg" in found[0].what
    assert "takes the place of a heavier Leg press load" in found[0].reason


def test_a_rehab_three_by_twelve_leg_press_at_rising_loads_leads_to_the_switch():
    history = [lift(7 * (5 - i) + 1, weight=40.0 + 2.5 * i, reps=(12, 12, 11)) for i in range(6)]
    found = suggestions(history)
    assert keys(found) == ["switch:Leg press"]
    reason = found[0].reason
    assert "heaviest load you lifted for at least 8 reps" in reason and "no one-rep-max estimate" in reason
    assert "rose 27%, from 40 kg and 42.5 kg in your first two sessions to 52.5 kg now" in reason
    assert "Goblet squat at 20 kg in all" in found[0].what  # half of 52.5 kg is over the 20 kg first-load cap


def test_pound_user_gets_loads_in_pounds_rounded_down_to_dumbbell_steps():
    history = [lift(7 * (5 - i) + 1, "Chest press machine", 80.0 + 5 * i, unit="lb") for i in range(6)]
    found = suggestions(history, unit="lb", rules={"free_weight_start_max": 40})
    assert keys(found) == ["switch:Chest press machine"]
    assert "Dumbbell bench press at 52.5 lb in all" in found[0].what  # 105 lb x 0.5
    assert "kg" not in found[0].what


def test_user_changed_ratio_and_session_count_change_the_switch():
    rules = {"min_sessions": 4, "free_weight_ratio": 0.4, "free_weight_start_max": 40}
    found = suggestions(improving_leg_press(4, step=3.0), rules=rules)
    assert keys(found) == ["switch:Leg press"]
    assert "Goblet squat at 19 kg" in found[0].what  # 49 kg x 0.4 = 19.6, rounded down


def test_two_sessions_with_every_set_at_the_top_and_settled_mornings_raise_the_load():
    found = suggestions(
        [lift(5, "Chest press machine", 40.0, (12, 12, 12)), lift(2, "Chest press machine", 40.0, (12, 12, 12))]
    )
    assert keys(found) == ["progress:Chest press machine"]
    assert "42.5 kg instead of 40 kg" in found[0].what and "8 reps" in found[0].what
    assert "last 2 sessions" in found[0].reason and "18 Nov 2026 and 21 Nov 2026" in found[0].reason
    assert found[0].raises_load and len(found[0].evidence) == 2


def test_a_single_session_at_the_top_is_not_yet_a_reason_to_try_a_heavier_load():
    assert suggestions([lift(2, "Chest press machine", 40.0, (12, 12, 12))]) == []


def test_the_top_at_a_lighter_load_before_does_not_count_towards_the_raise():
    history = [lift(5, "Chest press machine", 37.5, (12, 12, 12)), lift(2, "Chest press machine", 40.0, (12, 12, 12))]
    assert suggestions(history) == []


def test_no_raise_until_the_next_morning_is_known():
    history = [
        lift(5, "Chest press machine", 40.0, (12, 12, 12)),
        lift(0, "Chest press machine", 40.0, (12, 12, 12), morning=None),
    ]
    assert suggestions(history) == []


def test_a_set_short_of_the_top_keeps_the_load():
    history = [lift(5, "Chest press machine", 40.0, (12, 12, 12)), lift(2, "Chest press machine", 40.0, (12, 12, 11))]
    assert suggestions(history) == []


def test_user_changed_rep_range_top_raises_at_ten_reps():
    history = [lift(5, "Leg press", 60.0, (10, 10, 10)), lift(2, "Leg press", 60.0, (10, 10, 10))]
    found = suggestions(history, rules={"rep_range_top": 10, "rep_range_bottom": 6})
    assert keys(found) == ["progress:Leg press"]
    assert "65 kg" in found[0].what  # lower body goes up 5 kg


def test_user_changed_raise_after_sessions_raises_after_one_session():
    found = suggestions([lift(2, "Chest press machine", 40.0, (12, 12, 12))], rules={"raise_after_sessions": 1})
    assert keys(found) == ["progress:Chest press machine"]


def test_three_stalled_sessions_suggest_a_lighter_week():
    reps = [(10, 10, 9), (10, 9, 9), (10, 10, 9), (9, 9, 9)]
    found = suggestions([lift(3 * (3 - i) + 1, weight=40.0, reps=r) for i, r in enumerate(reps)])
    assert keys(found) == ["deload:Leg press"]
    assert "35 kg" in found[0].what  # 40 kg less 10% = 36, rounded down to a plate step
    assert "last 3 sessions at 40 kg" in found[0].reason and "best of 29 reps" in found[0].reason
    assert not found[0].raises_load


def test_two_stalls_are_not_yet_a_plateau():
    reps = [(10, 10, 9), (10, 9, 9), (9, 9, 9)]
    assert suggestions([lift(3 * (2 - i) + 1, weight=40.0, reps=r) for i, r in enumerate(reps)]) == []


def test_pound_user_lighter_week_rounds_down_to_five_pound_plates():
    reps = [(10, 10, 9), (10, 9, 9), (10, 10, 9), (9, 9, 9)]
    found = suggestions([lift(3 * (3 - i) + 1, weight=90.0, reps=r, unit="lb") for i, r in enumerate(reps)], unit="lb")
    assert "80 lb" in found[0].what  # 90 lb less 10% = 81


def test_user_changed_stall_count_waits_longer():
    reps = [(10, 10, 9), (10, 9, 9), (10, 10, 9), (9, 9, 9)]
    history = [lift(3 * (3 - i) + 1, weight=40.0, reps=r) for i, r in enumerate(reps)]
    assert suggestions(history, rules={"stall_sessions": 4}) == []


STALLED = [(10, 10, 9), (10, 9, 9), (10, 10, 9)]


def test_every_set_at_the_top_in_todays_session_is_not_a_stall():
    history = [lift(3 * (3 - i) + 1, weight=52.5, reps=r) for i, r in enumerate(STALLED)]
    today = lift(0, weight=52.5, reps=(12, 12, 12), morning=None)
    assert suggestions([*history, today]) == []
    rated = lift(0, weight=52.5, reps=(12, 12, 12))
    assert suggestions([*history, rated]) == []  # at the top is progress, and one such session is not yet a raise


def test_a_session_waiting_for_its_next_morning_is_not_counted_as_a_stall():
    history = [lift(3 * (3 - i) + 1, weight=40.0, reps=r) for i, r in enumerate(STALLED)]
    pending = lift(0, weight=40.0, reps=(9, 9, 9), morning=None)
    assert suggestions([*history, pending]) == []  # two stalls so far; today's counts once its morning is rated
    rated = lift(0, weight=40.0, reps=(9, 9, 9))
    assert keys(suggestions([*history, rated])) == ["deload:Leg press"]


def test_a_pending_session_after_a_worse_morning_does_not_hide_the_advice_to_ease_off():
    history = [lift(3, weight=40.0, before=2, morning=5), lift(0, weight=36.0, morning=None)]
    found = suggestions(history)
    assert keys(found) == [f"ease:{history[0].day.isoformat()}"]
    assert "2/10 before, 5/10 the next morning" in found[0].reason


def test_the_catalogue_marks_leg_exercises_for_the_larger_step_and_an_own_exercise_takes_the_smaller():
    history = [lift(5, "Leg curl", 30.0, (12, 12, 12)), lift(2, "Leg curl", 30.0, (12, 12, 12))]
    assert "try 35 kg" in suggestions(history)[0].title  # a leg exercise in the catalogue: up 5 kg
    own = Exercise("Sled push", "strength", "machine")  # the person's own: not in the catalogue
    history = [lift(5, "Sled push", 30.0, (12, 12, 12)), lift(2, "Sled push", 30.0, (12, 12, 12))]
    assert "try 32.5 kg" in suggestions(history, extra=[own])[0].title


def test_every_loaded_leg_and_hip_exercise_in_the_catalogue_goes_up_by_the_lower_body_step():
    from tracker.catalog import CATALOG
    from tracker.progression import increment_kg

    legs = ["Leg press", "Hack squat", "Deadlift", "Hip thrust", "Lunge", "Step-up", "Standing calf raise"]
    assert {name: increment_kg(name, "kg") for name in legs} == dict.fromkeys(legs, 5.0)
    arms = ["Chest press machine", "Lateral raise", "Dumbbell biceps curl", "My own cable thing"]
    assert {name: increment_kg(name, "kg") for name in arms} == dict.fromkeys(arms, 2.5)
    assert {e.name for e in CATALOG if e.lower_body} >= set(legs)

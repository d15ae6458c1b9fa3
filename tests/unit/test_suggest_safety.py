"""Scenario tests for safety: red flags on top and blocking increases, high impact, one-sided sport."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.unit.histories import TODAY, ago, cardio, improving_leg_press, keys, lift, suggestions
from tracker.history import ExerciseDone, Morning, PainAround, SessionDone, SetDone
from tracker.redflags import NOT_LOGGED_REMINDER
from tracker.suggestions import Kind


def test_pain_of_eight_on_waking_is_a_red_flag_and_holds_back_the_switch():
    found = suggestions(improving_leg_press(), mornings=[Morning(ago(0), "lower_back", 8)])
    assert keys(found) == ["red_flag:high:lower_back"]
    flag = found[0]
    assert "8/10" in flag.reason and "doctor" in flag.what
    assert NOT_LOGGED_REMINDER in flag.what and "numbness" in NOT_LOGGED_REMINDER


def test_a_sudden_rise_of_three_over_the_usual_level_is_a_red_flag():
    usual = [Morning(ago(d), "lower_back", 2) for d in range(20, 30)]
    found = suggestions([lift(25)], mornings=[*usual, Morning(ago(2), "lower_back", 5)])
    assert keys(found) == ["red_flag:rise:lower_back"]
    assert "about 2/10" in found[0].reason and "5/10" in found[0].reason


def test_three_mornings_in_a_row_above_the_usual_level_is_a_red_flag():
    usual = [Morning(ago(d), "lower_back", 2) for d in range(20, 30)]
    stuck = [Morning(ago(d), "lower_back", 4) for d in (3, 2, 1)]
    found = suggestions([lift(25)], mornings=[*usual, *stuck])
    assert keys(found) == ["red_flag:unsettled:lower_back"]
    assert len(found[0].evidence) == 3


def test_two_high_mornings_are_not_yet_a_flag():
    usual = [Morning(ago(d), "lower_back", 2) for d in range(20, 30)]
    stuck = [Morning(ago(d), "lower_back", 4) for d in (2, 1)]
    assert suggestions([lift(25)], mornings=[*usual, *stuck]) == []


def test_an_old_red_flag_no_longer_blocks_progress():
    found = suggestions(improving_leg_press(), mornings=[Morning(ago(20), "lower_back", 8)])
    assert keys(found) == ["switch:Leg press"]


def test_running_while_resting_pain_is_significant_gets_a_warning():
    found = suggestions([cardio(2, "Running", 20, before=5, during=5, morning=4)])
    assert keys(found) == ["impact:Running"]
    assert found[0].kind is Kind.WARNING and "5/10" in found[0].reason


def test_running_with_low_pain_is_fine():
    assert suggestions([cardio(2, "Running", 20, before=1, during=2, morning=1)]) == []


def test_golf_three_times_a_month_without_balancing_work_gets_a_reminder():
    found = suggestions([cardio(20, "Golf", 120), cardio(12, "Golf", 120), cardio(4, "Golf", 120)])
    assert keys(found) == ["one_sided:Golf"]
    assert "3 times" in found[0].reason


def test_golf_with_yoga_in_the_same_weeks_needs_no_reminder():
    history = [cardio(20, "Golf", 120), cardio(12, "Golf", 120), cardio(4, "Golf", 120), cardio(6, "Yoga", 45)]
    assert suggestions(history) == []


EXERCISES = [
    "Leg press",
    "Chest press machine",
    "Dumbbell bench press",
    "Treadmill walk",
    "Elliptical trainer",
    "Running",
]
pains = st.integers(0, 10)


@st.composite
def sessions(draw: st.DrawFn, day: int) -> SessionDone:
    """A random session on day `day` before TODAY."""
    entries = []
    for name in draw(st.lists(st.sampled_from(EXERCISES), min_size=1, max_size=3, unique=True)):
        if name in {"Leg press", "Chest press machine", "Dumbbell bench press"}:
            weight = draw(st.floats(5, 150, allow_nan=False))
            reps = draw(st.lists(st.integers(1, 15), min_size=1, max_size=4))
            entries.append(ExerciseDone(name, tuple(SetDone(weight, r) for r in reps)))
        else:
            entries.append(ExerciseDone(name, (), draw(st.floats(5, 90, allow_nan=False))))
    rating = PainAround("lower_back", draw(pains), draw(pains), draw(st.none() | pains))
    return SessionDone(TODAY - timedelta(days=day), tuple(entries), (rating,))


@st.composite
def flared_histories(draw: st.DrawFn) -> list[SessionDone]:
    """Random earlier sessions, then a last one that went over the limit or left a worse morning."""
    days = sorted(set(draw(st.lists(st.integers(1, 60), max_size=12))), reverse=True)
    earlier = [draw(sessions(d)) for d in days]
    before = draw(st.integers(0, 7))
    if draw(st.booleans()):
        last_pain = PainAround("lower_back", before, draw(st.integers(6, 10)), draw(st.none() | pains))
    else:
        last_pain = PainAround("lower_back", before, draw(pains), before + draw(st.integers(2, 10 - before)))
    last = draw(sessions(0))
    return [*earlier, SessionDone(TODAY, last.exercises, (last_pain,))]


@settings(max_examples=150, deadline=None)
@given(flared_histories())
def test_after_a_flare_up_no_suggestion_raises_the_load(history):
    assert not any(s.raises_load for s in suggestions(history))


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.integers(1, 60), max_size=12, unique=True).flatmap(lambda days: st.tuples(*[sessions(d) for d in days]))
)
def test_while_a_red_flag_is_present_it_comes_first_and_nothing_raises_the_load(history):
    found = suggestions(list(history), mornings=[Morning(TODAY, "lower_back", 9)])
    assert found[0].kind is Kind.RED_FLAG
    assert not any(s.raises_load for s in found)

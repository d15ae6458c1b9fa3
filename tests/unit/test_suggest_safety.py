"""Scenario tests for safety: flare-ups apart from red flags, red flags on top, high impact, one-sided sport."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.unit.histories import TODAY, ago, cardio, improving_leg_press, keys, lift, suggestions
from tracker.history import ExerciseDone, Morning, PainAround, SessionDone, SetDone, make_history
from tracker.redflags import NOT_LOGGED_REMINDER, red_flags_in
from tracker.restingpain import resting_days
from tracker.rules import thresholds
from tracker.suggestions import Kind

USUAL = [Morning(ago(d), "lower_back", 2) for d in range(20, 30)]


def texts(found) -> str:
    """Everything the person reads in the suggestions."""
    return " ".join(f"{s.title} {s.what} {s.reason}" for s in found)


def test_a_one_day_rise_from_two_to_five_is_a_flare_up_with_calm_advice_and_no_doctor():
    found = suggestions([lift(25)], mornings=[*USUAL, Morning(ago(2), "lower_back", 5)])
    assert keys(found) == ["flare_up:lower_back"]
    advice = found[0]
    assert advice.kind is Kind.FLARE_UP and not advice.raises_load
    assert "about 2/10" in advice.reason and "5/10" in advice.reason and "3 points above it" in advice.reason
    assert "10% less load" in advice.what and "20% shorter cardio" in advice.what
    assert "keep moving gently" in advice.what.lower() and "one to two weeks" in advice.what
    assert "doctor" not in texts(found).lower()


def test_a_flare_up_holds_back_the_switch_until_a_week_after_the_raised_rating():
    found = suggestions(improving_leg_press(), mornings=[*USUAL, Morning(ago(1), "lower_back", 5)])
    assert keys(found) == ["flare_up:lower_back"]
    assert "Until 29 Nov 2026 no suggestion here will raise your load" in found[0].what
    earlier = suggestions(improving_leg_press(), mornings=[*USUAL, Morning(ago(8), "lower_back", 5)])
    assert keys(earlier) == ["switch:Leg press"]


def test_two_mornings_two_points_up_are_within_the_usual_ups_and_downs():
    assert suggestions([lift(25)], mornings=[*USUAL, *(Morning(ago(d), "lower_back", 4) for d in (2, 1))]) == []


def test_eight_out_of_ten_on_three_days_in_a_row_is_a_red_flag_that_holds_back_the_switch():
    calm = [lift(7 * (5 - i) + 4, weight=40.0 + 2 * i) for i in range(6)]
    assert keys(suggestions(calm)) == ["switch:Leg press"]
    high = [Morning(ago(d), "lower_back", 8) for d in (2, 1, 0)]
    found = suggestions(calm, mornings=high)
    assert keys(found) == ["red_flag:high:lower_back"]  # the flare-up in the same region gives way to it
    flag = found[0]
    assert flag.kind is Kind.RED_FLAG and "contact your doctor" in flag.what
    assert "8/10 or more" in flag.reason and "3 days in a row" in flag.reason
    assert NOT_LOGGED_REMINDER in flag.what
    assert all(word in NOT_LOGGED_REMINDER for word in ("numbness", "weakness", "bladder", "fever", "weight", "fall"))


def test_eight_out_of_ten_on_two_days_is_a_flare_up_that_names_when_it_would_become_a_red_flag():
    found = suggestions([lift(25)], mornings=[*USUAL, *(Morning(ago(d), "lower_back", 8) for d in (1, 0))])
    assert keys(found) == ["flare_up:lower_back"]
    assert "8/10 or more for 3 days in a row" in found[0].reason
    assert "contact your doctor" not in texts(found).lower()


def test_eight_on_waking_that_eases_before_the_session_is_not_a_red_flag():
    eased = [lift(d, before=3, morning=None) for d in (2, 1, 0)]
    high = [Morning(ago(d), "lower_back", 8) for d in (2, 1, 0)]
    assert "red_flag:high:lower_back" not in keys(suggestions(eased, mornings=high))


def test_pain_two_points_above_the_usual_level_for_two_weeks_is_a_red_flag():
    usual = [Morning(ago(d), "lower_back", 2) for d in range(16, 44)]
    raised = [Morning(ago(d), "lower_back", 4) for d in range(0, 15, 2)]
    found = suggestions([lift(30)], mornings=[*usual, *raised])
    assert keys(found) == ["red_flag:raised:lower_back"]
    assert "about 2/10" in found[0].reason and "15 days" in found[0].reason and "contact your doctor" in found[0].what


def test_an_old_red_flag_no_longer_blocks_progress():
    old = [Morning(ago(d), "lower_back", 8) for d in (22, 21, 20)]
    found = suggestions(improving_leg_press(), mornings=old)
    assert keys(found) == ["switch:Leg press"]


def test_the_latest_red_flag_shows_in_a_two_year_range_as_in_a_short_one():
    usual = [Morning(ago(d), "lower_back", 2) for d in range(0, 730)]
    early = [Morning(ago(d), "lower_back", 9) for d in (600, 599, 598)]
    late = [Morning(ago(d), "lower_back", 8) for d in (40, 39, 38, 37)]
    mornings = {(m.day, m.region): m for m in [*usual, *early, *late]}
    history = make_history([], list(mornings.values()))
    long = red_flags_in(history, thresholds(), ago(729), TODAY)
    short = red_flags_in(history, thresholds(), ago(45), TODAY)
    assert [f.title for f in long] == [f.title for f in short] == ["Very high lower back pain that does not ease"]
    assert long[0].dates[-1] == short[0].dates[-1] == ago(37)
    assert len(long[0].dates) == 7 and "4 days in a row" in long[0].reason  # both stretches; the latest described


def test_the_days_at_rest_are_worked_out_once_per_history_and_day_for_flags_and_flare_ups_alike():
    mornings = [Morning(ago(d), "lower_back", 2 + d % 3) for d in range(0, 60)]
    history = make_history([], mornings)
    first = resting_days(history, TODAY)
    assert resting_days(history, TODAY) is first  # the second rule to ask reads the first's result
    assert [d.day for d in first["lower_back"]] == sorted(m.day for m in mornings)
    earlier = resting_days(history, ago(10))  # another day is its own answer
    assert earlier["lower_back"][-1].day == ago(10) and first["lower_back"][-1].day == TODAY


def test_running_over_the_limit_gets_the_caution_with_low_impact_alternatives_and_a_ladder_step():
    found = suggestions([cardio(9, "Running", 20, during=6), cardio(2, "Running", 25, during=6)])
    assert keys(found) == ["impact:Running", "ladder_down:Running"]  # no "restart running at ..."
    caution, ladder = found
    assert (
        caution.kind is Kind.WARNING and "6/10 on 14 Nov 2026" in caution.reason and "limit of 5/10" in caution.reason
    )
    assert all(word in caution.what for word in ("brisk walking", "elliptical", "water"))
    assert ladder.title == "Try brisk walking instead of running"
    assert "none of your 2 sessions of running stayed within your limit" in ladder.what
    assert "10 minutes" in ladder.what and "tolerated about" not in texts(found)


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
    st.lists(st.integers(3, 60), max_size=12, unique=True).flatmap(lambda days: st.tuples(*[sessions(d) for d in days]))
)
def test_while_a_red_flag_is_present_it_comes_first_and_nothing_raises_the_load(history):
    found = suggestions(list(history), mornings=[Morning(ago(d), "lower_back", 9) for d in (2, 1, 0)])
    assert found[0].kind is Kind.RED_FLAG
    assert not any(s.raises_load for s in found)

"""Validation messages say what to fix; every problem is reported at once."""

from datetime import date, datetime, timedelta

import pytest

from tracker.catalog import CATALOG
from tracker.errors import ValidationError
from tracker.records import check_exercise, check_peg, check_pressure, check_session
from tracker.session_input import SessionInput
from tracker.settings import check_settings

NOW = datetime(2026, 11, 23, 12, 0)
CATS = {e.name: e.category for e in CATALOG}


def session(**overrides):
    """A valid session's input with top-level fields replaced, given as nested dicts the way a file reader does."""
    raw = {
        "started_at": NOW - timedelta(hours=1),
        "notes": "",
        "entries": [{"exercise": "Leg press", "sets": [{"weight": 40, "reps": 10}]}],
        "pains": [{"region": "lower_back", "before": 2, "during": 3, "after": 2}],
    }
    raw.update(overrides)
    return SessionInput.from_mapping(raw)


def errors_of(raw, unit="kg"):
    with pytest.raises(ValidationError) as caught:
        check_session(raw, categories=CATS, unit=unit, now=NOW)
    return caught.value.errors


def test_a_good_session_is_accepted_and_weights_become_kilograms():
    record = check_session(
        session(entries=[{"exercise": "Leg press", "sets": [{"weight": "100", "reps": "8"}]}]),
        categories=CATS,
        unit="lb",
        now=NOW,
    )
    assert record.entries[0].sets[0].weight_kg == pytest.approx(45.3592)
    assert record.entries[0].sets[0].reps == 8


@pytest.mark.parametrize(
    ("weight", "unit", "ok"),
    [
        (500, "kg", True),
        (500.5, "kg", False),
        (1100, "lb", True),
        (1101, "lb", False),
        (0, "kg", False),
        (-1, "kg", False),
    ],
)
def test_weight_limits_depend_on_the_unit(weight, unit, ok):
    raw = session(entries=[{"exercise": "Leg press", "sets": [{"weight": weight, "reps": 5}]}])
    if ok:
        check_session(raw, categories=CATS, unit=unit, now=NOW)
    else:
        assert "entries.0.sets.0.weight" in errors_of(raw, unit)


@pytest.mark.parametrize("value", ["nan", "inf", "-Infinity", "abc", True])
def test_non_numbers_are_refused_with_the_field_named(value):
    raw = session(entries=[{"exercise": "Leg press", "sets": [{"weight": 40, "reps": value}]}])
    assert "Reps" in errors_of(raw)["entries.0.sets.0.reps"]


def test_fractional_reps_are_refused():
    raw = session(entries=[{"exercise": "Leg press", "sets": [{"weight": 40, "reps": 8.5}]}])
    assert "whole number" in errors_of(raw)["entries.0.sets.0.reps"]


@pytest.mark.parametrize("minutes", [0, 601, None])
def test_cardio_minutes_must_be_1_to_600(minutes):
    raw = session(entries=[{"exercise": "Treadmill walk", "minutes": minutes}])
    assert "entries.0.minutes" in errors_of(raw)


def test_dates_before_1900_are_refused():
    assert "before 1900" in errors_of(session(started_at=datetime(1899, 5, 1)))["started_at"]


def test_a_few_minutes_of_clock_drift_is_not_the_future():
    check_session(session(started_at=NOW + timedelta(minutes=2)), categories=CATS, unit="kg", now=NOW)


@pytest.mark.parametrize(
    ("notes", "fragment"),
    [
        ("x" * 2001, "2,001 characters"),
        ("<script>alert(1)</script>", "markup"),
        ('=HYPERLINK("x")', "formula"),
        ("a\x00b", "control"),
    ],
)
def test_risky_notes_are_refused_with_a_reason(notes, fragment):
    assert fragment in errors_of(session(notes=notes))["notes"]


def test_emoji_and_right_to_left_text_are_fine_in_notes():
    notes = "Felt good 💪 שלום"
    assert check_session(session(notes=notes), categories=CATS, unit="kg", now=NOW).notes == notes


def test_unknown_exercise_is_named_in_the_message():
    assert (
        "not in your exercise list"
        in errors_of(session(entries=[{"exercise": "Moon walk", "minutes": 5}]))["entries.0.exercise"]
    )


def test_empty_exercise_name_is_refused():
    assert "empty" in errors_of(session(entries=[{"exercise": "  ", "minutes": 5}]))["entries.0.exercise"]


def test_peak_pain_is_required_but_before_and_after_are_optional():
    errs = errors_of(session(pains=[{"region": "neck", "before": None, "during": None, "after": None}]))
    assert list(errs) == ["pains.0.during"]


def test_a_region_rated_twice_is_refused():
    pain = {"region": "neck", "during": 2}
    assert "once per session" in errors_of(session(pains=[pain, pain]))["pains"]


def test_peg_items_must_be_0_to_10():
    with pytest.raises(ValidationError) as caught:
        check_peg({"day": date(2026, 11, 1), "pain": 11, "enjoyment": -1, "activity": 3}, today=date(2026, 11, 23))
    assert set(caught.value.errors) == {"pain", "enjoyment"}


def test_pressure_threshold_needs_a_site_and_three_positive_trials():
    with pytest.raises(ValidationError) as caught:
        check_pressure(
            {"day": date(2026, 11, 1), "site": "", "trial1": 0, "trial2": 2, "trial3": None}, today=date(2026, 11, 23)
        )
    assert set(caught.value.errors) == {"site", "trial1", "trial3"}


def test_new_exercise_must_have_a_name_and_known_type():
    with pytest.raises(ValidationError) as caught:
        check_exercise({"name": "", "category": "dance"})
    assert set(caught.value.errors) == {"name", "category"}


def test_settings_need_a_region_and_a_limit_in_range():
    with pytest.raises(ValidationError) as caught:
        check_settings({"unit": "kg", "pain_limit": 0, "regions": []})
    assert set(caught.value.errors) == {"pain_limit", "regions"}


def test_a_less_than_sign_in_plain_text_is_not_markup():
    notes = "knee < hip today, 3 < 5"
    assert check_session(session(notes=notes), categories=CATS, unit="kg", now=NOW).notes == notes


def test_an_unknown_exercise_gets_one_message_only():
    assert list(errors_of(session(entries=[{"exercise": "Moon walk"}]))) == ["entries.0.exercise"]


def test_a_weight_too_light_to_exist_is_refused_not_stored_as_zero():
    raw = session(entries=[{"exercise": "Leg press", "sets": [{"weight": 0.00001, "reps": 5}]}])
    assert "from 0.1 to 500" in errors_of(raw)["entries.0.sets.0.weight"]


def test_region_messages_use_readable_names():
    assert "Lower back" in errors_of(session(pains=[{"region": "elbow", "during": 2}]))["pains.0.region"]


def test_the_form_needs_peak_pain_but_stored_history_may_lack_it():
    raw = session(pains=[{"region": "left_knee", "before": 2, "during": "", "after": 2}])
    assert errors_of(raw) == {"pains.0.during": "Peak pain during is missing: enter a number."}
    record = check_session(raw, categories=CATS, unit="kg", now=NOW, stored=True)
    assert record.pains[0].during is None and record.pains[0].before == 2


def test_stored_history_keeps_the_same_pain_range():
    raw = session(pains=[{"region": "left_knee", "before": 2, "during": 11, "after": None}])
    with pytest.raises(ValidationError) as caught:
        check_session(raw, categories=CATS, unit="kg", now=NOW, stored=True)
    assert list(caught.value.errors) == ["pains.0.during"]


def test_a_session_read_from_a_file_with_parts_left_out_gets_a_message_for_each():
    given = SessionInput.from_mapping({"entries": [{"exercise": "Leg press"}], "pains": [{"region": "lower_back"}]})
    assert errors_of(given) == {
        "started_at": "Date and time is missing or not a date and time.",
        "entries.0.sets": "Add at least one set (weight and reps).",
        "pains.0.during": "Peak pain during is missing: enter a number.",
    }


def test_a_yes_for_a_number_is_refused_even_after_the_same_numbers_were_accepted():
    """Sets and pain ratings that pass are judged once and remembered; True must not pass for the 1 it equals."""
    fine = {"exercise": "Leg press", "sets": [{"weight": 1, "reps": 1}]}
    check_session(
        session(entries=[fine], pains=[{"region": "lower_back", "during": 1}]), categories=CATS, unit="kg", now=NOW
    )
    errors = errors_of(
        session(
            entries=[{"exercise": "Leg press", "sets": [{"weight": True, "reps": True}]}],
            pains=[{"region": "lower_back", "during": True}],
        )
    )
    assert errors["entries.0.sets.0.weight"] == "Weight (kg) must be a number, not yes/no."
    assert errors["entries.0.sets.0.reps"] == "Reps must be a number, not yes/no."
    assert errors["pains.0.during"] == "Peak pain during must be a number, not yes/no."


def test_a_bad_set_among_remembered_good_ones_is_named_by_its_own_place():
    sets = [{"weight": "40", "reps": "10"}, {"weight": "40", "reps": "10"}, {"weight": "40", "reps": "ten"}]
    errors = errors_of(session(entries=[{"exercise": "Leg press", "sets": sets}]))
    assert list(errors) == ["entries.0.sets.2.reps"]
    assert "'ten' is not one" in errors["entries.0.sets.2.reps"]

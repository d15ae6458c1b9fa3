"""Importing Strong's and Hevy's CSV exports (samples written in their layouts)."""

from __future__ import annotations

from datetime import datetime

import pytest

from services.profiles import save_settings
from services.transfer import import_file
from tests.transfer_data import (
    HEVY_KG,
    HEVY_LB,
    HEVY_SHORT_PLANK,
    STRONG_6,
    STRONG_6_SEMICOLON_LB,
    STRONG_CLASSIC,
    STRONG_SHORT_HOLDS,
    STRONG_UNIT_PER_ROW,
    STRONG_WITH_EMPTY,
    counts,
    snapshot,
)
from tracker.units import KG_PER_LB


def _sessions(ctx):
    return snapshot(ctx)["sessions"]


def test_strong_asks_about_equipment_it_cannot_tell_and_writes_nothing_until_answered(ctx):
    sample = STRONG_6.replace("Pull Up", "Muscle Up").encode()
    first = import_file(ctx, "strong.csv", sample)
    assert first.needs_equipment == ("Muscle Up",)
    assert first.problems == ()
    assert not first.written
    assert counts(ctx)["sessions"] == 0
    result = import_file(ctx, "strong.csv", sample, equipment={"Muscle Up": "bodyweight"})
    assert result.written, result.problems
    assert result.sessions_added == 2
    assert result.exercises_created == ("Muscle Up",)
    assert any("warm-up" in note for note in result.notes)


def test_strong_names_map_onto_the_catalogue_and_sets_keep_their_loads(ctx):
    result = import_file(ctx, "strong.csv", STRONG_6.encode())
    assert result.written and result.exercises_created == ()
    assert "1 warm-up set was left out" in result.notes[0], result.notes  # one set: no "set(s)" or "were"
    legs, walk = _sessions(ctx)
    assert walk[0] == datetime(2026, 10, 3, 7, 30)
    assert walk[3] == (("Treadmill walk", 30.0, 3.0, None, ()),)
    assert legs[0] == datetime(2026, 10, 1, 18, 0)
    assert legs[1] == "Legs, easy\nKnee felt fine"
    names = [entry[0] for entry in legs[3]]
    assert names == ["Leg press", "Barbell squat", "Pull-up"]
    assert legs[3][0][4] == ((60.0, 10), (62.5, 9))  # the warm-up set is left out
    assert legs[3][2][4] == ((None, 6),)  # Strong's 0 means no added load


def test_strong_semicolons_with_decimal_commas_in_pounds(ctx):
    result = import_file(ctx, "strong.csv", STRONG_6_SEMICOLON_LB.encode())
    assert result.written, result.problems
    (session,) = _sessions(ctx)
    ((name, *_rest, sets),) = session[3]
    assert name == "Dumbbell bench press"
    assert sets == ((round(42.5 * KG_PER_LB, 4), 10), (round(42.5 * KG_PER_LB, 4), 9))


def test_strong_weight_unit_per_row_is_honoured(ctx):
    result = import_file(ctx, "strong.csv", STRONG_UNIT_PER_ROW.encode())
    assert result.written, result.problems
    ((_name, *_rest, sets),) = _sessions(ctx)[0][3]
    assert sets == ((round(50 * KG_PER_LB, 4), 12), (25.0, 10))


@pytest.mark.parametrize("own_unit", ["kg", "lb"])
def test_an_older_strong_file_without_a_unit_is_not_read_until_the_unit_is_given(ctx, own_unit):
    save_settings(ctx, {"unit": own_unit, "pain_limit": 5, "regions": ["lower_back"]})
    result = import_file(ctx, "strong.csv", STRONG_CLASSIC.encode())
    assert result.needs_unit and not result.written
    assert counts(ctx)["sessions"] == 0


@pytest.mark.parametrize("unit, kg", [("kg", 30.0), ("lb", round(30 * KG_PER_LB, 4))])
def test_older_strong_files_without_a_unit_are_read_in_the_unit_given(ctx, unit, kg):
    result = import_file(ctx, "strong.csv", STRONG_CLASSIC.encode(), unit=unit)
    assert result.written, result.problems
    assert result.preview is not None and result.preview.unit == unit and not result.preview.unit_from_file
    ((name, *_rest, sets),) = _sessions(ctx)[0][3]
    assert name == "Leg extension"
    assert sets == ((kg, 12), (kg, 11))


def test_hevy_in_kilograms(ctx):
    result = import_file(ctx, "workouts.csv", HEVY_KG.encode())
    assert result.written, result.problems
    (session,) = _sessions(ctx)
    assert session[0] == datetime(2026, 7, 26, 7, 6)
    assert session[1] == "Lower\nFelt strong"
    assert session[3] == (
        ("Leg curl", None, None, None, ((35.0, 10),)),
        ("Romanian deadlift", None, None, None, ((50.0, 8),)),
        ("Plank", 1.5, None, None, ()),
    )
    assert result.exercises_created == ()


def test_hevy_in_pounds_and_miles(ctx):
    result = import_file(ctx, "workouts.csv", HEVY_LB.encode())
    assert result.written, result.problems
    (session,) = _sessions(ctx)
    assert session[3] == (
        ("Running", 20.0, round(2 * 1.609344, 3), None, ()),
        ("Lat pulldown", None, None, None, ((round(100 * KG_PER_LB, 4), 10),)),
    )


@pytest.mark.parametrize("sample", [STRONG_6_SEMICOLON_LB, STRONG_CLASSIC, HEVY_KG, HEVY_LB])
def test_importing_the_same_app_file_twice_adds_nothing_the_second_time(ctx, sample):
    first = import_file(ctx, "export.csv", sample.encode(), unit="lb")
    before = snapshot(ctx)
    second = import_file(ctx, "export.csv", sample.encode(), unit="lb")
    assert first.sessions_added == 1
    assert second.written and second.sessions_added == 0 and second.already_there == 1
    assert snapshot(ctx) == before


def test_a_timed_exercise_under_a_minute_imports_as_one_minute_and_the_result_says_so(ctx):
    result = import_file(ctx, "workouts.csv", HEVY_SHORT_PLANK.encode())
    assert result.written, result.problems
    (session,) = _sessions(ctx)
    assert session[3][2] == ("Plank", 1.0, None, None, ())
    (note,) = [note for note in result.notes if "minute" in note]
    assert "Plank" in note and "line 5" in note and "45 s" in note


def test_short_timed_sets_add_up_before_rounding_and_longer_ones_are_kept(ctx):
    result = import_file(ctx, "strong.csv", STRONG_SHORT_HOLDS.encode())
    assert result.written, result.problems
    (session,) = _sessions(ctx)
    assert [(entry[0], entry[1]) for entry in session[3]] == [("Leg press", None), ("Plank", 1.0), ("Side plank", 1.25)]
    notes = [note for note in result.notes if "minute" in note]
    assert len(notes) == 1 and "Plank" in notes[0] and "Side Plank" not in notes[0]


def test_exercises_with_nothing_recorded_are_left_out_and_listed(ctx):
    result = import_file(ctx, "strong.csv", STRONG_WITH_EMPTY.encode())
    assert result.written, result.problems
    (session,) = _sessions(ctx)  # the second session held nothing else
    assert [entry[0] for entry in session[3]] == ["Leg press"]
    (note,) = [note for note in result.notes if "nothing" in note or "no sets" in note]
    assert "2 exercises had no sets" in note and "Dead Bug (line 2)" in note and "Bird Dog (line 4)" in note


def test_a_problem_after_a_left_out_exercise_still_names_its_own_line(ctx):
    bad = STRONG_WITH_EMPTY.replace("Leg Press (Machine),1,60,10", "Leg Press (Machine),1,60,-3")
    result = import_file(ctx, "strong.csv", bad.encode())
    assert not result.written
    assert {p.line for p in result.problems} == {3}, [str(p) for p in result.problems]


def test_a_ride_logged_by_time_alone_joins_the_catalogues_cycling_not_a_new_stretch(ctx):
    header = (
        "Workout #,Date,Workout Name,Duration (sec),Exercise Name,Set Order,Weight (kg),Reps,RPE,"
        "Distance (meters),Seconds,Notes,Workout Notes"
    )
    rides = "\n".join(f"{n},2026-09-0{n} 07:30:00,Ride,1800,Cycling,1,,,,,1800,," for n in (1, 2))
    result = import_file(ctx, "strong.csv", f"{header}\n{rides}\n".encode())
    assert result.written, result.problems
    assert result.exercises_created == ()
    assert result.preview is not None and [(m.target, m.how) for m in result.preview.exercises] == [("Cycling", "same")]

"""e1RM estimates, volume and load rounding."""

import pytest

from tracker.strength import DUMBBELL_STEP, PLATE_STEP, Formula, e1rm, rough_e1rm, round_down_to_step
from tracker.units import KG_PER_LB, display_weight, format_weight, from_kg, to_kg


def test_epley_estimate():
    assert e1rm(100, 10) == pytest.approx(133.33, abs=0.01)


def test_brzycki_estimate():
    assert e1rm(100, 10, Formula.BRZYCKI) == pytest.approx(133.33, abs=0.01)
    assert e1rm(100, 5, Formula.BRZYCKI) == pytest.approx(112.5)


def test_single_rep_is_its_own_max():
    assert e1rm(80, 1) == 80


@pytest.mark.parametrize("reps", [0, 11, 20])
def test_no_estimate_outside_one_to_ten_reps(reps):
    assert e1rm(50, reps) is None


def test_sets_of_eleven_to_twenty_reps_get_a_rough_estimate_and_no_more():
    assert rough_e1rm(50, 12) == pytest.approx(70.0)
    assert rough_e1rm(50, 10) is None and rough_e1rm(50, 21) is None and rough_e1rm(0, 12) is None


def test_dumbbells_round_down_to_whole_kilograms():
    assert round_down_to_step(17.9, "kg", DUMBBELL_STEP) == 17.0


def test_plates_round_down_in_pounds():
    result_kg = round_down_to_step(to_kg(97, "lb"), "lb", PLATE_STEP)
    assert from_kg(result_kg, "lb") == pytest.approx(95)


def test_exact_steps_are_kept_despite_float_noise():
    assert round_down_to_step(20.0, "kg", PLATE_STEP) == 20.0


def test_pounds_convert_to_kilograms_and_back_for_display():
    assert to_kg(1, "lb") == KG_PER_LB
    assert display_weight(to_kg(225, "lb"), "lb") == 225
    assert format_weight(45.359237, "lb") == "100 lb"
    assert format_weight(None, "kg") == "-"


def test_unknown_unit_is_refused():
    with pytest.raises(ValueError, match="kg or lb"):
        to_kg(1, "stone")

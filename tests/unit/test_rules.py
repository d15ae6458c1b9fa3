"""The thresholds users can change: defaults, validation, and tolerance of a bad store."""

from __future__ import annotations

import pytest

from tracker.errors import ValidationError
from tracker.rules import DEFAULTS, SPECS, check_rules, thresholds


def test_every_threshold_has_a_named_default_within_its_range():
    assert {spec.key for spec in SPECS} == set(DEFAULTS)
    assert all(spec.lo <= spec.default <= spec.hi for spec in SPECS)
    assert DEFAULTS["strength_gain_percent"] == 15 and DEFAULTS["free_weight_ratio"] == 0.5
    assert DEFAULTS["raise_after_sessions"] == 2 and DEFAULTS["flare_rise"] == 3
    assert (DEFAULTS["red_flag_pain"], DEFAULTS["red_flag_high_days"], DEFAULTS["red_flag_raised_days"]) == (8, 3, 14)


def test_every_threshold_has_a_label_and_a_help_text_for_the_settings_form():
    assert all(spec.label and spec.help for spec in SPECS)


def test_changed_values_are_kept_and_defaults_are_not_stored():
    assert check_rules({"min_sessions": "4", "deload_percent": 10}) == {"min_sessions": 4.0}


def test_out_of_range_and_unknown_values_are_refused_with_a_message_per_field():
    with pytest.raises(ValidationError) as caught:
        check_rules({"free_weight_ratio": 3, "surprise": 1})
    assert "from 0.1 to 1" in caught.value.errors["free_weight_ratio"]
    assert "surprise" in caught.value.errors


def test_rep_range_top_must_be_above_the_bottom():
    with pytest.raises(ValidationError) as caught:
        check_rules({"rep_range_bottom": 12, "rep_range_top": 10})
    assert "above the bottom" in caught.value.errors["rep_range_top"]


def test_a_bad_stored_value_falls_back_to_the_default():
    limits = thresholds({"min_sessions": 999, "stall_sessions": 4, "unknown": 1, "red_flag_rise": 3})
    assert limits["min_sessions"] == 6 and limits.count("stall_sessions") == 4


def test_a_gain_saved_under_its_old_name_still_counts_and_retired_red_flag_keys_are_ignored():
    limits = thresholds({"e1rm_gain_percent": 25, "red_flag_rise": 2, "red_flag_days": 5})
    assert limits["strength_gain_percent"] == 25 and limits.count("red_flag_high_days") == 3
    assert thresholds({"e1rm_gain_percent": 25, "strength_gain_percent": 20})["strength_gain_percent"] == 20

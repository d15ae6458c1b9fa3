"""Pain scales: zones, next-morning response, PEG-3, clinically important change."""

import pytest

from tracker.pain import Response, Zone, next_morning_response, pain_change, peg_score, zone


@pytest.mark.parametrize(
    ("during", "expected"),
    [
        (0, Zone.SAFE),
        (2, Zone.SAFE),
        (3, Zone.ACCEPTABLE),
        (5, Zone.ACCEPTABLE),
        (6, Zone.TOO_MUCH),
        (10, Zone.TOO_MUCH),
    ],
)
def test_pain_during_exercise_falls_in_the_monitoring_zones(during, expected):
    assert zone(during) is expected


def test_a_lower_personal_limit_moves_the_too_much_line():
    assert zone(4, limit=3) is Zone.TOO_MUCH


@pytest.mark.parametrize(
    ("before", "morning", "expected"),
    [(3, 2, Response.SETTLED), (3, 3, Response.SETTLED), (3, 4, Response.SETTLED), (3, 5, Response.WORSE)],
)
def test_next_morning_is_compared_with_pain_before_the_session(before, morning, expected):
    assert next_morning_response(before, morning) is expected


def test_peg_is_the_mean_of_its_three_items():
    assert peg_score(7, 6, 4) == pytest.approx(5.67)


def test_a_drop_of_two_points_is_clinically_important():
    change = pain_change(6, 4)
    assert change.important and change.label == "clinically important improvement"
    assert change.points == -2 and change.percent == pytest.approx(-33.3)


def test_a_small_change_is_called_no_clear_change():
    assert pain_change(6, 5).label == "no clear change"


def test_thirty_percent_counts_even_below_two_points():
    assert pain_change(3, 2).important  # -1 point is -33%


def test_a_rise_is_labelled_as_worsening():
    assert pain_change(2, 5).label == "clinically important worsening"


def test_zero_baseline_has_no_percent():
    change = pain_change(0, 1)
    assert change.percent is None and not change.important


def test_thirty_percent_of_a_low_baseline_is_not_called_important_within_the_day_to_day_wobble():
    # -32%, but only 0.7 points: the words say why that is not a change to go by
    assert pain_change(2.2, 1.5).label == "no clear change (under 1 point, within a rating's day-to-day wobble)"
    assert pain_change(4.0, 2.7).label == "clinically important improvement"  # -32% and 1.3 points

"""Tolerated load, e1RM per exercise and the 24-hour response."""

from datetime import date, timedelta

import pytest

from tracker.pain import Response
from tracker.threshold import (
    Status,
    Work,
    e1rm_series,
    response_counts,
    session_response,
    status,
)
from tracker.units import display_weight, to_kg

D0 = date(2026, 1, 5)


def lift(n: int, sets=((40.0, 10),), peak: int | None = 3, response=Response.SETTLED, name="Leg press") -> Work:
    """A strength exercise n days after D0."""
    return Work(D0 + timedelta(days=n), name, "strength", tuple(sets), None, peak, response)


def walk(n: int, minutes: float = 30, peak: int | None = 2, response=Response.SETTLED) -> Work:
    """A treadmill walk n days after D0."""
    return Work(D0 + timedelta(days=n), "Treadmill walk", "cardio", (), minutes, peak, response)


def test_the_session_response_is_its_worst_region():
    assert session_response([(3, 2), (2, 4)]) is Response.WORSE
    assert session_response([(3, 4), (2, 3)]) is Response.SETTLED  # one point up is day-to-day wobble
    assert session_response([(3, 2), (None, 5)]) is Response.SETTLED
    assert session_response([(3, None)]) is None


@pytest.mark.parametrize(
    ("peak", "response", "expected"),
    [
        (5, Response.SETTLED, Status.TOLERATED),
        (6, Response.SETTLED, Status.OVER),
        (6, None, Status.OVER),
        (4, Response.WORSE, Status.WORSE),
        (4, None, Status.PENDING),
        (None, Response.SETTLED, Status.UNRATED),
    ],
)
def test_work_counts_as_tolerated_only_within_the_limit_and_settled(peak, response, expected):
    assert status(lift(0, peak=peak, response=response), limit=5) is expected


def test_sets_of_one_to_ten_reps_give_the_estimate_when_there_are_any():
    works = [lift(0, sets=[(40, 12), (45, 5)]), lift(1, sets=[(30, 15)]), walk(2)]
    (point,) = e1rm_series(works, "week")
    assert point.e1rm == pytest.approx(52.5) and not point.rough
    assert (point.estimated_sets, point.rough_sets, point.skipped_sets) == (1, 2, 0)


def test_a_rising_three_by_twelve_shows_as_a_rough_estimate():
    works = [lift(7 * week, sets=[(40 + 5 * week, 12)] * 3) for week in range(3)]
    found = e1rm_series(works, "week")
    assert [round(p.e1rm or 0, 1) for p in found] == [56.0, 63.0, 70.0]  # 40, 45, 50 kg × (1 + 12/30)
    assert all(p.rough for p in found)


def test_sets_over_twenty_reps_are_counted_but_not_estimated():
    (alone,) = e1rm_series([lift(0, sets=[(10, 25)])], "day")
    assert alone.e1rm is None and alone.skipped_sets == 1


def test_one_rep_is_its_own_max_and_pounds_round_trip():
    weight_kg = to_kg(225, "lb")
    (point,) = e1rm_series([lift(0, sets=[(weight_kg, 1)])], "day")
    assert display_weight(point.e1rm or 0, "lb") == 225


def test_responses_are_counted_per_bucket_in_traffic_light_order():
    sessions = [(D0, Response.WORSE), (D0, Response.SETTLED), (D0 + timedelta(days=1), None), (D0, Response.SETTLED)]
    counts = response_counts(sessions, "week")
    assert [(c.response, c.sessions) for c in counts] == [(Response.SETTLED, 2), (Response.WORSE, 1), (None, 1)]

"""Tolerated load, e1RM per exercise and the 24-hour response."""

from datetime import date, timedelta

import pytest

from tracker.pain import Response
from tracker.strength import Formula
from tracker.threshold import (
    Measure,
    Status,
    Work,
    amount,
    e1rm_series,
    first_amounts,
    markers,
    response_counts,
    session_response,
    status,
    tolerated_series,
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


def test_strength_work_is_the_best_set_as_load_times_reps_or_e1rm():
    work = lift(0, sets=[(40, 10), (50, 6), (20, 15)])
    assert amount(work) == 400
    assert amount(work, Measure.E1RM) == pytest.approx(60.0)  # 50 * (1 + 6/30)
    assert amount(work, Measure.E1RM, Formula.BRZYCKI) == pytest.approx(50 * 36 / 31)
    assert amount(lift(0, sets=[(None, 12)])) == 12
    assert amount(lift(0, sets=[(None, 12)]), Measure.E1RM) is None


def test_cardio_work_is_minutes():
    assert amount(walk(0, minutes=25)) == 25


def test_over_limit_sessions_stay_apart_from_the_tolerated_trend():
    works = [lift(0), lift(2, sets=[(60, 10)], peak=7), lift(3, sets=[(45, 10)]), walk(1, 20), walk(4, 35)]
    points = tolerated_series(works, limit=5, bucket="week")
    found = {(p.exercise, p.status): (p.amount, p.sessions) for p in points}
    assert found == {
        ("Leg press", Status.TOLERATED): (450, 2),
        ("Leg press", Status.OVER): (600, 1),
        ("Treadmill walk", Status.TOLERATED): (35, 2),
    }


def test_sessions_that_did_not_count_merge_into_one_marker_per_bucket_and_kind():
    flares = [lift(n, sets=[(50, 10)], peak=8) for n in (1, 8, 15)]
    works = [
        lift(0),
        *flares,
        walk(2, 40, peak=9),
        lift(3, response=Response.WORSE),
        walk(9, response=Response.WORSE),
        walk(4, response=None),
    ]
    points = tolerated_series(works, limit=5, bucket="quarter")
    found = markers(points, first_amounts(points))
    assert [(m.status, m.sessions, m.exercises) for m in found] == [
        (Status.OVER, 4, ("Leg press", "Treadmill walk")),
        (Status.WORSE, 2, ("Leg press", "Treadmill walk")),
        (Status.PENDING, 1, ("Treadmill walk",)),
    ]
    over = found[0]
    # Leg press 500 of a first 400 is 125%, the walk 40 of a first 30 about 133%: the higher share marks the point.
    assert over.amount is None and over.percent == pytest.approx(400 / 3)
    assert found[2].amount == 30 and found[2].percent == 100
    assert {m.start for m in found} == {date(2026, 1, 1)}


def test_markers_stay_three_per_bucket_however_many_exercises_and_sessions():
    works = [lift(n, peak=9, name=f"Exercise {n % 7}") for n in range(0, 360)]
    works += [lift(n, response=None, name=f"Exercise {n % 5}") for n in range(0, 360, 2)]
    works += [lift(n, response=Response.WORSE, name=f"Exercise {n % 3}") for n in range(0, 360, 3)]
    found = markers(tolerated_series(works, limit=5, bucket="quarter"), {})
    assert len(found) == 3 * 4
    assert sum(m.sessions for m in found) == 360 + 180 + 120
    assert all(m.percent is None for m in found)  # no tolerated amount to compare with


def test_a_gap_between_sessions_leaves_no_point_in_between():
    points = tolerated_series([lift(0), lift(21)], limit=5, bucket="week")
    assert [p.start for p in points] == [D0, D0 + timedelta(days=21)]


def test_the_trend_starts_at_the_first_tolerated_amount():
    points = tolerated_series([lift(0, sets=[(80, 10)], peak=9), lift(7, sets=[(40, 10)])], limit=5, bucket="day")
    assert first_amounts(points) == {"Leg press": 400}
    only_over = tolerated_series([lift(0, peak=9)], limit=5, bucket="day")
    assert first_amounts(only_over) == {"Leg press": 400}


def test_sets_over_ten_reps_are_counted_but_not_estimated():
    works = [lift(0, sets=[(40, 12), (45, 5)]), lift(1, sets=[(30, 15)]), walk(2)]
    points = e1rm_series(works, "week")
    assert len(points) == 1
    assert points[0].e1rm == pytest.approx(52.5) and points[0].estimated_sets == 1 and points[0].skipped_sets == 2
    alone = e1rm_series([lift(0, sets=[(30, 15)])], "day")
    assert alone[0].e1rm is None and alone[0].skipped_sets == 1


def test_one_rep_is_its_own_max_and_pounds_round_trip():
    weight_kg = to_kg(225, "lb")
    (point,) = e1rm_series([lift(0, sets=[(weight_kg, 1)])], "day")
    assert display_weight(point.e1rm or 0, "lb") == 225


def test_responses_are_counted_per_bucket_in_traffic_light_order():
    sessions = [(D0, Response.WORSE), (D0, Response.SETTLED), (D0 + timedelta(days=1), None), (D0, Response.SETTLED)]
    counts = response_counts(sessions, "week")
    assert [(c.response, c.sessions) for c in counts] == [(Response.SETTLED, 2), (Response.WORSE, 1), (None, 1)]

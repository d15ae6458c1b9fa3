"""Function goals (PSFS): checking activities and ratings, rounds, when to rate again, what change matters."""

from datetime import date, timedelta

import pytest

from tracker.errors import ValidationError
from tracker.psfs import (
    Round,
    activity_changes,
    average_change,
    check_activity,
    check_retired,
    check_scores,
    count_advice,
    is_due,
    rounds,
)
from tracker.rules import thresholds

TODAY = date(2026, 3, 1)


def test_psfs_activity_keeps_the_persons_own_words() -> None:
    record = check_activity({"activity": "  Climb two flights of stairs "}, today=TODAY)
    assert (record.activity, record.created_on) == ("Climb two flights of stairs", TODAY)


@pytest.mark.parametrize(
    ("activity", "says"),
    [
        ("", "Activity is empty"),
        ("<b>stairs</b>", "markup"),
        ("=HYPERLINK(1)", "formula"),
        ("x" * 81, "shorten it to 80"),
        ("carry shopping", "already on your list"),
    ],
)
def test_psfs_activity_refuses_blank_markup_formula_long_and_repeated(activity: str, says: str) -> None:
    with pytest.raises(ValidationError) as caught:
        check_activity({"activity": activity}, today=TODAY, active=["Carry shopping"])
    assert says in caught.value.errors["activity"]


def test_psfs_a_sixth_activity_is_refused_until_one_is_retired() -> None:
    five = ["Stairs", "Shopping", "Film", "Garden", "Drive"]
    with pytest.raises(ValidationError) as caught:
        check_activity({"activity": "Run for a bus"}, today=TODAY, active=five)
    assert "retire one first" in caught.value.errors["activity"]
    assert check_activity({"activity": "Run for a bus"}, today=TODAY, active=five[:4]).activity == "Run for a bus"


def test_psfs_fewer_than_three_activities_gets_advice_not_a_refusal() -> None:
    assert "name 1 more" in (count_advice(2) or "")
    assert count_advice(3) is None and count_advice(5) is None


def test_psfs_retiring_before_the_activity_was_added_or_in_the_future_is_refused() -> None:
    with pytest.raises(ValidationError, match="before the activity was added"):
        check_retired(TODAY, TODAY - timedelta(days=1), today=TODAY)
    with pytest.raises(ValidationError, match="future"):
        check_retired(TODAY, TODAY + timedelta(days=1), today=TODAY)
    assert check_retired(TODAY, TODAY, today=TODAY) == TODAY


def test_psfs_scores_are_whole_numbers_0_to_10_with_a_message_per_activity() -> None:
    with pytest.raises(ValidationError) as caught:
        check_scores(TODAY, {1: 11, 2: 4.5, 3: 7}, today=TODAY)
    assert set(caught.value.errors) == {"score.1", "score.2"}
    assert "from 0 to 10" in caught.value.errors["score.1"]
    assert check_scores(TODAY, {1: 0, 2: 10, 3: None}, today=TODAY) == (TODAY, {1: 0, 2: 10})
    with pytest.raises(ValidationError, match="Rate at least one"):
        check_scores(TODAY, {1: None}, today=TODAY)
    with pytest.raises(ValidationError, match="before 1900"):
        check_scores(date(1899, 1, 1), {1: 3}, today=TODAY)


def test_psfs_rounds_average_the_activities_rated_each_day() -> None:
    found = rounds([(1, TODAY, 3), (2, TODAY, 4), (1, TODAY + timedelta(days=7), 6)])
    assert [(r.day, r.average) for r in found] == [(TODAY, 3.5), (TODAY + timedelta(days=7), 6.0)]


def test_psfs_is_due_after_the_interval_and_when_nothing_was_rated() -> None:
    interval = thresholds().count("psfs_interval_days")
    assert interval == 14
    assert is_due(None, interval, today=TODAY, active=2)
    assert not is_due(None, interval, today=TODAY, active=0)
    assert not is_due(TODAY - timedelta(days=13), interval, today=TODAY, active=3)
    assert is_due(TODAY - timedelta(days=14), interval, today=TODAY, active=3)
    assert thresholds({"psfs_interval_days": 7}).count("psfs_interval_days") == 7
    assert thresholds({"psfs_interval_days": 30}).count("psfs_interval_days") == 14  # outside 7-14: the default


def test_psfs_two_points_on_the_average_is_important_one_and_a_half_is_not() -> None:
    first = Round(TODAY, {1: 3, 2: 4})
    assert average_change([first, Round(TODAY, {1: 5, 2: 6})]).important  # type: ignore[union-attr]
    small = average_change([first, Round(TODAY, {1: 5, 2: 4})])
    assert small is not None and (small.points, small.important) == (1.0, False)
    assert "wobble" in small.words
    assert average_change([first]) is None


def test_psfs_three_points_on_one_activity_is_important_two_is_not() -> None:
    changes = activity_changes([Round(TODAY, {1: 2, 2: 5}), Round(TODAY, {1: 5, 2: 3, 3: 8})])
    assert changes[1].important and "matter (better)" in changes[1].words
    assert not changes[2].important and changes[2].points == -2
    assert 3 not in changes  # rated once: no change yet

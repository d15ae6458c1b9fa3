"""Sleep and pain: days after good nights against days after poorer ones, with the "what helps" minimum."""

from datetime import date, timedelta

import pytest

from tracker.errors import ValidationError
from tracker.helps import MIN_DAYS
from tracker.sleep import check_sleep, sleep_and_pain

DAY = date(2026, 2, 1)


def _days(n: int) -> list[date]:
    return [DAY + timedelta(days=i) for i in range(n)]


def test_sleep_comparison_waits_for_three_days_on_each_side() -> None:
    days = _days(5)
    pain = dict.fromkeys(days, 4.0)
    sleep = {d: (8 if i < 3 else 3) for i, d in enumerate(days)}
    result = sleep_and_pain(pain, sleep)
    assert (result.days_with, result.days_without, result.min_days) == (3, 2, MIN_DAYS)
    assert result.difference is None
    assert result.text == (
        "Sleep: needs 1 more poorer night, each rated at the morning check-in on a day with a pain rating."
    )


def test_sleep_comparison_gives_pain_after_good_and_poor_nights() -> None:
    days = _days(7)
    sleep = dict(zip(days, [9, 7, 6, 2, 4, 5, 8], strict=True))
    pain = dict(zip(days, [2.0, 3.0, 2.5, 5.0, 6.0, 4.0], strict=False))  # the last day has no pain rating
    result = sleep_and_pain(pain, sleep)
    assert (result.days_with, result.days_without) == (3, 3)
    assert (result.pain_with, result.pain_without, result.difference) == (2.5, 5.0, -2.5)
    assert "pain 2.5 on 3 days after a good night" in result.text and "(-2.5)" in result.text


def test_sleep_rating_is_optional_and_0_to_10() -> None:
    assert check_sleep(None) is None and check_sleep("") is None and check_sleep(7) == 7
    for bad, says in ((11, "from 0 to 10"), (6.5, "whole number"), ("good", "must be a number")):
        with pytest.raises(ValidationError) as caught:
            check_sleep(bad)
        assert says in caught.value.errors["sleep"] and "Sleep quality" in caught.value.errors["sleep"]

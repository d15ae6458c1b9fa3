"""The usual level at rest worked out for every day in one sliding pass equals the rule asked day by day
(tracker.restingpain.usual_level: the median of the ratings in the weeks before, when there are enough)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.restingpain import USUAL_LOOKBACK_DAYS, RestingDay, usual_level, usual_levels

D0 = date(2025, 1, 6)

# Days apart from the one before: mostly close, sometimes a gap longer than the look-back.
steps = st.lists(st.sampled_from([1, 1, 1, 2, 3, 5, USUAL_LOOKBACK_DAYS, USUAL_LOOKBACK_DAYS + 9]), max_size=80)
ratings = st.lists(st.tuples(st.integers(0, 10), st.integers(0, 10), st.integers(0, 10)), max_size=80)
sizes = st.lists(st.integers(1, 3), max_size=80)


def _days(gaps: list[int], values: list[tuple[int, int, int]], counts: list[int]) -> list[RestingDay]:
    found, day = [], D0
    for gap, pains, n in zip(gaps, values, counts, strict=False):
        day += timedelta(days=gap)
        found.append(RestingDay(day, pains[:n]))
    return found


@settings(max_examples=300, deadline=None)
@given(steps, ratings, sizes)
def test_every_days_usual_level_is_the_rule_asked_for_that_day(gaps, values, counts) -> None:
    days = _days(gaps, values, counts)
    assert usual_levels(days) == [usual_level(days, i) for i in range(len(days))]


def test_a_level_is_a_float_even_from_an_odd_number_of_whole_ratings() -> None:
    days = [RestingDay(D0 + timedelta(days=i), (3,)) for i in range(4)]
    levels = usual_levels(days)
    assert levels[:3] == [None, None, None]
    assert levels[3] == 3.0 and isinstance(levels[3], float)

"""Pain over time: buckets, daily means, rolling band, baseline against recent, cardio minutes and PEG."""

from collections.abc import Mapping
from datetime import date, timedelta

import pytest

from tracker.trends import (
    DayPain,
    baseline_vs_recent,
    bucket_days,
    bucket_for,
    bucket_mean,
    bucket_start,
    cardio_per_week,
    daily_pain,
    pain_series,
    peg_series,
    rolling,
)

D0 = date(2026, 1, 5)  # a Monday


def day(n: int) -> date:
    """The day n days after D0."""
    return D0 + timedelta(days=n)


def flat(values: Mapping[int, float]) -> list[DayPain]:
    """Daily pain on the given day offsets."""
    return [DayPain(day(n), v, 1) for n, v in values.items()]


@pytest.mark.parametrize(
    ("days", "expected"),
    [(1, "day"), (92, "day"), (93, "week"), (365, "week"), (3 * 366 + 1, "month"), (6 * 366 + 1, "quarter")],
)
def test_the_bucket_grows_with_the_range_so_points_stay_few(days, expected):
    assert bucket_for(D0, D0 + timedelta(days=days - 1)) == expected


def test_weeks_start_on_monday_and_months_on_the_first():
    sunday = date(2026, 1, 11)
    assert bucket_start(sunday, "week") == date(2026, 1, 5)
    assert bucket_start(sunday, "month") == date(2026, 1, 1)
    assert bucket_start(sunday, "day") == sunday


def test_quarters_start_in_january_april_july_and_october_and_span_their_three_months():
    assert [bucket_start(date(2026, m, 15), "quarter").month for m in (1, 3, 4, 6, 8, 12)] == [1, 1, 4, 4, 7, 10]
    assert bucket_days(date(2026, 1, 1), "quarter") == 31 + 28 + 31
    assert bucket_days(date(2028, 10, 1), "quarter") == 31 + 30 + 31
    # 91 minutes in one quarter of 2026 (90 days) are 7.1 a week.
    found = cardio_per_week([(date(2026, 2, 10), "Bike", 91)], "quarter")
    assert [(m.start, m.per_week, m.total) for m in found] == [(date(2026, 1, 1), 7.1, 91)]


def test_daily_pain_is_the_mean_of_all_the_days_ratings_from_every_source():
    # Session ratings 4 and 2 (sum 6, two ratings) and a morning check-in of 3 on the same day.
    days = daily_pain([(day(0), 6, 2), (day(0), 3, 1), (day(2), 5, 1), (day(3), 0, 0)])
    assert days == [DayPain(day(0), 3.0, 3), DayPain(day(2), 5.0, 1)]


def test_a_single_rating_gives_a_flat_band_on_its_own_value():
    (point,) = rolling(flat({0: 4}))
    assert (point.pain, point.trend, point.low, point.high, point.days) == (4, 4, 4, 4, 1)


def test_rolling_mean_covers_seven_calendar_days_and_skips_gaps():
    # Days 0, 1 and 2, a gap, then day 8: only days 2..8 fall in day 8's window.
    points = rolling(flat({0: 2, 1: 4, 2: 6, 8: 9}))
    assert [p.trend for p in points] == [2, 3, 4, 7.5]
    assert (points[-1].low, points[-1].high, points[-1].days) == (6, 9, 2)


def test_a_flare_widens_the_band_for_a_week_then_leaves_it():
    values = {n: 2 for n in range(15)} | {5: 8}
    points = {p.start: p for p in rolling(flat(values))}
    assert points[day(5)].high == 8 and points[day(11)].high == 8
    assert points[day(12)].high == 2
    assert points[day(8)].trend == pytest.approx((2 * 6 + 8) / 7, abs=0.01)


def test_weekly_scale_shows_each_weeks_mean_and_its_lowest_and_highest_day():
    points = pain_series(flat({0: 2, 3: 4, 6: 6, 7: 1}), "week")
    assert [(p.start, p.pain, p.low, p.high, p.days) for p in points] == [
        (day(0), 4.0, 2, 6, 3),
        (day(7), 1.0, 1, 1, 1),
    ]


def test_baseline_against_recent_waits_for_four_weeks_and_says_how_long():
    comparison = baseline_vs_recent(flat({0: 5, 10: 4}))
    assert comparison.change is None
    assert comparison.days_needed == 28 - 11
    assert "17 more" in comparison.text
    assert baseline_vs_recent([]).days_needed == 28


def test_a_drop_of_two_points_is_clinically_important():
    # Baseline days 0-13 average 6; last 14 days (14-27) average 4.
    comparison = baseline_vs_recent(flat({n: (6 if n < 14 else 4) for n in range(28)}))
    assert comparison.change is not None
    assert (comparison.change.baseline, comparison.change.current, comparison.change.points) == (6, 4, -2)
    assert comparison.text == (
        "Baseline (first 14 days) 6.0 against the last 14 days 4.0: -2.0 points, -33%, "
        "clinically important improvement."
    )


def test_a_small_change_is_called_no_clear_change():
    comparison = baseline_vs_recent(flat({0: 6, 13: 6, 20: 5, 40: 5}))
    assert comparison.change is not None and comparison.change.points == -1
    assert comparison.text.endswith("no clear change.")


def test_the_middle_of_a_long_history_does_not_enter_the_comparison():
    comparison = baseline_vs_recent(flat({0: 4, 30: 9, 60: 4}))
    assert comparison.change is not None and comparison.change.points == 0


def test_cardio_minutes_are_summed_per_week_and_averaged_per_week_over_a_month():
    entries = [(day(0), "Treadmill walk", 30), (day(2), "Treadmill walk", 20), (day(9), "Swimming laps", 40)]
    weekly = cardio_per_week(entries, "day")  # a day range still shows weeks
    assert [(m.start, m.modality, m.per_week) for m in weekly] == [
        (day(0), "Treadmill walk", 50),
        (day(7), "Swimming laps", 40),
    ]
    # January has 31 days: 50 minutes in it are 50 * 7 / 31 = 11.3 a week.
    monthly = cardio_per_week(entries, "month")
    assert monthly[1].modality == "Treadmill walk" and monthly[1].per_week == 11.3 and monthly[1].total == 50


def test_peg_is_the_mean_of_its_three_items_averaged_per_month_over_long_ranges():
    pegs = [(day(0), 6, 6, 6), (day(7), 3, 4, 5), (day(40), 2, 2, 2)]
    assert [p.value for p in peg_series(pegs, "week")] == [6.0, 4.0, 2.0]
    monthly = peg_series(pegs, "month")
    assert [(p.start, p.value, p.count) for p in monthly] == [(date(2026, 1, 1), 5.0, 2), (date(2026, 2, 1), 2.0, 1)]


def test_bucket_mean_leaves_empty_buckets_out():
    assert [b.start for b in bucket_mean([(day(0), 1), (day(30), 2)], "week")] == [day(0), day(28)]


def test_the_change_adds_up_from_the_levels_as_printed():
    # Baseline days average 2.86 (printed 2.9), the last 14 days 3.04 (printed 3.0).
    base = {n: (3.0 if n % 7 else 2.02) for n in range(14)}
    recent = {n: (3.0 if n % 7 else 3.28) for n in range(14, 28)}
    comparison = baseline_vs_recent(flat({**base, **recent}))
    assert comparison.text.startswith("Baseline (first 14 days) 2.9 against the last 14 days 3.0: +0.1 points")

"""formats.chart_style.timestamps: every chart's period column, worked out from day ordinals for plain dates,
must be exactly what pd.to_datetime gives (a tooltip or axis a day off would misdate a week)."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from formats.chart_style import dated_frame, timestamps


@given(st.lists(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)), max_size=50))
def test_dates_become_the_timestamps_pandas_makes(days: list[date]) -> None:
    assert pd.DatetimeIndex(timestamps(days)).equals(pd.DatetimeIndex(pd.to_datetime(days)))


def test_times_of_day_are_kept() -> None:
    # Not plain dates: the fallback keeps the time, as pd.to_datetime does.
    found = pd.DatetimeIndex(timestamps([datetime(2026, 3, 2, 7, 30), date(2026, 3, 3)]))
    assert list(found) == [pd.Timestamp("2026-03-02 07:30"), pd.Timestamp("2026-03-03")]


def test_a_dated_frame_has_the_period_type_charts_read() -> None:
    frame = dated_frame([(date(2026, 1, 5), 2.5), (date(1969, 12, 29), 3.0)], ["period", "pain"])
    assert str(frame["period"].dtype) == "datetime64[s]"
    assert list(frame["period"].dt.date) == [date(2026, 1, 5), date(1969, 12, 29)]

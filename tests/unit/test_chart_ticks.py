"""A short period's date axis: ticks on each Monday beyond five weeks (a week's point sits on its own label, as the
report's "week of 14 Sep" says), on each day up to five weeks. Drawn by vl-convert, as the report draws them."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import pandas as pd
import pytest
import vl_convert

from formats import charts

YEAR = 2026


def _texts(span: tuple[str, str], width: int = 600) -> list[str]:
    """The PEG chart's x-axis labels over `span` (weekly points, as the report and Progress draw them)."""
    first = date.fromisoformat(span[0])
    monday = first - timedelta(days=first.weekday())
    weeks = [monday + timedelta(weeks=i) for i in range(4)]
    frame = pd.DataFrame({"period": pd.to_datetime(weeks), "peg": [5.0, 4.0, 4.5, 3.0], "checkins": 1})
    svg = vl_convert.vegalite_to_svg(charts.peg_chart(frame, span=span).properties(width=width).to_dict())
    return re.findall(r">(\d{1,2} [A-Z][a-z]{2}|[A-Z][a-z]{2} \d{4})</text>", svg)


def _labels(span: tuple[str, str], width: int = 600) -> list[date]:
    """The days labelled on the axis, as dates (every label must be a day)."""
    texts = _texts(span, width)
    assert all(text[0].isdigit() for text in texts), f"a month among the days: {texts}"
    return [datetime.strptime(f"{text} {YEAR}", "%d %b %Y").date() for text in texts]


def test_twelve_weeks_put_every_label_on_a_monday_from_the_first_weeks_own():
    labels = _labels(("2026-09-11", "2026-12-03"))  # the report's default length, starting on a Friday
    assert labels and all(day.weekday() == 0 for day in labels), labels
    assert labels[0] == date(2026, 9, 7)  # the Monday the period's first week (and its first point) starts on


@pytest.mark.parametrize("span", [("2026-11-06", "2026-12-03"), ("2026-11-01", "2026-12-05")])
def test_four_or_five_weeks_keep_a_tick_a_day(span):
    labels = _labels(span)
    assert len(labels) >= 6 and any(day.weekday() != 0 for day in labels), labels


@pytest.mark.parametrize("width", [300, 560, 1100])
@pytest.mark.parametrize("span", [("2026-08-07", "2026-12-04"), ("2026-06-05", "2026-12-04")])
def test_four_to_six_months_tick_on_mondays_only(span, width):
    # Left to Vega, 4-6 months at a report's or desktop's width ticked on Sundays ("31 May"), the day before each
    # weekly point, with "Nov 2026" among the days (found by newcomer QA in the PDF).
    labels = _labels(span, width)
    assert labels and all(day.weekday() == 0 for day in labels), labels


@pytest.mark.parametrize("width", [300, 1100])
def test_a_year_ticks_on_the_first_of_each_month(width):
    texts = _texts(("2025-12-05", "2026-12-04"), width)
    assert texts and all(not text[0].isdigit() for text in texts), texts  # "Jan 2026", never "7 Dec"

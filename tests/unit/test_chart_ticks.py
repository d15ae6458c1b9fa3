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


def _labels(span: tuple[str, str]) -> list[date]:
    """The dates the PEG chart's x axis labels over `span` (weekly points, as the report and Progress draw them)."""
    first = date.fromisoformat(span[0])
    monday = first - timedelta(days=first.weekday())
    weeks = [monday + timedelta(weeks=i) for i in range(4)]
    frame = pd.DataFrame({"period": pd.to_datetime(weeks), "peg": [5.0, 4.0, 4.5, 3.0], "checkins": 1})
    svg = vl_convert.vegalite_to_svg(charts.peg_chart(frame, span=span).properties(width=600).to_dict())
    texts = re.findall(r">(\d{1,2} [A-Z][a-z]{2})</text>", svg)
    return [datetime.strptime(f"{text} {YEAR}", "%d %b %Y").date() for text in texts]


def test_twelve_weeks_put_every_label_on_a_monday_from_the_first_weeks_own():
    labels = _labels(("2026-09-11", "2026-12-03"))  # the report's default length, starting on a Friday
    assert labels and all(day.weekday() == 0 for day in labels), labels
    assert labels[0] == date(2026, 9, 7)  # the Monday the period's first week (and its first point) starts on


@pytest.mark.parametrize("span", [("2026-11-06", "2026-12-03"), ("2026-11-01", "2026-12-05")])
def test_four_or_five_weeks_keep_a_tick_a_day(span):
    labels = _labels(span)
    assert len(labels) >= 6 and any(day.weekday() != 0 for day in labels), labels

"""The PDF report's charts from the kept specs (formats/report_specs.py): what Altair builds, for every range."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from formats import images, report_specs
from services.demo import DEMO_REGIONS, fill_demo_once
from services.report import build_report

END = date(2026, 11, 23)


@pytest.fixture
def demo(ctx):
    """Three years of the demo's history: sessions, pain, PEG-3, cardio and medication."""
    fill_demo_once(ctx, years=3, today=END)
    return ctx


@pytest.mark.parametrize("days", [5, 40, 84, 150, 200, 365, 600, 1100])
def test_every_report_chart_comes_from_a_kept_spec_equal_to_altairs(demo, days):
    report = build_report(demo, start=END - timedelta(days=days - 1), end=END, regions=DEMO_REGIONS)
    kinds = {figure.kind for chart in report.charts for figure in chart.figures}
    assert {"pain_medication", "threshold", "cardio", "response"} <= kinds  # PEG-3 is weekly: not in 5 days
    for chart in report.charts:
        assert report_specs.kept_chart(chart.figures) is not None, chart.title
        assert report_specs.report_png_arguments(chart.figures) == images.report_png_arguments(chart.figures)

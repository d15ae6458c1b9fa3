"""What a user sees on every chart: readable axes, tooltips without "null", full legend names, same colours."""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd
import pytest

from formats import chart_style, charts, threshold_chart
from tests.unit.test_charts import layers, range_layer, spec, threshold_frame

SPAN = ("2025-11-25", "2026-11-24")
ONE = pd.to_datetime(["2026-11-23"])


def _frames() -> dict[str, alt.TopLevelMixin]:
    """One chart of each kind over time, from a first week of data."""
    return {
        "threshold": threshold_chart.threshold_panel(threshold_frame(), measure="kg", title="Leg press", span=SPAN),
        "pressure": charts.pressure_chart(
            pd.DataFrame({"period": ONE, "site": "Lower back", "kg_cm2": [3.0], "readings": 1}), span=SPAN
        ),
        "pain": charts.pain_chart(
            pd.DataFrame({"period": ONE, "pain": 2.0, "trend": 2.0, "low": 2.0, "high": 2.0, "days": 2}),
            "week",
            span=SPAN,
        ),
        "strength": charts.strength_chart(
            pd.DataFrame(
                {"period": ONE, "exercise": "Leg press", "e1rm": [63.3], "basis": "sets of 1-10 reps", "sets": 3}
            ),
            span=SPAN,
        ),
        "cardio": charts.cardio_chart(
            pd.DataFrame({"period": ONE, "modality": "Treadmill walk", "per_week": [25.0], "total": 25.0}), span=SPAN
        ),
        "response": charts.response_chart(
            pd.DataFrame({"period": ONE, "response": ["settled (within 1 point)"], "sessions": [1]}), "week", span=SPAN
        ),
        "peg": charts.peg_chart(pd.DataFrame({"period": ONE, "peg": [5.0], "checkins": 1}), span=SPAN),
    }


def _encodings(chart: alt.TopLevelMixin) -> list[dict[str, Any]]:
    return [spec(chart).get("encoding", {})] + [layer.get("encoding", {}) for layer in layers(chart)]


@pytest.mark.parametrize("kind", list(_frames()))
def test_every_chart_over_time_shows_the_range_picked_with_day_and_month_labels(kind):
    chart = _frames()[kind]
    x = range_layer(chart)["encoding"]["x"]
    assert x["scale"]["domain"] == {"unionWith": list(SPAN)}
    # Named by that layer alone: named in several layers too, Vega-Lite warned that the domains conflict.
    assert all("domain" not in e["x"].get("scale", {}) for e in _encodings(chart) if "x" in e)
    assert x["axis"]["format"]["week"] == "%-d %b" and "timeUnit" not in x  # no "2026 W47"
    assert x["axis"]["tickMinStep"] == chart_style.DAY_MS  # one period gets one tick, not hourly repeats


@pytest.mark.parametrize("kind", ["threshold", "pressure", "strength", "cardio", "response"])
def test_value_axes_print_plain_numbers(kind):
    y = next(e["y"] for e in _encodings(_frames()[kind]) if "y" in e)
    assert y["axis"]["format"] in (chart_style.NUMBER, "d")  # never "100.000000"


def test_a_session_count_axis_has_whole_numbers():
    y = layers(_frames()["response"])[0]["encoding"]["y"]
    assert y["axis"] == {"values": [0, 1], "format": "d"}


def test_weekly_pain_draws_a_dot_so_one_week_is_visible():
    _band, line = layers(_frames()["pain"])
    assert line["mark"]["point"]["filled"] is True


@pytest.mark.parametrize("kind", ["threshold", "pressure", "strength", "cardio", "response"])
def test_charts_keep_their_plot_height_under_a_legend(kind):
    assert spec(_frames()[kind])["autosize"] == {"type": "fit-x", "contains": "padding"}


@pytest.mark.parametrize("kind", ["pressure", "strength", "cardio"])
def test_series_colours_and_full_names_are_fixed_in_the_spec(kind):
    colour = next(e["color"] for e in _encodings(_frames()[kind]) if "field" in e.get("color", {}))
    assert colour["scale"]["range"] == chart_style.PALETTE  # Streamlit's theme cannot recolour the page
    assert colour["legend"]["labelLimit"] >= 250 and colour["legend"]["columns"] == 1


def test_a_threshold_panel_keeps_a_mark_on_the_last_day_whole():
    x = next(e["x"] for e in _encodings(_frames()["threshold"]) if "x" in e)
    assert x["scale"]["padding"] > 0


def test_threshold_tooltips_read_as_a_clinician_writes_the_work():
    frame = threshold_frame()
    shown = {
        t["field"]
        for layer in layers(threshold_chart.threshold_panel(frame, measure="kg", title="x"))
        for t in layer["encoding"]["tooltip"]
    }
    assert "text" in shown and not shown & {"level", "value", "measure"}
    assert set(frame["text"]) >= {"60 kg × 12", "80 kg × 10"}


def test_the_current_weeks_bar_stops_at_the_end_of_the_period():
    calc = next(t for t in spec(_frames()["cardio"])["transform"] if t.get("as") == "end")["calculate"]
    assert calc.startswith("min(") and f"toDate('{SPAN[1]}')" in calc


def test_a_period_of_a_few_weeks_labels_every_tick_as_a_day_never_as_a_month():
    frame = pd.DataFrame({"period": ONE, "peg": [5.0], "checkins": 1})
    x = layers(charts.peg_chart(frame, span=("2026-11-03", "2026-12-02")))[0]["encoding"]["x"]
    assert x["axis"]["format"] == "%-d %b"


@pytest.mark.parametrize("kind", ["pressure", "strength"])
def test_lines_differ_by_dash_pattern_as_well_as_colour(kind):
    dash = next(e["strokeDash"] for e in _encodings(_frames()[kind]) if "strokeDash" in e)
    colour = next(e["color"] for e in _encodings(_frames()[kind]) if "field" in e.get("color", {}))
    assert dash["field"] == colour["field"] and len(dash["scale"]["range"]) >= 4

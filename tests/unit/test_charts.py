"""Chart builders, checked through their Vega-Lite specs: fields, encodings, tooltips, aggregated data."""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd
import pytest

from formats import chart_style, charts, threshold_chart
from tracker.strength import ROUGH_BASIS
from tracker.threshold import Status

PERIODS = pd.to_datetime(["2026-01-05", "2026-01-12", "2026-01-19"])


def spec(chart: alt.TopLevelMixin) -> dict[str, Any]:
    """The chart's Vega-Lite spec as a dict."""
    return chart.to_dict()


def rows(chart: alt.TopLevelMixin) -> list[dict[str, Any]]:
    """The data rows the chart carries (what the browser receives)."""
    (values,) = spec(chart)["datasets"].values()
    return values


def layers(chart: alt.TopLevelMixin) -> list[dict[str, Any]]:
    """Each drawn layer's spec (the chart itself when it has no layers), without the one that sets the axis range."""
    d = spec(chart)
    return [layer for layer in d.get("layer", [d]) if not _sets_range_only(layer)]


def range_layer(chart: alt.TopLevelMixin) -> dict[str, Any]:
    """The layer that draws nothing and sets the date axis's range (chart_style.span_layer)."""
    (found,) = [layer for layer in spec(chart)["layer"] if _sets_range_only(layer)]
    return found


def _sets_range_only(layer: dict[str, Any]) -> bool:
    mark = layer.get("mark", {})
    return isinstance(mark, dict) and mark.get("opacity") == 0 and mark.get("aria") is False


def tooltip_fields(layer: dict[str, Any]) -> set[str]:
    """Fields named in a layer's tooltip."""
    return {t["field"] for t in layer["encoding"]["tooltip"]}


def no_width(chart: alt.TopLevelMixin) -> None:
    """The page stretches charts to the container; a fixed width would overflow a phone."""
    assert "width" not in spec(chart)


def threshold_frame(name: str = "Leg press") -> pd.DataFrame:
    """One exercise's picture: a level over three weeks, a session over the limit, one awaiting its rating."""
    data: list[tuple[object, ...]] = [
        (period, name, Status.TOLERATED.value, 60.0 + 5 * i, 60.0 + 5 * i, f"{60 + 5 * i} kg × 12", 2, "kg")
        for i, period in enumerate(PERIODS)
    ]
    data.append((PERIODS[1], name, Status.OVER.value, None, 80.0, "80 kg × 10", 1, "kg"))
    data.append((PERIODS[2], name, Status.PENDING.value, None, 70.0, "70 kg × 12", 1, "kg"))
    columns = ["period", "exercise", "status", "level", "value", "text", "sessions", "measure"]
    return pd.DataFrame(data, columns=columns)


def panel(frame: pd.DataFrame | None = None, **params: Any) -> alt.LayerChart:
    """A threshold panel with defaults."""
    return threshold_chart.threshold_panel(
        threshold_frame() if frame is None else frame, **{"measure": "kg", "title": "Leg press", **params}
    )


def test_a_threshold_panel_draws_the_level_and_every_attempt_that_did_not_count_on_its_own_axis():
    line, dots, over, worse, pending, unrated, counts = layers(panel(subtitle="60 kg × 12 → 70 kg × 12 (+17%)"))
    assert line["mark"]["type"] == "line" and line["mark"]["interpolate"] == "step-after"
    assert line["transform"] == [{"filter": f"(datum.status === '{Status.TOLERATED.value}')"}]
    assert dots["transform"] == line["transform"]
    assert counts["mark"]["type"] == "text" and counts["encoding"]["text"]["field"] == "sessions"
    shown = {
        layer["transform"][-1]["filter"].split("'")[1]: (layer["mark"]["shape"], layer["mark"]["color"])
        for layer in (over, worse, pending, unrated)
    }
    assert shown[Status.OVER.value] == ("cross", chart_style.OVER_COLOUR)
    assert shown[Status.WORSE.value][0] == "triangle-down" and shown[Status.PENDING.value][0] == "circle"
    assert len({shape for shape, _ in shown.values()}) == 4, "never colour alone"
    d = spec(panel(subtitle="60 kg × 12 → 70 kg × 12 (+17%)"))
    assert d["title"]["text"] == "Leg press" and d["title"]["subtitle"] == "60 kg × 12 → 70 kg × 12 (+17%)"
    y = line["encoding"]["y"]
    assert y["field"] == "value" and y["title"] == "Heaviest set (kg)" and y["scale"]["zero"] is True
    assert {"status", "text", "sessions"} <= tooltip_fields(line)
    assert len(rows(panel())) == 5
    no_width(panel())


def test_a_cardio_panel_reads_in_minutes():
    frame = threshold_frame("Treadmill walk").assign(measure="min")
    y = layers(threshold_chart.threshold_panel(frame, measure="min", title="Treadmill walk"))[0]["encoding"]["y"]
    assert y["title"] == "Minutes"


def test_stacked_panels_have_a_fixed_width_for_images():
    d = spec(threshold_chart.stacked([panel(), panel(title="Chest press machine")], 560))
    assert [part["width"] for part in d["vconcat"]] == [560, 560]
    assert all("autosize" not in part for part in d["vconcat"])


def test_pain_chart_draws_a_band_the_rolling_mean_and_daily_points():
    frame = pd.DataFrame(
        {"period": PERIODS, "pain": [4, 6, 2], "trend": [4, 5, 4], "low": [4, 4, 2], "high": [4, 6, 6], "days": 1}
    )
    chart = charts.pain_chart(frame, "day")
    band, line, points = layers(chart)
    assert (band["mark"]["type"], band["encoding"]["y"]["field"], band["encoding"]["y2"]["field"]) == (
        "area",
        "low",
        "high",
    )
    assert line["encoding"]["y"]["field"] == "trend" and points["encoding"]["y"]["field"] == "pain"
    assert band["encoding"]["y"]["scale"]["domain"] == [0, 10]
    assert {t["title"] for t in line["encoding"]["tooltip"]} >= {"7-day average", "Lowest day", "Highest day"}
    assert len(rows(chart)) == 3
    assert len(layers(charts.pain_chart(frame, "month"))) == 2  # period means need no separate points


def test_strength_dots_are_open_where_the_estimate_rests_on_sets_over_ten_reps():
    basis = ["sets of 1-10 reps", ROUGH_BASIS, ROUGH_BASIS]
    frame = pd.DataFrame(
        {"period": PERIODS, "exercise": "Leg press", "e1rm": [50.0, 52, 55], "basis": basis, "sets": 3}
    )
    line, dots = layers(charts.strength_chart(frame, "lb"))
    assert line["encoding"]["y"]["title"] == "e1RM (lb)"
    # Filled in the exercise's colour, left open (outlined) where the estimate rests on sets of 11-20 reps.
    fill, outline = dots["encoding"]["fill"], dots["encoding"]["strokeWidth"]
    assert fill["field"] == "exercise" and fill["condition"]["value"] == "transparent"
    assert ROUGH_BASIS in fill["condition"]["test"] and outline["condition"]["test"] == fill["condition"]["test"]
    assert outline["condition"]["value"] > 0 and outline["value"] == 0
    assert "Estimated from" in {t["title"] for t in dots["encoding"]["tooltip"]}


@pytest.mark.parametrize(("bucket", "unit"), [("day", "week"), ("week", "week"), ("month", "month")])
def test_cardio_bars_span_a_week_or_a_month_and_stack_by_modality(bucket, unit):
    frame = pd.DataFrame(
        {"period": PERIODS, "modality": ["Treadmill walk", "Swimming laps", "Treadmill walk"], "per_week": 30.0}
    ).assign(total=30.0)
    chart = charts.cardio_chart(frame, bucket)
    (d,) = layers(chart)
    assert d["mark"]["type"] == "bar"
    # A bar runs from its period's start most of the way to the next period's, however few periods there are.
    (end,) = spec(chart)["transform"]
    assert f"timeOffset('{unit}', datum.period, 1)" in end["calculate"]
    assert d["encoding"]["x2"]["field"] == end["as"]
    assert d["encoding"]["y"]["stack"] == "zero"
    assert d["encoding"]["y"]["field"] == "per_week" and d["encoding"]["color"]["field"] == "modality"


def test_response_chart_is_a_traffic_light():
    frame = pd.DataFrame(
        {
            "period": PERIODS,
            "response": ["settled (within 1 point)", "worse (2+ points up)", "no next-morning rating"],
            "sessions": [2, 1, 1],
        }
    )
    (d,) = layers(charts.response_chart(frame))
    colours = dict(
        zip(d["encoding"]["color"]["scale"]["domain"], d["encoding"]["color"]["scale"]["range"], strict=True)
    )
    assert colours["settled (within 1 point)"] == "#2e7d32" and colours["worse (2+ points up)"] == "#c62828"
    assert len(colours) == 3  # one point up is settled: there is no in-between category
    assert d["encoding"]["y"]["field"] == "sessions"


def test_what_helps_compares_with_and_without_on_the_pain_scale():
    frame = pd.DataFrame(
        {"kind": ["Cardio", "Cardio"], "side": ["after a day with it", "after a day without it"], "pain": [2.0, 4.0]}
    ).assign(days=3)
    chart = charts.helps_chart(frame)
    link, dots = layers(chart)
    assert link["encoding"]["detail"]["field"] == "kind"  # a line joins each pair
    assert dots["encoding"]["x"]["scale"]["domain"] == [0, 10]
    assert dots["encoding"]["color"]["field"] == "side" and {"days", "pain"} <= tooltip_fields(dots)


def test_peg_and_pressure_charts_plot_their_scores():
    (peg,) = layers(charts.peg_chart(pd.DataFrame({"period": PERIODS, "peg": [6.0, 5, 4], "checkins": 1})))
    assert peg["encoding"]["y"]["field"] == "peg" and peg["encoding"]["y"]["scale"]["domain"] == [0, 10]
    pressure = pd.DataFrame({"period": PERIODS, "site": "Left knee", "kg_cm2": [3.0, 3.2, 3.5], "readings": 1})
    assert layers(charts.pressure_chart(pressure))[0]["encoding"]["y"]["field"] == "kg_cm2"


def test_every_chart_carries_only_the_aggregated_rows_it_was_given():
    frame = pd.DataFrame({"period": PERIODS, "peg": [6.0, 5, 4], "checkins": [2, 1, 1]})
    assert rows(charts.peg_chart(frame)) == [
        {"period": "2026-01-05T00:00:00", "peg": 6.0, "checkins": 2},
        {"period": "2026-01-12T00:00:00", "peg": 5.0, "checkins": 1},
        {"period": "2026-01-19T00:00:00", "peg": 4.0, "checkins": 1},
    ]
    assert "aggregate" not in str(spec(charts.peg_chart(frame)))

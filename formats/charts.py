"""Altair charts for the Progress page and the report: aggregated DataFrame in, chart out (no Streamlit here).

Every mark has a tooltip with the numbers behind it. Each builder also accepts `alt.NamedData`, so
formats/chart_specs.py can build a chart's Vega-Lite spec once per process and attach each rerun's rows to it.
The shared look is formats/chart_style.py; the pain-threshold picture is formats/threshold_chart.py.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from formats.chart_style import (
    BOTTOM,
    DASHES,
    DATE,
    FIT_WIDTH,
    HEIGHT,
    OVER_COLOUR,
    PAIN_SCALE,
    SERIES,
    Source,
    Span,
    bar_layers,
    span_layer,
    x_dates,
    y_axis,
)
from formats.chart_values import SMALL_COUNT, response_params  # noqa: F401 (also named from here)
from tracker.catalog import CATEGORIES
from tracker.strength import ROUGH_BASIS

RESPONSES = ["settled (within 1 point)", "worse (2+ points up)", "no next-morning rating"]
# Each at least 3:1 against white; the grey of "no next-morning rating" is 5.3:1.
RESPONSE_COLOURS = alt.Scale(domain=RESPONSES, range=["#2e7d32", OVER_COLOUR, "#6b6b6b"])
# What helps: a row for each kind of exercise, 40 px apart when all are shown. A fixed height, not one per row
# (alt.Step): Vega-Lite warned on every page that it could not fit such a chart's height, though only its width is
# fitted, and the page's spec is built before its rows are known.
HELPS_HEIGHT = 40 * len(CATEGORIES)


def pressure_chart(frame: Source, *, span: Span = None) -> alt.LayerChart:
    """Pressure pain threshold (mean of three trials) per site: higher means less sensitive."""
    line = (
        alt.Chart()
        .mark_line(point=True)
        .encode(
            x=x_dates(span),
            y=alt.Y("kg_cm2:Q", title="kg/cm²", scale=alt.Scale(zero=False), axis=y_axis(0.1)),
            color=alt.Color("site:N", scale=SERIES, legend=BOTTOM),
            strokeDash=alt.StrokeDash("site:N", scale=DASHES, legend=BOTTOM),
            tooltip=[
                DATE,
                alt.Tooltip("site:N", title="Site"),
                alt.Tooltip("kg_cm2:Q", title="kg/cm²", format=".2f"),
                alt.Tooltip("readings:Q", title="Readings"),
            ],
        )
    )
    return alt.LayerChart(data=frame, layer=[span_layer(span), line]).properties(
        height=HEIGHT,
        autosize=FIT_WIDTH,
        description="Pressure pain threshold in kg/cm² over time, one line per site",
    )


def pain_chart(frame: Source, bucket: str = "day", *, span: Span = None) -> alt.LayerChart:
    """Daily pain with its 7-day rolling mean and lowest-highest band (period means over longer ranges)."""
    return alt.LayerChart(data=frame, layer=[span_layer(span), *pain_layers(bucket, span)]).properties(
        height=HEIGHT,
        description="Pain 0-10 over time: each period's mean rating, its trend, and the lowest-to-highest band",
    )


def pain_layers(bucket: str, span: Span) -> list[alt.Chart]:
    """The pain chart's band, trend line and (day by day) daily dots, without data or the axis's range."""
    trend = "7-day average" if bucket == "day" else f"{bucket}ly average"
    tooltip = [
        DATE,
        alt.Tooltip("pain:Q", title="Pain (mean of ratings)", format=".1f"),
        alt.Tooltip("trend:Q", title=trend, format=".1f"),
        alt.Tooltip("low:Q", title="Lowest day", format=".1f"),
        alt.Tooltip("high:Q", title="Highest day", format=".1f"),
        alt.Tooltip("days:Q", title="Days rated"),
    ]
    base = alt.Chart().encode(x=x_dates(span), tooltip=tooltip)
    band = base.mark_area(opacity=0.25).encode(
        y=alt.Y("low:Q", title="Pain (0-10)", scale=PAIN_SCALE), y2=alt.Y2("high:Q")
    )
    # A line needs two periods: over longer ranges the period means are dots too, so one period still shows.
    dots = alt.OverlayMarkDef(filled=True, size=40) if bucket != "day" else False
    line = base.mark_line(strokeWidth=2.5, point=dots).encode(y=alt.Y("trend:Q", scale=PAIN_SCALE))
    layers: list[alt.Chart] = [band, line]
    if bucket == "day":
        layers.append(base.mark_point(filled=True, size=25, opacity=0.6).encode(y=alt.Y("pain:Q", scale=PAIN_SCALE)))
    return layers


def strength_chart(frame: Source, unit: str = "kg", *, span: Span = None) -> alt.LayerChart:
    """Best estimated one-rep max per exercise and period: filled dots from sets of 1-10 reps, open dots where
    only sets of 11-20 reps were done (a rougher estimate, but a rising 3 × 12 shows)."""
    base = alt.Chart().encode(
        x=x_dates(span),
        y=alt.Y("e1rm:Q", title=f"e1RM ({unit})", scale=alt.Scale(zero=False), axis=y_axis()),
        color=alt.Color("exercise:N", scale=SERIES, legend=BOTTOM),
        # A dash pattern too, so no line is told apart by colour alone (one legend shows both).
        strokeDash=alt.StrokeDash("exercise:N", scale=DASHES, legend=BOTTOM),
        tooltip=[
            DATE,
            alt.Tooltip("exercise:N", title="Exercise"),
            alt.Tooltip("e1rm:Q", title=f"Best e1RM ({unit})", format=".1f"),
            alt.Tooltip("basis:N", title="Estimated from"),
            alt.Tooltip("sets:Q", title="Sets estimated"),
        ],
    )
    rough = alt.datum.basis == ROUGH_BASIS
    # One layer of dots, open or filled by what they rest on: a layer for each kind left one with no rows (no
    # rough estimates) that Vega warned of and took an infinite range from.
    dots = base.mark_point(filled=False).encode(
        fill=alt.condition(rough, alt.value("transparent"), alt.Fill("exercise:N", scale=SERIES, legend=BOTTOM)),
        size=alt.condition(rough, alt.value(60), alt.value(50)),
        strokeWidth=alt.condition(rough, alt.value(2), alt.value(0)),
    )
    return alt.LayerChart(data=frame, layer=[span_layer(span), base.mark_line(), dots]).properties(
        height=HEIGHT,
        autosize=FIT_WIDTH,
        description="Estimated one-rep maximum over time, one line per strength exercise; open dots rest on "
        "sets of 11-20 reps",
    )


def cardio_chart(frame: Source, bucket: str = "week", *, span: Span = None) -> alt.LayerChart:
    """Cardio minutes per week, stacked by modality (weekly averages per month or quarter over long ranges)."""
    bars = (
        alt.Chart()
        .mark_bar(orient="vertical")
        .encode(
            x=x_dates(span),
            x2=alt.X2("end:T"),
            y=alt.Y("per_week:Q", title="Minutes per week", stack="zero", axis=y_axis()),
            color=alt.Color("modality:N", scale=SERIES, legend=BOTTOM),
            tooltip=[
                DATE,
                alt.Tooltip("modality:N", title="Modality"),
                alt.Tooltip("per_week:Q", title="Minutes per week", format=".0f"),
                alt.Tooltip("total:Q", title="Minutes in period", format=".0f"),
            ],
        )
    )
    return bar_layers(frame, bars, "week" if bucket == "day" else bucket, span).properties(
        height=HEIGHT, autosize=FIT_WIDTH, description="Cardio minutes per week, stacked by kind of cardio"
    )


def response_chart(frame: Source, bucket: str = "day", *, most: int | None = None, span: Span = None) -> alt.LayerChart:
    """Sessions per period by next-morning response: green settled, amber same, red worse, grey unknown."""
    if most is None:
        most = response_params(frame)["most"] if isinstance(frame, pd.DataFrame) else 0
    # Whole sessions only: list the ticks while there are few (Vega's tickMinStep is not honoured everywhere).
    ticks = alt.Axis(values=list(range(most + 1)), format="d") if most else alt.Axis(tickMinStep=1, format="d")
    order = f"indexof([{', '.join(repr(r) for r in RESPONSES)}], datum.response)"
    bars = (
        alt.Chart()
        .transform_calculate(response_order=order)
        .mark_bar(orient="vertical")
        .encode(
            x=x_dates(span),
            x2=alt.X2("end:T"),
            y=alt.Y("sessions:Q", title="Sessions", stack="zero", axis=ticks),
            color=alt.Color(
                "response:N",
                scale=RESPONSE_COLOURS,
                legend=alt.Legend(orient="bottom", title=None, columns=1, labelLimit=300),
            ),
            order=alt.Order("response_order:Q"),
            tooltip=[
                DATE,
                alt.Tooltip("response:N", title="Next morning"),
                alt.Tooltip("sessions:Q", title="Sessions"),
            ],
        )
    )
    return bar_layers(frame, bars, bucket, span).properties(
        height=HEIGHT,
        autosize=FIT_WIDTH,
        description="Sessions per period by how pain had settled the next morning",
    )


def helps_chart(frame: Source) -> alt.LayerChart:
    """Mean next-day pain after days with each kind of exercise against days without it."""
    base = alt.Chart(frame).encode(
        y=alt.Y("kind:N", title=None),
        x=alt.X("pain:Q", title="Mean pain the next day (0-10)", scale=PAIN_SCALE),
        tooltip=[
            alt.Tooltip("kind:N", title="Exercise"),
            alt.Tooltip("side:N", title="Days"),
            alt.Tooltip("pain:Q", title="Next-day pain", format=".1f"),
            alt.Tooltip("days:Q", title="Number of days"),
        ],
    )
    link = base.mark_line(color="#9e9e9e").encode(detail="kind:N")
    dots = base.mark_point(filled=True, size=120).encode(color=alt.Color("side:N", scale=SERIES, legend=BOTTOM))
    return alt.LayerChart(layer=[link, dots]).properties(
        height=HELPS_HEIGHT,
        autosize=FIT_WIDTH,
        description="Mean pain the next day after days with each kind of exercise, against days without it",
    )


def peg_chart(frame: Source, *, span: Span = None) -> alt.LayerChart:
    """Weekly PEG-3 score (0-10; monthly means over long ranges)."""
    line = (
        alt.Chart()
        .mark_line(point=True)
        .encode(
            x=x_dates(span),
            y=alt.Y("peg:Q", title="PEG (0-10)", scale=PAIN_SCALE),
            tooltip=[DATE, alt.Tooltip("peg:Q", title="PEG", format=".1f"), alt.Tooltip("checkins:Q", title="PEGs")],
        )
    )
    return alt.LayerChart(data=frame, layer=[span_layer(span), line]).properties(
        height=HEIGHT, description="Weekly PEG-3 score (0-10) over time"
    )

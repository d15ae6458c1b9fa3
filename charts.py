"""Altair charts for the Progress page and the report: aggregated DataFrame in, chart out (no Streamlit here).

No builder sets a width: the page stretches each chart to its container (phone or desktop) and the
image export sets one. Every mark has a tooltip with the numbers behind it.

Each builder also accepts `alt.NamedData`, so `chart_specs.py` can build a chart's Vega-Lite spec once
per process and attach each rerun's rows to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, TypeAlias

import altair as alt
import pandas as pd

from tracker.strength import ROUGH_BASIS
from tracker.threshold import Status
from tracker.trends import DAY_RANGE_MAX

HEIGHT = 280
# Room for the exercise legend under the plot.
TALL = 360
# Charts with a legend: Streamlit's default "fit" squeezes the legend into the height (a 3-row legend left an
# 80 px plot). Fit the width only, so the plot keeps its height and the legend adds to it.
FIT_WIDTH = alt.AutoSizeParams(type="fit-x", contains="padding")
AnyChart: TypeAlias = alt.Chart | alt.LayerChart
Source: TypeAlias = pd.DataFrame | alt.NamedData
DATE = alt.Tooltip("period:T", title="From", format="%d %b %Y")
# One date axis on every chart over time: years, months, then day and month; never weekdays or week numbers.
DATE_LABELS = alt.TimeFormatSpecifier(
    year="%b %Y", quarter="%b %Y", month="%b %Y", week="%-d %b", date="%-d %b", day="%-d %b", hours="%-d %b"
)
DAY_MS = 86_400_000
# Periods up to this many days are drawn day by day (tracker.trends.DAY_RANGE_MAX).
SHORT_DAYS = DAY_RANGE_MAX
# Numbers without trailing zeros: "100", "63.5", never "100.000000".
NUMBER = ",~f"
# One column of full names fits a 390 px phone (about 330 px for the legend); two columns cut names at 120 px.
BOTTOM = alt.Legend(orient="bottom", title=None, columns=1, labelLimit=300)
# Vega's own categorical palette (tableau10), set in the spec: Streamlit's theme would otherwise recolour the
# page's charts while the PNG/SVG export kept Vega's, so an exercise changed colour between screen and image.
PALETTE = ["#4c78a8", "#f58518", "#e45756", "#72b7b2", "#54a24b", "#eeca3b", "#b279a2", "#ff9da6", "#9d755d", "#bab0ac"]
SERIES = alt.Scale(range=PALETTE)
PAIN_SCALE = alt.Scale(domain=[0, 10])
RESPONSES = ["settled (within 1 point)", "worse (2+ points up)", "no next-morning rating yet"]
RESPONSE_COLOURS = alt.Scale(domain=RESPONSES, range=["#2e7d32", "#c62828", "#9e9e9e"])
OVER_COLOUR = "#c62828"
SMALL_COUNT = 8


Span: TypeAlias = tuple[str, str] | None


def _x(span: Span = None, padding: int = 0) -> alt.X:
    """Dates on x; with `span` (first and last day shown, ISO) the axis covers at least the range picked;
    `padding` pixels either side keep a mark on the first or last day whole."""
    domain = alt.DomainUnionWith(unionWith=list(span)) if span else alt.Undefined
    extra = padding or alt.Undefined
    scale = alt.Scale(domain=domain, padding=extra) if span or padding else alt.Undefined
    # Over a few weeks every tick is a day: a tick on the 1st must not read "Dec 2026" among "28 Nov", "30 Nov".
    short = span is not None and (date.fromisoformat(span[1]) - date.fromisoformat(span[0])).days <= SHORT_DAYS
    # Ticks at least a day apart: one period must not get hourly ticks that all read the same date.
    axis = alt.Axis(labelOverlap=True, format="%-d %b" if short else DATE_LABELS, tickMinStep=DAY_MS)
    return alt.X("period:T", title=None, axis=axis, scale=scale)


def _y_axis(step: float = 1) -> alt.Axis:
    """A value axis with plain numbers and ticks at least `step` apart (one value must not get 0.000001 steps)."""
    return alt.Axis(format=NUMBER, tickMinStep=step, tickCount=5)


def _bars(bucket: str, span: Span = None) -> dict[str, str]:
    """A bar's right end: 85% of the way to the next period, so bars have their period's width and a gap; with
    `span`, never past the end of its last day (the current week's bar does not run into the future)."""
    unit = {"quarter": "quarter", "month": "month", "week": "week"}.get(bucket, "day")
    start = "time(datum.period)"
    end = f"{start} + 0.85 * (time(timeOffset('{unit}', datum.period, 1)) - {start})"
    if span:
        end = f"min({end}, time(toDate('{span[1]}')) + {DAY_MS})"
    return {"end": end}


# The tolerated level, and the sessions that did not count, each with its own colour and shape (never colour
# alone). The words for them are under the chart and in every tooltip.
LEVEL_COLOUR = "#1f4e79"
ATTEMPTS = (
    (Status.OVER, OVER_COLOUR, "cross", True, 120),
    (Status.WORSE, "#b35900", "triangle-down", True, 90),
    (Status.PENDING, "#5f6368", "circle", False, 70),
    (Status.UNRATED, "#5f6368", "square", False, 50),
)
AXIS_TITLES = {"min": "Minutes", "reps": "Reps (no load)"}
PANEL_HEIGHT = 170


def threshold_panel(
    frame: Source, *, measure: str, title: str, subtitle: str = "", span: Span = None
) -> alt.LayerChart:
    """One exercise's pain threshold: its tolerated level (line) and the sessions that went over the limit,
    were worse next morning or are still waiting for their rating (marks), on the exercise's own units."""
    y_title = AXIS_TITLES.get(measure, f"Heaviest set ({measure})")
    base = alt.Chart().encode(
        x=_x(span, padding=10),
        y=alt.Y("value:Q", title=y_title, scale=alt.Scale(zero=True), axis=_y_axis()),
        tooltip=[
            DATE,
            alt.Tooltip("status:N", title="Session"),
            alt.Tooltip("text:N", title="Work"),
            alt.Tooltip("sessions:Q", title="Sessions"),
        ],
    )
    level = base.transform_filter(alt.datum.status == Status.TOLERATED.value)
    layers = [
        level.mark_line(color=LEVEL_COLOUR, strokeWidth=2.5, interpolate="step-after"),
        level.mark_point(filled=True, size=45, color=LEVEL_COLOUR, shape="circle"),
    ]
    for kind, colour, shape, filled, size in ATTEMPTS:
        mark = base.transform_filter(alt.datum.status == kind.value)
        layers.append(mark.mark_point(filled=filled, size=size, shape=shape, color=colour, strokeWidth=2))
    heading = alt.TitleParams(text=title, subtitle=subtitle or alt.Undefined, anchor="start", fontSize=14)
    return alt.LayerChart(data=frame, layer=layers).properties(height=PANEL_HEIGHT, autosize=FIT_WIDTH, title=heading)


def stacked(panels: Sequence[alt.LayerChart], width: int) -> alt.VConcatChart:
    """Panels one above the other at a fixed width, for images and the PDF (a page draws them one by one)."""
    fixed = []
    for panel in panels:
        one = panel.copy()
        one.autosize = alt.Undefined  # a stack sizes itself: its parts may not
        fixed.append(one.properties(width=width))
    return alt.vconcat(*fixed, spacing=24)


def pressure_chart(frame: Source, *, span: Span = None) -> alt.Chart:
    """Pressure pain threshold (mean of three trials) per site: higher means less sensitive."""
    return (
        alt.Chart(frame)
        .mark_line(point=True)
        .encode(
            x=_x(span),
            y=alt.Y("kg_cm2:Q", title="kg/cm²", scale=alt.Scale(zero=False), axis=_y_axis(0.1)),
            color=alt.Color("site:N", scale=SERIES, legend=BOTTOM),
            tooltip=[
                DATE,
                alt.Tooltip("site:N", title="Site"),
                alt.Tooltip("kg_cm2:Q", title="kg/cm²", format=".2f"),
                alt.Tooltip("readings:Q", title="Readings"),
            ],
        )
        .properties(height=HEIGHT, autosize=FIT_WIDTH)
    )


def pain_chart(frame: Source, bucket: str = "day", *, span: Span = None) -> alt.LayerChart:
    """Daily pain with its 7-day rolling mean and lowest-highest band (period means over longer ranges)."""
    trend = "7-day average" if bucket == "day" else f"{bucket}ly average"
    tooltip = [
        DATE,
        alt.Tooltip("pain:Q", title="Pain (mean of ratings)", format=".1f"),
        alt.Tooltip("trend:Q", title=trend, format=".1f"),
        alt.Tooltip("low:Q", title="Lowest day", format=".1f"),
        alt.Tooltip("high:Q", title="Highest day", format=".1f"),
        alt.Tooltip("days:Q", title="Days rated"),
    ]
    base = alt.Chart(frame).encode(x=_x(span), tooltip=tooltip)
    band = base.mark_area(opacity=0.25).encode(
        y=alt.Y("low:Q", title="Pain (0-10)", scale=PAIN_SCALE), y2=alt.Y2("high:Q")
    )
    # A line needs two periods: over longer ranges the period means are dots too, so one period still shows.
    dots = alt.OverlayMarkDef(filled=True, size=40) if bucket != "day" else False
    line = base.mark_line(strokeWidth=2.5, point=dots).encode(y=alt.Y("trend:Q", scale=PAIN_SCALE))
    layers: list[alt.Chart] = [band, line]
    if bucket == "day":
        layers.append(base.mark_point(filled=True, size=25, opacity=0.6).encode(y=alt.Y("pain:Q", scale=PAIN_SCALE)))
    return alt.LayerChart(layer=layers).properties(height=HEIGHT)


def strength_chart(frame: Source, unit: str = "kg", *, span: Span = None) -> alt.LayerChart:
    """Best estimated one-rep max per exercise and period: filled dots from sets of 1-10 reps, open dots where
    only sets of 11-20 reps were done (a rougher estimate, but a rising 3 × 12 shows)."""
    base = alt.Chart().encode(
        x=_x(span),
        y=alt.Y("e1rm:Q", title=f"e1RM ({unit})", scale=alt.Scale(zero=False), axis=_y_axis()),
        color=alt.Color("exercise:N", scale=SERIES, legend=BOTTOM),
        tooltip=[
            DATE,
            alt.Tooltip("exercise:N", title="Exercise"),
            alt.Tooltip("e1rm:Q", title=f"Best e1RM ({unit})", format=".1f"),
            alt.Tooltip("basis:N", title="Estimated from"),
            alt.Tooltip("sets:Q", title="Sets estimated"),
        ],
    )
    rough = alt.datum.basis == ROUGH_BASIS
    return alt.LayerChart(
        data=frame,
        layer=[
            base.mark_line(),
            base.transform_filter(~rough).mark_point(filled=True, size=50),
            base.transform_filter(rough).mark_point(filled=False, size=60, strokeWidth=2),
        ],
    ).properties(height=HEIGHT, autosize=FIT_WIDTH)


def cardio_chart(frame: Source, bucket: str = "week", *, span: Span = None) -> alt.Chart:
    """Cardio minutes per week, stacked by modality (weekly averages per month or quarter over long ranges)."""
    return (
        alt.Chart(frame)
        .transform_calculate(**_bars("week" if bucket == "day" else bucket, span))
        .mark_bar(orient="vertical")
        .encode(
            x=_x(span),
            x2=alt.X2("end:T"),
            y=alt.Y("per_week:Q", title="Minutes per week", stack="zero", axis=_y_axis()),
            color=alt.Color("modality:N", scale=SERIES, legend=BOTTOM),
            tooltip=[
                DATE,
                alt.Tooltip("modality:N", title="Modality"),
                alt.Tooltip("per_week:Q", title="Minutes per week", format=".0f"),
                alt.Tooltip("total:Q", title="Minutes in period", format=".0f"),
            ],
        )
        .properties(height=HEIGHT, autosize=FIT_WIDTH)
    )


def response_params(frame: pd.DataFrame) -> dict[str, Any]:
    """What the response chart's axis depends on: the most sessions in one period, when that is few."""
    most = int(frame.groupby("period")["sessions"].sum().max()) if len(frame) else 1
    return {"most": most if most <= SMALL_COUNT else 0}


def response_chart(frame: Source, bucket: str = "day", *, most: int | None = None, span: Span = None) -> alt.Chart:
    """Sessions per period by next-morning response: green settled, amber same, red worse, grey unknown."""
    if most is None:
        most = response_params(frame)["most"] if isinstance(frame, pd.DataFrame) else 0
    # Whole sessions only: list the ticks while there are few (Vega's tickMinStep is not honoured everywhere).
    ticks = alt.Axis(values=list(range(most + 1)), format="d") if most else alt.Axis(tickMinStep=1, format="d")
    order = f"indexof([{', '.join(repr(r) for r in RESPONSES)}], datum.response)"
    return (
        alt.Chart(frame)
        .transform_calculate(response_order=order, **_bars(bucket, span))
        .mark_bar(orient="vertical")
        .encode(
            x=_x(span),
            x2=alt.X2("end:T"),
            y=alt.Y("sessions:Q", title="Sessions", stack="zero", axis=ticks),
            color=alt.Color(
                "response:N", scale=RESPONSE_COLOURS, legend=alt.Legend(orient="bottom", title=None, columns=2)
            ),
            order=alt.Order("response_order:Q"),
            tooltip=[
                DATE,
                alt.Tooltip("response:N", title="Next morning"),
                alt.Tooltip("sessions:Q", title="Sessions"),
            ],
        )
        .properties(height=HEIGHT, autosize=FIT_WIDTH)
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
    return alt.LayerChart(layer=[link, dots]).properties(height=alt.Step(40), autosize=FIT_WIDTH)


def peg_chart(frame: Source, *, span: Span = None) -> alt.Chart:
    """Weekly PEG-3 score (0-10; monthly means over long ranges)."""
    return (
        alt.Chart(frame)
        .mark_line(point=True)
        .encode(
            x=_x(span),
            y=alt.Y("peg:Q", title="PEG (0-10)", scale=PAIN_SCALE),
            tooltip=[DATE, alt.Tooltip("peg:Q", title="PEG", format=".1f"), alt.Tooltip("checkins:Q", title="PEGs")],
        )
        .properties(height=HEIGHT)
    )

"""The look every chart shares: heights, the date axis, number format, colours and dash patterns (WCAG contrast).

No builder sets a width: the page stretches each chart to its container (phone or desktop) and the image
export sets one.
"""

from __future__ import annotations

from typing import TypeAlias

import altair as alt
import pandas as pd

from formats.chart_values import (  # noqa: F401 (also named from here)
    MONDAY_TICKS_DAYS,
    MONTH_TICKS_DAYS,
    Span,
    dated_frame,
    tick_kind,
    timestamps,
)
from tracker.trends import DAY_RANGE_MAX

HEIGHT = 280
# Charts with a legend: Streamlit's default "fit" squeezes the legend into the height (a 3-row legend left an
# 80 px plot). Fit the width only, so the plot keeps its height and the legend adds to it.
FIT_WIDTH = alt.AutoSizeParams(type="fit-x", contains="padding")
Source: TypeAlias = pd.DataFrame | alt.NamedData
DATE = alt.Tooltip("period:T", title="From", format="%-d %b %Y")
# One date axis on every chart over time: years, months, then day and month; never weekdays or week numbers.
DATE_LABELS = alt.TimeFormatSpecifier(
    year="%b %Y", quarter="%b %Y", month="%b %Y", week="%-d %b", date="%-d %b", day="%-d %b", hours="%-d %b"
)
DAY_MS = 86_400_000
# Periods up to this many days are drawn day by day (tracker.trends.DAY_RANGE_MAX).
SHORT_DAYS = DAY_RANGE_MAX
# Up to this many weeks a short period's axis has a tick a day (labels thinned to fit), then a tick a Monday.
WEEKS_OF_DAY_TICKS = 5
# Numbers without trailing zeros: "100", "63.5", never "100.000000".
NUMBER = ",~f"
# One column of full names fits a 390 px phone (about 330 px for the legend); two columns cut names at 120 px.
BOTTOM = alt.Legend(orient="bottom", title=None, columns=1, labelLimit=300)
# Tableau's ten hues, darkened where needed so each line and dot stands out at least 3:1 against the white
# background (WCAG 2.2, 1.4.11); from 4.2:1 (orange) to 6.1:1 (brown). Set in the spec: Streamlit's theme would
# otherwise recolour the page's charts while the PNG/SVG export kept these, so an exercise changed colour
# between screen and image.
PALETTE = ["#4c78a8", "#c2610c", "#c23b3a", "#2b7a76", "#3c7d35", "#8a6d00", "#8e4f84", "#c0456a", "#7d5a45", "#6b6b6b"]
SERIES = alt.Scale(range=PALETTE)
# Dash patterns that go with the palette, so lines differ by more than colour (solid first).
DASHES = alt.Scale(range=[[1, 0], [6, 3], [2, 2], [8, 3, 2, 3], [12, 4], [4, 4]])
PAIN_SCALE = alt.Scale(domain=[0, 10])
# The red of "over the limit" and "worse next morning" (5.6:1 against white).
OVER_COLOUR = "#c62828"


def x_dates(span: Span = None, padding: int = 0) -> alt.X:
    """Dates on x; `span` (first and last day shown, ISO) picks the tick labels, `padding` pixels either side keep a
    mark on the first or last day whole. The axis's range is set by `span_layer`, once per chart."""
    scale = alt.Scale(padding=padding) if padding else alt.Undefined
    ticks = tick_kind(span)
    # On days and Mondays every label is a day: a tick on the 1st must not read "Dec 2026" among "28 Nov", "30 Nov".
    # Ticks at least a day apart: one period must not get hourly ticks that all read the same date.
    # labelFlush keeps the first and last labels inside the plot, so "Dec 2026" is never cut at the edge.
    days_format = ticks == "days"
    axis = alt.Axis(
        labelOverlap=True, labelFlush=True, format="%-d %b" if days_format else DATE_LABELS, tickMinStep=DAY_MS
    )
    if ticks == "days" and span is not None:
        axis["values"] = alt.ExprRef(day_ticks(span))
    elif ticks == "months":
        axis["tickCount"] = alt.TimeIntervalStep(interval="month", step=1)
    return alt.X("period:T", title=None, axis=axis, scale=scale)


def day_ticks(span: tuple[str, str]) -> str:
    """Tick positions for a few weeks or months (a Vega expression): every day up to five weeks, else every
    Monday. Left to itself, Vega puts weekly ticks on Sundays, so a week's point (its Monday) sat beside the label
    of the day before it, and the report's "week of 14 Sep" read as 13 Sep on the chart."""
    first, last = (f"time(toDate('{day}'))" for day in span)
    monday = f"{first} - ((utcday(toDate('{span[0]}')) + 6) % 7) * {DAY_MS}"
    weeks = f"sequence({monday}, {last} + {DAY_MS}, {7 * DAY_MS})"
    days = f"sequence({first}, {last} + {DAY_MS}, {DAY_MS})"
    return f"{last} - {first} > {WEEKS_OF_DAY_TICKS * 7 * DAY_MS} ? {weeks} : {days}"


def span_layer(span: Span = None, *, padding: int = 0, ends: bool = False, y: alt.Y | None = None) -> alt.Chart:
    """A layer over all the chart's rows that draws nothing and alone sets the date axis's range: every period
    (with `ends`, every bar's or band's "end" too) and, with `span`, at least the range picked. With `y` (whose
    scale names a domain), it sets the value axis's range from all the rows as well.

    Vega-Lite takes a scale's range from the layers that name one and leaves out the others. Named in every layer
    (or beside an x2), it warned of conflicting domains on every chart; left to layers that show some rows only
    (a status, a kind of dose), an empty one made Vega warn of an infinite extent.
    """
    # Not an empty unionWith: Vega would take the range of no values, infinite.
    domain = alt.DomainUnionWith(unionWith=list(span)) if span else alt.Undefined
    x = x_dates(span, padding)
    x["scale"] = alt.Scale(domain=domain, padding=padding or alt.Undefined) if span or padding else alt.Undefined
    chart = alt.Chart().transform_fold(["period", "end"], as_=["bound", "period"]) if ends else alt.Chart()
    return chart.mark_point(opacity=0, size=0, aria=False).encode(x=x, y=y if y is not None else alt.Undefined)


def y_axis(step: float = 1) -> alt.Axis:
    """A value axis with plain numbers and ticks at least `step` apart (one value must not get 0.000001 steps)."""
    return alt.Axis(format=NUMBER, tickMinStep=step, tickCount=5)


def bar_end(bucket: str, span: Span = None) -> dict[str, str]:
    """A bar's right end: 85% of the way to the next period, so bars have their period's width and a gap; with
    `span`, never past the end of its last day (the current week's bar does not run into the future)."""
    unit = {"quarter": "quarter", "month": "month", "week": "week"}.get(bucket, "day")
    start = "time(datum.period)"
    end = f"{start} + 0.85 * (time(timeOffset('{unit}', datum.period, 1)) - {start})"
    if span:
        end = f"min({end}, time(toDate('{span[1]}')) + {DAY_MS})"
    return {"end": end}


def bar_layers(frame: Source, bars: alt.Chart, bucket: str, span: Span = None) -> alt.LayerChart:
    """Bars from each row's period to its "end" (`bar_end`) over the date axis's range (`span_layer`)."""
    layers = alt.LayerChart(data=frame, layer=[span_layer(span, ends=True), bars])
    return layers.transform_calculate(**bar_end(bucket, span))

"""Altair charts for the Progress page and the report: aggregated DataFrame in, chart out (no Streamlit here).

No builder sets a width: the page stretches each chart to its container (phone or desktop) and the
image export sets one. Every mark has a tooltip with the numbers behind it.

Each builder also accepts `alt.NamedData`, so `chart_specs.py` can build a chart's Vega-Lite spec once
per process and attach each rerun's rows to it.
"""

from __future__ import annotations

from typing import Any, Literal, TypeAlias

import altair as alt
import pandas as pd

from tracker.threshold import Status

HEIGHT = 280
# Room for the exercise legend under the plot.
TALL = 360
AnyChart: TypeAlias = alt.Chart | alt.LayerChart
Source: TypeAlias = pd.DataFrame | alt.NamedData
TimeUnit = Literal["yearmonthdate", "yearweek", "yearmonth", "yearquarter"]
DATE = alt.Tooltip("period:T", title="From", format="%d %b %Y")
# Two legend columns fit a phone screen; one long row would be cut off.
BOTTOM = alt.Legend(orient="bottom", title=None, columns=2, labelLimit=120)
PAIN_SCALE = alt.Scale(domain=[0, 10])
STATUS_SHAPES = alt.Scale(
    domain=[s.value for s in Status],
    range=["circle", "cross", "triangle-down", "square"],
)
RESPONSES = ["settled", "same", "worse", "no check-in"]
RESPONSE_COLOURS = alt.Scale(domain=RESPONSES, range=["#2e7d32", "#f9a825", "#c62828", "#9e9e9e"])
OVER_COLOUR = "#c62828"
MARKERS = (
    (Status.OVER, OVER_COLOUR, 110),
    (Status.NOT_SETTLED, "#ef6c00", 80),
    (Status.UNKNOWN, "#757575", 60),
)
SMALL_COUNT = 8
TIME_UNITS: dict[str, TimeUnit] = {
    "day": "yearmonthdate",
    "week": "yearweek",
    "month": "yearmonth",
    "quarter": "yearquarter",
}


def _x(title: str = "") -> alt.X:
    return alt.X("period:T", title=title or None, axis=alt.Axis(labelOverlap=True))


def threshold_params(frame: pd.DataFrame) -> dict[str, Any]:
    """What the threshold chart's axis depends on: one exercise (and its measure) or several."""
    single = frame["exercise"].nunique() == 1
    return {"measure": str(frame["measure"].iloc[0]) if single else ""}


def threshold_chart(frame: Source, *, measure: str | None = None) -> alt.LayerChart:
    """Tolerated work per exercise (line), with over-limit, unsettled and unrated sessions as distinct marks.

    One exercise (`measure` set) shows its own amounts; several share an axis as a percentage of each
    one's first tolerated amount.
    """
    if measure is None:
        measure = threshold_params(frame)["measure"] if isinstance(frame, pd.DataFrame) and len(frame) else ""
    field, title = ("amount", measure) if measure else ("percent", "% of first tolerated")
    base = alt.Chart(frame).encode(
        x=_x(),
        y=alt.Y(f"{field}:Q", title=title, scale=alt.Scale(zero=False)),
        color=alt.Color("exercise:N", legend=BOTTOM),
        tooltip=[
            DATE,
            alt.Tooltip("exercise:N", title="Exercise"),
            alt.Tooltip("status:N", title="Session"),
            alt.Tooltip("amount:Q", title="Most work", format=",.1f"),
            alt.Tooltip("measure:N", title="Measured as"),
            alt.Tooltip("percent:Q", title="% of first"),
            alt.Tooltip("sessions:Q", title="Sessions"),
        ],
    )
    line = base.transform_filter(alt.datum.status == Status.TOLERATED.value).mark_line()
    # The shapes are explained in words under the chart: a second legend does not fit beside the first on a phone.
    shape = alt.Shape("status:N", scale=STATUS_SHAPES, legend=None)
    points = base.transform_filter(alt.datum.status == Status.TOLERATED.value).mark_point(filled=True, size=60)
    layers = [line, points.encode(shape=shape)]
    # Sessions that did not count are one mark per period and kind (all exercises together), in a fixed colour.
    for kind, colour, size in MARKERS:
        mark = base.transform_filter(alt.datum.status == kind.value).mark_point(filled=True, size=size)
        layers.append(mark.encode(shape=shape, color=alt.value(colour), stroke=alt.value(colour)))
    return alt.LayerChart(layer=layers).properties(height=TALL)


def pressure_chart(frame: Source) -> alt.Chart:
    """Pressure pain threshold (mean of three trials) per site: higher means less sensitive."""
    return (
        alt.Chart(frame)
        .mark_line(point=True)
        .encode(
            x=_x(),
            y=alt.Y("kg_cm2:Q", title="kg/cm²", scale=alt.Scale(zero=False)),
            color=alt.Color("site:N", legend=BOTTOM),
            tooltip=[
                DATE,
                alt.Tooltip("site:N", title="Site"),
                alt.Tooltip("kg_cm2:Q", title="kg/cm²", format=".2f"),
                alt.Tooltip("readings:Q", title="Readings"),
            ],
        )
        .properties(height=HEIGHT)
    )


def pain_chart(frame: Source, bucket: str = "day") -> alt.LayerChart:
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
    base = alt.Chart(frame).encode(x=_x(), tooltip=tooltip)
    band = base.mark_area(opacity=0.25).encode(
        y=alt.Y("low:Q", title="Pain (0-10)", scale=PAIN_SCALE), y2=alt.Y2("high:Q")
    )
    line = base.mark_line(strokeWidth=2.5).encode(y=alt.Y("trend:Q", scale=PAIN_SCALE))
    layers: list[alt.Chart] = [band, line]
    if bucket == "day":
        layers.append(base.mark_point(filled=True, size=25, opacity=0.6).encode(y=alt.Y("pain:Q", scale=PAIN_SCALE)))
    return alt.LayerChart(layer=layers).properties(height=HEIGHT)


def strength_chart(frame: Source, unit: str = "kg") -> alt.Chart:
    """Best estimated one-rep max per exercise and period; sets over 10 reps are counted, not estimated."""
    return (
        alt.Chart(frame)
        .mark_line(point=True)
        .encode(
            x=_x(),
            y=alt.Y("e1rm:Q", title=f"e1RM ({unit})", scale=alt.Scale(zero=False)),
            color=alt.Color("exercise:N", legend=BOTTOM),
            tooltip=[
                DATE,
                alt.Tooltip("exercise:N", title="Exercise"),
                alt.Tooltip("e1rm:Q", title=f"Best e1RM ({unit})", format=".1f"),
                alt.Tooltip("sets:Q", title="Sets estimated"),
                alt.Tooltip("skipped:Q", title="Sets over 10 reps (not estimated)"),
            ],
        )
        .properties(height=HEIGHT)
    )


def cardio_chart(frame: Source, bucket: str = "week") -> alt.Chart:
    """Cardio minutes per week, stacked by modality (weekly averages per month or quarter over long ranges)."""
    unit = TIME_UNITS["week" if bucket == "day" else bucket]
    return (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X("period:T", timeUnit=unit, title=None, axis=alt.Axis(labelOverlap=True)),
            y=alt.Y("per_week:Q", title="Minutes per week", stack="zero"),
            color=alt.Color("modality:N", legend=BOTTOM),
            tooltip=[
                DATE,
                alt.Tooltip("modality:N", title="Modality"),
                alt.Tooltip("per_week:Q", title="Minutes per week", format=".0f"),
                alt.Tooltip("total:Q", title="Minutes in period", format=".0f"),
            ],
        )
        .properties(height=HEIGHT)
    )


def response_params(frame: pd.DataFrame) -> dict[str, Any]:
    """What the response chart's axis depends on: the most sessions in one period, when that is few."""
    most = int(frame.groupby("period")["sessions"].sum().max()) if len(frame) else 1
    return {"most": most if most <= SMALL_COUNT else 0}


def response_chart(frame: Source, bucket: str = "day", *, most: int | None = None) -> alt.Chart:
    """Sessions per period by next-morning response: green settled, amber same, red worse, grey unknown."""
    if most is None:
        most = response_params(frame)["most"] if isinstance(frame, pd.DataFrame) else 0
    # Whole sessions only: list the ticks while there are few (Vega's tickMinStep is not honoured everywhere).
    ticks = alt.Axis(values=list(range(most + 1))) if most else alt.Axis(tickMinStep=1, format="d")
    return (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X("period:T", timeUnit=TIME_UNITS[bucket], title=None, axis=alt.Axis(labelOverlap=True)),
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
        .transform_calculate(response_order=f"indexof([{', '.join(repr(r) for r in RESPONSES)}], datum.response)")
        .properties(height=HEIGHT)
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
    dots = base.mark_point(filled=True, size=120).encode(color=alt.Color("side:N", legend=BOTTOM))
    return alt.LayerChart(layer=[link, dots]).properties(height=alt.Step(40))


def peg_chart(frame: Source) -> alt.Chart:
    """Weekly PEG-3 score (0-10; monthly means over long ranges)."""
    return (
        alt.Chart(frame)
        .mark_line(point=True)
        .encode(
            x=_x(),
            y=alt.Y("peg:Q", title="PEG (0-10)", scale=PAIN_SCALE),
            tooltip=[DATE, alt.Tooltip("peg:Q", title="PEG", format=".1f"), alt.Tooltip("checkins:Q", title="PEGs")],
        )
        .properties(height=HEIGHT)
    )

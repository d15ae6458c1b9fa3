"""Charts of function goals (PSFS), medication and sleep: plain values in, Altair chart out (no Streamlit here).

`psfs_rows` turns activities and rating rounds into the rows `psfs_chart` draws, so the page, the Progress
page and the report draw the same picture; `pain_medication_rows` joins the pain trend's rows with medication.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import altair as alt

from formats import charts
from formats.chart_style import (
    BOTTOM,
    DATE,
    FIT_WIDTH,
    HEIGHT,
    PAIN_SCALE,
    PALETTE,
    Source,
    Span,
    bar_layers,
    span_layer,
    x_dates,
)
from formats.health_rows import (  # noqa: F401 (also named from here)
    AVERAGE,
    MEDICATION_COLUMNS,
    PSFS_COLUMNS,
    TIME_UNIT,
    dose_count_rows,
    pain_medication_rows,
    psfs_rows,
)
from tracker.psfs import MCID_AVERAGE, SCORE_MAX, SCORE_MIN
from tracker.sleep import GOOD_SLEEP

AVERAGE_COLOUR = "#1f1f1f"
PSFS_SCALE = alt.Scale(domain=[SCORE_MIN, SCORE_MAX])
# The shaded band and its label: inside it, the average has not moved far enough from the first round to matter.
BAND_GREY = "#9e9e9e"
# Regular medication as light bands behind the pain line; each dose its own hue so a change shows as a new band.
# Not blue: the pain band and line are.
BAND_COLOURS = alt.Scale(range=["#c2610c", "#3c7d35", "#8e4f84", "#8a6d00", "#c0456a", "#6b6b6b"])
DOSE_COLOUR = "#8e4f84"
DOSE_SHADES = alt.Scale(type="ordinal", range=[1, 0.7])
SMALL_HEIGHT = 130
# A layer drawn once, whatever the rows: a band, a rule or a label at a fixed value would otherwise be drawn once
# per row, darkening with every one.
ONCE = alt.Data(values=[{}])
IS_PAIN = alt.datum.layer == "pain"


def psfs_chart(frame: Source, *, activities: Sequence[str], baseline: float | None = None, span: Span = None) -> Any:
    """Each activity's ratings and the rounds' average (thick, dark) over time. With `baseline` (the first
    round's average) a grey band spans the average's usual ups and downs (2 points either way); a ring marks a
    series whose latest rating moved far enough from its first to matter (2 points for the average, 3 for one
    activity)."""
    names = [*activities, AVERAGE]
    colour = alt.Scale(domain=names, range=[*PALETTE[: len(activities)], AVERAGE_COLOUR])
    dashes = alt.Scale(
        domain=names, range=[*([[6, 3], [2, 2], [8, 3, 2, 3], [12, 4], [4, 4]][: len(activities)]), [1, 0]]
    )
    base = alt.Chart().encode(
        x=x_dates(span, padding=8),
        y=alt.Y("score:Q", title="Can do (0 unable, 10 as before)", scale=PSFS_SCALE),
        color=alt.Color("series:N", scale=colour, legend=BOTTOM, sort=names),
        tooltip=[
            alt.Tooltip("period:T", title="Rated on", format="%-d %b %Y"),
            alt.Tooltip("series:N", title="Activity"),
            alt.Tooltip("score:Q", title="Rating (0-10)", format="~f"),
            alt.Tooltip("change:Q", title="Since the first rating", format="+~f"),
            alt.Tooltip("meaning:N", title="That is"),
        ],
    )
    average = alt.datum.series == AVERAGE
    layers: list[Any] = [span_layer(span, padding=8)]
    if baseline is not None:
        low, high = max(SCORE_MIN, baseline - MCID_AVERAGE), min(SCORE_MAX, baseline + MCID_AVERAGE)
        band = (
            alt.Chart(ONCE)
            .mark_rect(color=BAND_GREY, opacity=0.18, aria=False)
            .encode(y=alt.datum(low), y2=alt.datum(high))
        )
        edge = alt.Chart(ONCE).mark_rule(color="#616161", strokeDash=[4, 3], aria=False).encode(y=alt.datum(high))
        words = f"Average {high:g}+: clearly better"
        label = alt.Chart(ONCE).mark_text(align="left", dx=4, dy=-7, fontSize=11, color="#424242")
        layers += [band, edge, label.encode(x=alt.value(0), y=alt.datum(high), text=alt.value(words))]
    layers += [
        base.mark_line(point=alt.OverlayMarkDef(filled=True, size=35)).encode(
            strokeDash=alt.StrokeDash("series:N", scale=dashes, legend=BOTTOM, sort=names),
            strokeWidth=alt.condition(average, alt.value(3.5), alt.value(1.5)),
        ),
        base.transform_filter(alt.datum.important).mark_point(size=260, filled=False, strokeWidth=2),
    ]
    return alt.LayerChart(data=frame, layer=layers).properties(
        height=HEIGHT,
        autosize=FIT_WIDTH,
        description="Function goals: each activity's 0-10 rating and their average over time, with the band of "
        "ordinary ups and downs around the first average",
    )


def pain_medication_chart(frame: Source, bucket: str = "day", *, span: Span = None) -> alt.LayerChart:
    """The pain trend (formats/charts.pain_chart) with regular medication as shaded bands behind it (name and
    dose in the legend and tooltip) and each as-needed dose as a triangle along the bottom (named in its tooltip;
    a second legend beside the first would be cut off on a phone)."""
    pain_layers = [layer.transform_filter(IS_PAIN) for layer in charts.pain_layers(bucket, span)]
    bands = (
        alt.Chart()
        .transform_filter(alt.datum.layer == "regular")
        .mark_rect(opacity=0.16)
        .encode(
            x=x_dates(span),
            x2=alt.X2("end:T"),
            # In the order taken (the first one started first), so the legend reads in time and a medication added
            # later takes the next colour instead of shifting every colour after it in the alphabet.
            color=alt.Color(
                "medication:N", scale=BAND_COLOURS, legend=BOTTOM, sort=alt.EncodingSortField("period", op="min")
            ),
            tooltip=[alt.Tooltip("medication:N", title="Taken regularly"), alt.Tooltip("until:N", title="When")],
        )
    )
    doses = (
        alt.Chart()
        .transform_filter(alt.datum.layer == "dose")
        .mark_point(shape="triangle-up", filled=True, size=45, color=DOSE_COLOUR, opacity=0.8)
        .encode(
            x=x_dates(span),
            y=alt.datum(0.25, scale=PAIN_SCALE),
            tooltip=[
                alt.Tooltip("as_needed:N", title="Taken"),
                alt.Tooltip("amount:N", title="Amount"),
                alt.Tooltip("until:N", title="At"),
            ],
        )
    )
    # The axis's range from every row, the bands' ends among them: a layer with no rows (no doses) has none.
    layers = [span_layer(span, ends=True), bands, *pain_layers, doses]
    return alt.LayerChart(data=frame, layer=layers).properties(
        height=HEIGHT,
        autosize=FIT_WIDTH,
        description="Pain 0-10 over time with regular medication as shaded spans and each as-needed dose as a "
        "triangle along the bottom",
    )


def doses_chart(frame: Source, *, span: Span = None) -> alt.LayerChart:
    """As-needed doses per week, a small bar per week (stacked by medication)."""
    bars = (
        alt.Chart()
        .mark_bar(orient="vertical", color=DOSE_COLOUR)
        .encode(
            x=x_dates(span),
            x2=alt.X2("end:T"),
            y=alt.Y("doses:Q", title="Per week", stack="zero", axis=alt.Axis(format="d", tickMinStep=1)),
            # Each medication's part of a week's bar a shade apart (named in the tooltip). The lighter shade still
            # stands out 3:1 against white (WCAG 1.4.11). Sorted: Vega-Lite drops an opacity by an unsorted name.
            opacity=alt.Opacity("medication:N", sort="ascending", scale=DOSE_SHADES, legend=None),
            tooltip=[
                alt.Tooltip("period:T", title="Week from", format="%-d %b %Y"),
                alt.Tooltip("medication:N", title="Medication"),
                alt.Tooltip("doses:Q", title="Doses that week"),
            ],
        )
    )
    return bar_layers(frame, bars, "week", span).properties(
        height=SMALL_HEIGHT, autosize=FIT_WIDTH, description="As-needed medication doses per week"
    )


def sleep_chart(frame: Source, *, span: Span = None) -> alt.LayerChart:
    """Mean sleep quality (0-10) per period, with a dashed line where a night counts as good."""
    line = (
        alt.Chart()
        .mark_line(point=alt.OverlayMarkDef(filled=True, size=30), color="#2b7a76")
        .encode(
            x=x_dates(span),
            y=alt.Y("sleep:Q", title="Sleep quality (0-10)", scale=PAIN_SCALE),
            tooltip=[
                DATE,
                alt.Tooltip("sleep:Q", title="Sleep quality (mean)", format=".1f"),
                alt.Tooltip("nights:Q", title="Nights rated"),
            ],
        )
    )
    rule = alt.Chart(ONCE).mark_rule(color="#616161", strokeDash=[4, 3], aria=False).encode(y=alt.datum(GOOD_SLEEP))
    label = (
        alt.Chart(ONCE)
        .mark_text(align="left", dx=4, dy=-7, fontSize=11, color="#424242")
        .encode(x=alt.value(0), y=alt.datum(GOOD_SLEEP), text=alt.value(f"{GOOD_SLEEP}+: a good night"))
    )
    return alt.LayerChart(data=frame, layer=[span_layer(span), rule, label, line]).properties(
        height=SMALL_HEIGHT * 2, description="Sleep quality 0-10 on waking over time"
    )

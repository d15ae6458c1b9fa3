"""The pain-threshold picture: one small chart per exercise (its tolerated level and the sessions that did not
count), and the stack of them that images and the PDF draw at a fixed width."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import altair as alt

from formats.chart_style import DATE, FIT_WIDTH, OVER_COLOUR, Source, Span, x_dates, y_axis
from tracker.threshold import Status

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
# The stacked charts in images and the PDF: about an A4 text width.
STACK_WIDTH = 560


def threshold_panel(
    frame: Source, *, measure: str, title: str, subtitle: str = "", span: Span = None
) -> alt.LayerChart:
    """One exercise's pain threshold: its tolerated level (line) and the sessions that went over the limit,
    were worse next morning or are still waiting for their rating (marks), on the exercise's own units."""
    y_title = AXIS_TITLES.get(measure, f"Heaviest set ({measure})")
    base = alt.Chart().encode(
        x=x_dates(span, padding=10),
        y=alt.Y("value:Q", title=y_title, scale=alt.Scale(zero=True), axis=y_axis()),
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
    heading = panel_heading(title, subtitle)
    return alt.LayerChart(data=frame, layer=layers).properties(
        height=PANEL_HEIGHT,
        autosize=FIT_WIDTH,
        title=alt.TitleParams(**heading["title"]),
        description=heading["description"],
    )


def panel_heading(title: str, subtitle: str = "") -> dict[str, Any]:
    """A panel's title, subtitle and screen-reader description, as top-level Vega-Lite properties: the page sets
    them on a spec built once per axis unit, since building one per exercise cost about 0.1 s each."""
    words: dict[str, Any] = {"text": title, "anchor": "start", "fontSize": 14}
    if subtitle:
        words["subtitle"] = subtitle
    return {
        "title": words,
        "description": f"{title}: tolerated level over time, with the sessions that went over it marked",
    }


def stacked(panels: Sequence[alt.Chart | alt.LayerChart], width: int) -> alt.VConcatChart:
    """Panels one above the other at a fixed width, for images and the PDF (a page draws them one by one)."""
    fixed = []
    for panel in panels:
        one = panel.copy()
        one.autosize = alt.Undefined  # a stack sizes itself: its parts may not
        fixed.append(one.properties(width=width))
    return alt.vconcat(*fixed, spacing=24)

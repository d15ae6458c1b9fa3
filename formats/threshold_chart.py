"""The pain-threshold picture: one small chart per exercise (its tolerated level and the sessions that did not
count), and the stack of them that images and the PDF draw at a fixed width."""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import altair as alt

from formats.chart_style import DATE, FIT_WIDTH, OVER_COLOUR, Source, Span, span_layer, x_dates, y_axis
from formats.chart_values import STACK_SPACING
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
# A mark that stands for more than one session says how many, this many pixels above it.
COUNT_PX = 12
COUNT_COLOUR = "#3c4043"
AXIS_TITLES = {"min": "Minutes", "reps": "Reps (no load)"}
PANEL_HEIGHT = 170


def threshold_panel(
    frame: Source, *, measure: str, title: str, subtitle: str = "", span: Span = None
) -> alt.LayerChart:
    """One exercise's pain threshold: its tolerated level (line) and the sessions that went over the limit,
    were worse next morning or are still waiting for their rating (marks), on the exercise's own units."""
    return _panel(frame, _y_title(measure), title, subtitle, span)


def _y_title(measure: str) -> str:
    return AXIS_TITLES.get(measure, f"Heaviest set ({measure})")


def _panel(frame: Source, y_title: str, title: str, subtitle: str, span: Span) -> alt.LayerChart:
    y = alt.Y("value:Q", title=y_title, scale=alt.Scale(zero=True), axis=y_axis())
    # The same axis over all the rows, named once: from zero (as `zero` draws it anyway) to the highest value.
    zero = alt.Scale(zero=True, domain=alt.DomainUnionWith(unionWith=[0]))
    every = alt.Y("value:Q", title=y_title, scale=zero, axis=y_axis())
    base = alt.Chart().encode(
        x=x_dates(span, padding=10),
        y=y,
        tooltip=[
            DATE,
            alt.Tooltip("status:N", title="Session"),
            alt.Tooltip("text:N", title="Work"),
            alt.Tooltip("sessions:Q", title="Sessions"),
        ],
    )
    level = base.transform_filter(alt.datum.status == Status.TOLERATED.value)
    layers = [
        # Both axes from all the rows: each layer below shows one status, and an exercise has no sessions of some.
        span_layer(span, padding=10, y=every),
        level.mark_line(color=LEVEL_COLOUR, strokeWidth=2.5, interpolate="step-after"),
        level.mark_point(filled=True, size=45, color=LEVEL_COLOUR, shape="circle"),
    ]
    # Sessions that did not count, each at its own work (the axis is read off them), drawn over the level's line and
    # dots and fully opaque: a flare-up day at the usual load is a red cross on its week's dot, not a blur behind it.
    # The filled shapes come last, so a cross still reads as a cross inside the ring of an unrated session that week.
    attempts = base.transform_filter(alt.datum.status != Status.TOLERATED.value)
    for kind, colour, shape, filled, size in sorted(ATTEMPTS, key=lambda attempt: attempt[3]):
        mark = attempts.transform_filter(alt.datum.status == kind.value)
        layers.append(mark.mark_point(filled=filled, size=size, shape=shape, color=colour, strokeWidth=2, opacity=1))
    counts = attempts.transform_filter(alt.datum.sessions > 1).mark_text(
        fontSize=10, fontWeight="bold", color=COUNT_COLOUR, baseline="middle", yOffset=-COUNT_PX
    )
    layers.append(counts.encode(text=alt.Text("sessions:Q")))
    heading = panel_heading(title, subtitle)
    return alt.LayerChart(data=frame, layer=layers).properties(
        height=PANEL_HEIGHT,
        autosize=FIT_WIDTH,
        title=alt.TitleParams(**heading["title"]),
        description=heading["description"],
    )


def panel_spec(data: str, *, measure: str, title: str, subtitle: str = "", span: Span = None) -> dict[str, Any]:
    """`threshold_panel(alt.NamedData(data), ...).to_dict(validate=False)`, the same dict, made from one spec per
    span: a panel differs from another of its span only in its rows' name, heading and axis title, and building
    each with Altair cost about 0.1 s (four panels for a year's picture)."""
    spec: dict[str, Any] = json.loads(_panel_template(tuple(span) if span else None))
    spec["data"] = {"name": data}
    for layer in spec["layer"]:
        layer["encoding"]["y"]["title"] = _y_title(measure)
    heading = panel_heading(title, subtitle)
    spec["title"] = heading["title"]
    spec["description"] = heading["description"]
    return spec


@lru_cache(maxsize=16)
def _panel_template(span: Span) -> str:
    return json.dumps(_panel(alt.NamedData(name="template"), "", "", "", span).to_dict(validate=False))


# A phone gives a panel about 320 px, where Vega cuts a subtitle of over about 60 characters short with "…" (it
# never wraps one): a longer subtitle goes on two lines, the change in brackets on the second.
SUBTITLE_ONE_LINE = 56


def subtitle_lines(subtitle: str) -> str | list[str]:
    """The subtitle as it is, or as two lines when a phone would cut it short."""
    if len(subtitle) <= SUBTITLE_ONE_LINE or " (" not in subtitle:
        return subtitle
    head, tail = subtitle.rsplit(" (", 1)
    return [head, f"({tail}"]


def panel_heading(title: str, subtitle: str | list[str] = "") -> dict[str, Any]:
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
    return alt.vconcat(*fixed, spacing=STACK_SPACING)

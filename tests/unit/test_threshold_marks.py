"""The threshold panel as drawn: a session that did not count is drawn at its own work, over its week's tolerated
dot (a flare-up day at the usual load must not hide behind it), and a mark standing for several sessions says how
many."""

from __future__ import annotations

import json
import re

import pandas as pd
import vl_convert

from formats.threshold_chart import threshold_panel
from tests.unit.test_charts import PERIODS, threshold_frame
from tracker.threshold import Status

MARK = re.compile(
    r'<(path|text)[^>]*aria-label="([^"]*)"[^>]*transform="translate\((-?[\d.]+),(-?[\d.]+)\)"[^>]*>([^<]*)'
)


def drawn(frame: pd.DataFrame) -> tuple[str, list[tuple[str, str, float, float, str]]]:
    """The panel's SVG, and each point and text it draws: kind, its description, x, y (pixels, down) and its text."""
    spec = threshold_panel(frame, measure="kg", title="Leg press").properties(width=300).to_dict()
    svg = vl_convert.vegalite_to_svg(json.dumps(spec))
    return svg, [(kind, label, float(x), float(y), text) for kind, label, x, y, text in MARK.findall(svg)]


def with_row(status: Status, period: int, value: float, sessions: int) -> pd.DataFrame:
    """The test picture with one more mark of `status` in PERIODS[period]."""
    frame = threshold_frame()
    frame.loc[len(frame)] = (PERIODS[period], "Leg press", status.value, None, value, f"{value:g} kg", sessions, "kg")
    return frame


def point(marks, status: Status, period: str) -> tuple[float, float]:
    (found,) = [(x, y) for kind, label, x, y, _ in marks if kind == "path" and f"Session: {status.value};" in label
                and label.startswith(f"period: {period}")]  # fmt: skip
    return found


def _drawn_path(svg: str, status: Status, period: str) -> tuple[int, str]:
    """Where in the SVG the mark is drawn (later is on top) and its whole <path> element."""
    for found in MARK.finditer(svg):
        label = found.group(2)
        if found.group(1) == "path" and label.startswith(f"period: {period}") and f"Session: {status.value};" in label:
            return found.start(), svg[found.start() : svg.index("/>", found.start())]
    raise AssertionError(f"no {status.value} mark in {period}")


def test_a_flare_up_at_the_usual_load_is_a_solid_cross_drawn_over_the_tolerated_dot_of_its_week():
    svg, marks = drawn(with_row(Status.OVER, 0, 60.0, 1))  # the level of week one is 60 kg too
    dot, cross = point(marks, Status.TOLERATED, "Jan 05"), point(marks, Status.OVER, "Jan 05")
    assert cross == dot, "at its own work: the axis reads 60 kg for both"
    (at_dot, _), (at_cross, element) = (
        _drawn_path(svg, Status.TOLERATED, "Jan 05"),
        _drawn_path(svg, Status.OVER, "Jan 05"),
    )
    assert at_cross > at_dot, "drawn over the dot"
    assert 'opacity="' not in element or 'opacity="1"' in element, "solid, not a blur with the dot behind"


def test_every_mark_stays_at_its_own_value():
    _, marks = drawn(threshold_frame())  # 80 kg over the limit in a week whose level is 65 kg
    over, level = point(marks, Status.OVER, "Jan 12"), point(marks, Status.TOLERATED, "Jan 12")
    assert over[1] == min(y for _, _, _, y, _ in marks), "80 kg is the axis's top value"
    assert over[0] == level[0] and level[1] > over[1]


def test_a_mark_standing_for_several_sessions_shows_how_many():
    _, marks = drawn(with_row(Status.OVER, 2, 90.0, 3))
    counts = [(x, y, text) for kind, label, x, y, text in marks if kind == "text"]
    cross = point(marks, Status.OVER, "Jan 19")
    assert [(x, text) for x, _, text in counts] == [(cross[0], "3")], "one count: single sessions get none"
    assert counts[0][1] < cross[1], "over the mark"

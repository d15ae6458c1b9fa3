"""The threshold panel as drawn: a session that did not count stays visible beside its week's tolerated dot, and a
mark standing for several sessions says how many."""

from __future__ import annotations

import json
import re

import pandas as pd
import vl_convert

from formats.threshold_chart import GAP_PX, threshold_panel
from tests.unit.test_charts import PERIODS, threshold_frame
from tracker.threshold import Status

MARK = re.compile(
    r'<(path|text)[^>]*aria-label="([^"]*)"[^>]*transform="translate\((-?[\d.]+),(-?[\d.]+)\)"[^>]*>([^<]*)'
)


def drawn(frame: pd.DataFrame) -> list[tuple[str, str, float, float, str]]:
    """Each point and text the panel draws: kind, its description, x, y (pixels, down) and its text."""
    spec = threshold_panel(frame, measure="kg", title="Leg press").properties(width=300).to_dict()
    svg = vl_convert.vegalite_to_svg(json.dumps(spec))
    return [(kind, label, float(x), float(y), text) for kind, label, x, y, text in MARK.findall(svg)]


def with_row(status: Status, period: int, value: float, sessions: int) -> pd.DataFrame:
    """The test picture with one more mark of `status` in PERIODS[period]."""
    frame = threshold_frame()
    frame.loc[len(frame)] = (PERIODS[period], "Leg press", status.value, None, value, f"{value:g} kg", sessions, "kg")
    return frame


def point(marks, status: Status, period: str) -> tuple[float, float]:
    (found,) = [(x, y) for kind, label, x, y, _ in marks if kind == "path" and f"Session: {status.value};" in label
                and label.startswith(f"period: {period}")]  # fmt: skip
    return found


def test_a_flare_up_at_the_usual_load_is_drawn_just_above_the_tolerated_dot_of_its_week():
    marks = drawn(with_row(Status.OVER, 0, 60.0, 1))  # the level of week one is 60 kg too
    dot, cross = point(marks, Status.TOLERATED, "Jan 05"), point(marks, Status.OVER, "Jan 05")
    assert cross[0] == dot[0]
    assert dot[1] - cross[1] >= GAP_PX - 0.5, "the cross clears the dot, above it"


def test_attempts_of_one_week_at_the_level_stack_one_past_the_other_and_less_work_goes_below():
    frame = with_row(Status.OVER, 0, 60.0, 1)
    frame.loc[len(frame)] = (PERIODS[0], "Leg press", Status.PENDING.value, None, 60.0, "60 kg", 1, "kg")
    frame.loc[len(frame)] = (PERIODS[1], "Leg press", Status.WORSE.value, None, 64.0, "64 kg", 1, "kg")
    marks = drawn(frame)
    dot = point(marks, Status.TOLERATED, "Jan 05")
    cross, circle = point(marks, Status.OVER, "Jan 05"), point(marks, Status.PENDING, "Jan 05")
    assert dot[1] - cross[1] >= GAP_PX - 0.5 and cross[1] - circle[1] >= GAP_PX - 0.5
    below, level = point(marks, Status.WORSE, "Jan 12"), point(marks, Status.TOLERATED, "Jan 12")
    assert below[1] - level[1] >= GAP_PX - 0.5


def test_a_mark_far_from_the_level_stays_at_its_own_value():
    marks = drawn(threshold_frame())  # 80 kg over the limit in a week whose level is 65 kg
    over, level = point(marks, Status.OVER, "Jan 12"), point(marks, Status.TOLERATED, "Jan 12")
    assert over[1] == min(y for _, _, _, y, _ in marks), "80 kg is the axis's top value"
    assert level[1] - over[1] > GAP_PX


def test_a_mark_standing_for_several_sessions_shows_how_many():
    marks = drawn(with_row(Status.OVER, 2, 90.0, 3))
    counts = [(x, y, text) for kind, label, x, y, text in marks if kind == "text"]
    cross = point(marks, Status.OVER, "Jan 19")
    assert [(x, text) for x, _, text in counts] == [(cross[0], "3")], "one count: single sessions get none"
    assert counts[0][1] < cross[1], "over the mark"

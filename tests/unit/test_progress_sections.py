"""Progress panels: each chart's spec comes with its own rows, however often it is asked for."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from formats import chart_specs
from formats.threshold_chart import SUBTITLE_ONE_LINE, panel_heading, subtitle_lines
from ui import progress_sections
from ui.progress_sections import Panel

PERIODS = pd.to_datetime(["2026-01-05", "2026-01-12"])


def _peg(values: list[float]) -> Panel:
    frame = pd.DataFrame({"period": PERIODS, "peg": values, "checkins": [1, 1]})
    return Panel("peg", chart_specs.spec_json("peg"), chart_specs.to_arrow(frame))


def test_two_sections_with_the_same_chart_each_get_their_own_rows():
    mine, theirs = _peg([6.0, 5.0]), _peg([2.0, 1.0])
    assert mine.spec is theirs.spec
    assert mine.chart_spec()["datasets"][chart_specs.TABLE] == mine.rows
    assert theirs.chart_spec()["datasets"][chart_specs.TABLE] == theirs.rows


def test_changing_one_spec_at_the_top_level_leaves_the_next_one_alone():
    section = _peg([6.0, 5.0])
    spec = section.chart_spec()
    spec.pop("datasets")
    spec["autosize"] = {"type": "fit"}
    again = section.chart_spec()
    assert "autosize" not in again and again["datasets"][chart_specs.TABLE] == section.rows


def test_a_threshold_panel_shares_its_axis_units_spec_yet_reads_with_its_own_title():
    span = ("2026-01-01", "2026-03-31")
    rows = chart_specs.to_arrow(pd.DataFrame({"period": PERIODS, "value": [40.0, 42.5]}))
    shared = chart_specs.spec_json("threshold", measure="kg", title="", span=span)
    titles = (("Leg press", "40 kg × 12 → 50 kg × 12"), ("Chest press", ""))
    panels = [
        Panel(f"threshold-{i}", shared, rows, json.dumps(panel_heading(name, words)))
        for i, (name, words) in enumerate(titles)
    ]
    for panel, (name, words) in zip(panels, titles, strict=True):
        alone = json.loads(chart_specs.spec_json("threshold", measure="kg", title=name, subtitle=words, span=span))
        assert panel.chart_spec() == {**alone, "datasets": {chart_specs.TABLE: rows}}
    assert panels[0].chart_spec()["title"]["text"] == "Leg press"
    assert "subtitle" not in panels[1].chart_spec()["title"]


@pytest.mark.parametrize(
    "span",
    [
        ("2026-11-27", "2026-12-03"),
        ("2026-11-06", "2026-12-03"),
        ("2025-12-04", "2026-12-03"),
        ("2016-12-05", "2026-12-03"),
    ],
)
@pytest.mark.parametrize(
    ("kind", "params"),
    [
        ("threshold", {"measure": "kg", "title": ""}),
        ("threshold", {"measure": "min", "title": ""}),
        ("pain", {"bucket": "week"}),
        ("pain_medication", {"bucket": "day"}),
        ("doses", {}),
        ("cardio", {"bucket": "month"}),
        ("response", {"bucket": "week", "most": 3}),
    ],
)
def test_a_spec_built_once_per_length_is_the_spec_built_for_the_dates(span, kind, params) -> None:
    # The page fills a range's dates into a spec built with stand-in ones; it must be the spec the dates give.
    assert progress_sections.spec_for(kind, span=span, **params) == chart_specs.spec_json(kind, span=span, **params)


@pytest.mark.parametrize(
    ("title", "stem"),
    [
        ("Leg press", "threshold-leg-press"),
        (
            "Relief position: on the back, lower legs on a chair",
            "threshold-relief-position-on-the-back-lower-legs-on-a-chair",
        ),
        ("Жим лёжа", "threshold-жим-лёжа"),
        ("???", "threshold-2"),
    ],
)
def test_an_exercises_panel_downloads_under_the_exercises_name(title, stem) -> None:
    # QA: the Treadmill walk chart was saved as progress-threshold-1.png, which says nothing in a letter's attachments.
    panel = Panel("threshold-2", "{}", b"", json.dumps(panel_heading(title)))
    assert panel.file_stem == stem
    assert Panel("pain", "{}", b"").file_stem == "pain"


def test_the_doses_per_week_come_after_sleep_and_function_goals_under_more_charts():
    from ui.progress_more import more_in_order
    from ui.progress_sections import Section

    def named(*keys: str) -> list[Section]:
        return [Section(key, key, "") for key in keys]

    order = more_in_order(named("doses"), named("sleep", "psfs", "pressure", "strength"))
    assert [section.key for section in order] == ["sleep", "psfs", "doses", "pressure", "strength"]
    assert [section.key for section in more_in_order(named("doses"), named("pressure"))] == ["doses", "pressure"]


def test_a_long_subtitle_goes_on_two_lines_each_short_enough_for_a_phone():
    # Vega cuts a line of over about 60 characters short with "…" on a 390 px phone (seen: "(same load, 2 mor…").
    short = "60 kg × 12 → 77.5 kg × 12 within the pain limit (+29%)"
    assert subtitle_lines(short) == short
    lines = subtitle_lines("140 kg × 10 → 142.5 kg × 12 within the pain limit (+2%, 2 more reps)")
    assert lines == ["140 kg × 10 → 142.5 kg × 12 within the pain limit", "(+2%, 2 more reps)"]
    assert all(len(line) <= SUBTITLE_ONE_LINE for line in lines)
    assert panel_heading("Leg press", lines)["title"]["subtitle"] == lines

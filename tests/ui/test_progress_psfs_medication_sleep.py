"""Function goals, medication and sleep on the Progress and Function goals pages (AppTest), with the demo's year."""

from __future__ import annotations

import json
from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from services.demo import fill_demo

CHART = "vega_lite_chart"


def _texts(at: AppTest) -> str:
    return "\n".join(str(getattr(e, "value", "")) for kind in ("markdown", "info", "caption") for e in at.get(kind))


def _headings(at: AppTest) -> list[str]:
    return [h.value for h in at.subheader]


@pytest.fixture
def demo_year(app_ctx):
    """A year of the demo's story up to today, in the app's database."""
    fill_demo(app_ctx, years=1, today=date.today())
    return app_ctx


def _open_more(at: AppTest) -> None:
    at.session_state["prog_more"] = True  # "More charts" opened
    at.run()
    assert not at.exception


def test_psfs_medication_and_sleep_add_nothing_to_an_empty_progress_page(at):
    at.switch_page("pages/progress.py").run()
    _open_more(at)
    assert "Function goals" not in _headings(at) and "Sleep" not in _headings(at)
    assert "Medication changes" not in _texts(at) and "Sleep:" not in _texts(at)


def test_psfs_medication_and_sleep_from_the_demo_read_on_progress_next_to_the_pain_trend(at, demo_year):
    at.switch_page("pages/progress.py").run()
    assert not at.exception
    assert "Medication changes in this period:" in _texts(at), "medication stays on the pain trend, before 'More'"
    assert "How many you took each week is under More charts." in _texts(at)
    assert len(at.get(CHART)) == 5, "the threshold panels and the pain trend; the doses per week wait for More"
    _open_more(at)
    headings = _headings(at)
    assert headings.index("Sleep") == headings.index("Pain trend") + 1
    assert headings.index("Function goals") == headings.index("Sleep") + 1
    assert headings.index("As-needed medication") == headings.index("Function goals") + 1
    texts = _texts(at)
    assert "Medication changes in this period:" in texts and "Naproxen: dose changed from 500 mg to 250 mg" in texts
    assert "the average moved +" in texts and "a change large enough to matter (better)" in texts
    assert "- Sleep: pain " in texts and "after a good night (6/10 or better)" in texts
    at.session_state["dl_charts"] = True  # the page's download section opened
    at.run()
    offered = at.selectbox(key="dl_chart").options
    assert {"Pain trend", "As-needed medication", "Sleep", "Function goals"} <= set(offered)
    specs = [json.loads(chart.proto.spec) for chart in at.get(CHART)]
    # The drawn layers, without the one that draws nothing and sets the date axis (formats/chart_style.span_layer).
    drawn = [[layer for layer in s.get("layer", []) if layer["mark"].get("opacity") != 0] for s in specs]
    pain = next(layers for layers in drawn if layers and "medication" in json.dumps(layers[0]))
    assert pain[0]["mark"]["type"] == "rect", "regular medication is shaded behind the pain line"


def test_psfs_chart_and_its_words_show_under_the_ratings_on_the_function_goals_page(at, demo_year):
    at.switch_page("pages/function.py").run()
    assert not at.exception
    assert "the average moved +" in _texts(at)
    assert "The grey band reaches 2 points either side of the first average" in _texts(at)
    (chart,) = at.get("arrow_vega_lite_chart") or at.get(CHART)
    assert "Average of the activities" in json.dumps(json.loads(chart.proto.spec))


def test_medication_without_any_pain_rating_draws_no_orphan_chart(at, app_ctx):
    # From the newcomer pass: medication logged before any pain rating showed a lone, untitled dose chart under a
    # key describing a pain band and triangles that were not there.
    from datetime import datetime, timedelta

    from services.medication import add_regular, log_dose

    add_regular(app_ctx, {"name": "Naproxen", "dose": 250, "unit": "mg", "start": date.today() - timedelta(days=3)})
    log_dose(
        app_ctx, {"name": "Paracetamol", "dose": 500, "unit": "mg", "taken_at": datetime.now() - timedelta(hours=2)}
    )
    at.switch_page("pages/progress.py").run()
    _open_more(at)
    assert at.get(CHART) == [] or all("doses" not in json.dumps(c.spec) for c in at.get(CHART))
    text = _texts(at)
    assert "Triangles along the bottom" not in text and "Naproxen" in text  # the medication line still shows

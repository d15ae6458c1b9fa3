"""The chart data the Progress page sends stays small and does not grow with the length of the history."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from services.context import ensure_profile, open_database
from services.demo import fill_demo

APP = str(Path(__file__).resolve().parents[2] / "app.py")
LIMIT_BYTES = 500_000
MAX_GROWTH = 1.5


def _chart_bytes(url: str, monkeypatch: pytest.MonkeyPatch, *, all_time: bool = False) -> int:
    """Total serialised size (specs and Arrow rows) of every chart on the Progress page."""
    monkeypatch.setenv("DATABASE_URL", url)
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("pages/progress.py").run()
    if all_time:
        at.selectbox(key="prog_range").set_value("All time").run()
    at.session_state["prog_more"] = True  # every chart, "More charts" too
    at.run()
    assert not at.exception
    charts = at.get("vega_lite_chart")
    assert len(charts) >= 6
    return sum(chart.proto.ByteSize() for chart in charts)


@pytest.fixture(scope="module")
def histories(tmp_path_factory: pytest.TempPathFactory) -> dict[float, str]:
    """Databases with one and ten years of made-up history (the demo generator)."""
    urls = {}
    for years in (1.0, 10.0):
        url = f"sqlite:///{tmp_path_factory.mktemp('size') / f'{years:g}y.db'}"
        db = open_database(url)
        fill_demo(ensure_profile(db), years=years, seed=3)
        db.dispose()
        urls[years] = url
    return urls


def test_ten_years_send_no_more_chart_data_than_one_year_by_much(histories, monkeypatch):
    one = _chart_bytes(histories[1.0], monkeypatch)
    ten = _chart_bytes(histories[10.0], monkeypatch)
    assert ten < LIMIT_BYTES
    assert ten <= MAX_GROWTH * one


def test_all_ten_years_at_once_send_about_what_all_of_one_year_does(histories, monkeypatch):
    one = _chart_bytes(histories[1.0], monkeypatch, all_time=True)
    ten = _chart_bytes(histories[10.0], monkeypatch, all_time=True)
    assert ten < LIMIT_BYTES
    assert ten <= MAX_GROWTH * one

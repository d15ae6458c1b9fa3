"""The Progress page (AppTest): empty states on an empty database, every chart with a few weeks of data; the
threshold picture and pain trend at once, every other chart once "More charts" is opened."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

from streamlit.testing.v1 import AppTest

from services.checkins import record_peg
from services.context import ensure_profile
from tests.factories import create_session
from tests.progress_history import fill_weeks
from tracker.advice import day_text
from ui.cache import after_write
from ui.progress_sections import WAITING_HINT

CHART = "vega_lite_chart"
# The threshold picture has one chart per main exercise: here the walk and the leg press.
HEADLINE = ("threshold-1", "threshold-2", "pain")
SECTIONS = (*HEADLINE, "pressure", "strength", "cardio", "response", "helps", "peg")
MORE = "prog_more"
MENU = "dl_charts"
PICK = "dl_chart"


def _texts(at: AppTest) -> str:
    kinds = ("markdown", "info", "warning", "error", "caption")
    return "\n".join(str(getattr(e, "value", "")) for kind in kinds for e in at.get(kind))


def _open(at: AppTest, *, more: bool = False) -> AppTest:
    at.switch_page("pages/progress.py").run()
    assert not at.exception
    if more:
        at.session_state[MORE] = True  # what opening "More charts" in the browser sends
        at.run()
        assert not at.exception
    return at


def test_an_empty_database_shows_what_to_log_for_every_chart(at):
    _open(at, more=True)
    texts = _texts(at)
    assert "Nothing logged yet" in texts
    assert "then check in the next morning" in texts
    assert "log a pressure pain threshold on the Check-ins page" in texts
    assert "Rate your pain before and after sessions" in texts
    assert "Fill in the weekly PEG" in texts
    assert "needs 28 days from your first rating; none yet." in texts  # not "(28 more to go)" with none rated
    assert at.get(CHART) == []
    assert at.get("download_button") == []


def test_the_page_opens_on_the_threshold_picture_and_pain_and_draws_the_rest_once_asked(at, app_ctx):
    fill_weeks(app_ctx, end=date.today())
    _open(at)
    assert at.get_by_key(MENU).label == "Download charts"
    assert len(at.get("popover")) == 1, "no download menu under each chart (the one popover is the phone's page menu)"
    assert len(at.get(CHART)) == len(HEADLINE)
    assert [h.value for h in at.subheader] == ["Pain threshold: tolerated work", "Pain trend"]
    assert "Tolerated work on Leg press is up" in _texts(at)
    assert at.expander[-1].label.startswith("More charts: sleep, function goals, as-needed medication, pressure pain")
    at.session_state[MORE] = True
    at.run()
    assert len(at.get(CHART)) == len(SECTIONS)


def test_a_few_weeks_of_history_show_every_chart_with_a_closed_download_menu(at, app_ctx):
    fill_weeks(app_ctx, end=date.today())
    _open(at, more=True)
    assert len(at.get(CHART)) == len(SECTIONS)
    assert at.get_by_key(MENU).label == "Download charts"
    assert at.get("download_button") == [], "no PNG or SVG button is made until the section is opened"
    assert "Baseline (first 14 days)" in _texts(at)
    assert "Nothing logged yet" not in _texts(at)


def test_the_open_download_section_offers_any_chart_drawn_as_png_and_svg_until_closed(at, app_ctx):
    fill_weeks(app_ctx, end=date.today())
    _open(at)
    at.session_state[MENU] = True  # what opening the section in the browser sends
    at.run()
    assert not at.exception
    # The threshold panels by their exercise, every other chart by its section's title.
    assert at.selectbox(key=PICK).options == [
        "Tolerated work: Treadmill walk",
        "Tolerated work: Leg press",
        "Pain trend",
    ]
    assert [(b.label, b.key) for b in at.get("download_button")] == [
        ("Download PNG", "png_threshold-1"),
        ("Download SVG", "svg_threshold-1"),
    ]
    at.session_state[MORE] = True
    at.run()
    assert len(at.selectbox(key=PICK).options) == len(SECTIONS), "the charts opened below join it"
    assert at.selectbox(key=PICK).options[-1] == "Weekly PEG"
    at.selectbox(key=PICK).set_value("strength").run()
    assert [b.key for b in at.get("download_button")] == ["png_strength", "svg_strength"]
    at.session_state[MENU] = False
    at.run()
    assert at.get("download_button") == []


def test_a_downloaded_chart_without_a_title_of_its_own_is_titled_with_its_section():
    from ui.progress_view import titled

    assert titled({"mark": "line"}, "Pain trend")["title"]["text"] == "Pain trend"
    own = {"mark": "line", "title": {"text": "Leg press"}}
    assert titled(own, "Tolerated work: Leg press") is own


def test_reads_are_cached_until_a_write_by_the_same_owner(at, app_ctx, app_db):
    _open(at, more=True)
    assert at.get(CHART) == []
    record_peg(app_ctx, {"day": date.today(), "pain": 3, "enjoyment": 3, "activity": 3})
    at.run()
    assert at.get(CHART) == [], "served from the cache until a write says otherwise"
    after_write(ensure_profile(app_db, "someone-else"))
    at.run()
    assert at.get(CHART) == [], "another owner's write leaves this owner's cache alone"
    after_write(app_ctx)
    at.run()
    assert len(at.get(CHART)) == 1  # the weekly PEG


def test_filters_change_the_range_and_the_exercises_shown(at, app_ctx):
    fill_weeks(app_ctx, end=date.today())
    _open(at)
    assert "Tolerated work on Leg press is up" in _texts(at)
    at.selectbox(key="prog_range").set_value("Last 4 weeks").run()
    assert not at.exception
    at.multiselect(key="prog_exercises").select("Treadmill walk").run()
    assert not at.exception
    assert "one point per day" in _texts(at)
    spec = json.loads(at.get(CHART)[0].proto.spec)
    assert spec["title"]["text"] == "Treadmill walk"
    assert spec["layer"][0]["encoding"]["y"]["title"] == "Minutes"  # the walk on its own axis


def test_a_rerun_sends_the_same_charts_with_their_rows(at, app_ctx):
    fill_weeks(app_ctx, end=date.today())
    _open(at, more=True)
    first = [chart.proto.SerializeToString() for chart in at.get(CHART)]
    at.run()
    again = [chart.proto.SerializeToString() for chart in at.get(CHART)]
    assert again == first
    assert all(chart.proto.datasets[0].data.data for chart in at.get(CHART))


def test_a_session_waiting_for_its_morning_rating_says_so_and_where_to_give_it(at, app_ctx):
    create_session(app_ctx, when=datetime.now() - timedelta(hours=3))
    _open(at)
    texts = _texts(at)
    assert "1 recent session is waiting for the next-morning rating" in texts
    assert WAITING_HINT in texts and "Check-ins page" in WAITING_HINT


def test_a_period_reaching_back_before_the_first_day_starts_on_it(at, app_ctx):
    # Six weeks of logging under "Last 12 months": the charts cover the six weeks, not an empty year before them.
    first = fill_weeks(app_ctx, end=date.today())
    _open(at)
    assert f"{day_text(first)} to {day_text(date.today())}, one point per day." in _texts(at)

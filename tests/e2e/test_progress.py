"""A session logged in the browser shows on the Progress charts; the next-morning check-in turns its light."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import App
from tests.e2e.test_log_session import fill_leg_press, save_session
from tests.e2e.ui import chart_marks, click, go_to, idle, message, open_app, open_more_charts, set_date, type_into

pytestmark = pytest.mark.e2e


def test_session_on_progress_and_checkin_turns_its_light(app: App, page: Page) -> None:
    open_app(page, app.url)
    go_to(page, "Log session", "Log a session")
    set_date(page, "Date", date.today() - timedelta(days=1))
    fill_leg_press(page)
    save_session(page)

    go_to(page, "Progress")
    open_more_charts(page)
    # Estimated one-rep max of the best set (45 kg × 8, Epley) on the strength chart, in the user's unit.
    expect(chart_marks(page, "Exercise: Leg press", "Best e1RM (kg): 57")).not_to_have_count(0)
    expect(chart_marks(page, "Next morning: no next-morning rating")).to_have_count(1)
    expect(chart_marks(page, "Next morning: settled")).to_have_count(0)

    go_to(page, "Check-ins")
    type_into(page, "Lower back: pain on waking (0-10)", 1)
    click(page, "Save morning check-in")
    expect(message(page, "Morning check-in saved")).to_be_visible()
    idle(page)

    go_to(page, "Progress")
    open_more_charts(page)
    # Pain on waking (1) at or below pain before the session (2): the session settled, drawn green.
    expect(chart_marks(page, "Next morning: settled")).to_have_count(1)
    expect(chart_marks(page, "Next morning: no next-morning rating")).to_have_count(0)
    green = chart_marks(page, "Next morning: settled").evaluate("mark => getComputedStyle(mark).fill")
    assert green == "rgb(46, 125, 50)"  # formats/charts.RESPONSE_COLOURS: settled

"""First visit: the empty state says what to do; demo data shows charts; leaving it shows the user's own data."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from services.history import history
from tests.e2e.conftest import App
from tests.e2e.ui import chart_marks, click, go_to, idle, message, open_app, open_more_charts

pytestmark = pytest.mark.e2e

FIRST_SESSION = "Log your first session"
EMPTY_PROGRESS = "Nothing logged yet"


def test_first_visit_demo_and_back(app: App, page: Page) -> None:
    open_app(page, app.url)
    expect(page.get_by_text(FIRST_SESSION, exact=True)).to_be_visible()
    go_to(page, "History")
    expect(message(page, "No sessions yet. Log your first one")).to_be_visible()
    go_to(page, "Progress")
    expect(message(page, EMPTY_PROGRESS)).to_be_visible()
    expect(page.get_by_test_id("stVegaLiteChart")).to_have_count(0)

    go_to(page, "Today", "Threshold")
    click(page, "Try with demo data")
    banner = message(page, "Demo data.")
    expect(banner).to_be_visible()
    idle(page)
    expect(page.get_by_text(FIRST_SESSION, exact=True)).to_have_count(0)

    go_to(page, "Progress")
    expect(banner).to_be_visible()
    expect(message(page, EMPTY_PROGRESS)).to_have_count(0)
    charts = page.get_by_test_id("stVegaLiteChart")
    expect(charts.first).to_be_visible()
    open_more_charts(page)
    assert charts.count() >= 4
    expect(chart_marks(page, "Next morning: settled")).not_to_have_count(0)

    click(page, "Leave demo")
    expect(banner).to_have_count(0)
    expect(message(page, EMPTY_PROGRESS)).to_be_visible()
    idle(page)
    expect(charts).to_have_count(0)
    go_to(page, "History")
    expect(message(page, "No sessions yet. Log your first one")).to_be_visible()
    assert history(app.ctx).empty

"""Two top-of-range sessions logged in the browser bring a raise; accepting it puts it in the doctor's report."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import App
from tests.e2e.test_log_session import fill_strength, save_session
from tests.e2e.ui import click, go_to, idle, message, open_app, set_date, type_into

pytestmark = pytest.mark.e2e

RAISE = "Chest press machine: try 42.5 kg"


def test_progression_suggestion_accepted_and_reported(app: App, page: Page) -> None:
    open_app(page, app.url)
    # Two sessions with every set at the top of the rep range (12) and pain within the limit; a heavier load
    # waits for both next mornings to have settled.
    go_to(page, "Log session", "Log a session")
    set_date(page, "Date", date.today() - timedelta(days=3))
    fill_strength(page, "Chest press machine · machine", [(40.0, 12)] * 3)
    save_session(page)
    go_to(page, "Check-ins")
    set_date(page, "Morning of", date.today() - timedelta(days=2))
    type_into(page, "Lower back: pain on waking (0-10)", 2)
    click(page, "Save morning check-in")
    expect(message(page, "Morning check-in saved")).to_be_visible()
    idle(page)

    go_to(page, "Log session", "Log a session")
    set_date(page, "Date", date.today() - timedelta(days=1))
    fill_strength(page, "Chest press machine · machine", [(40.0, 12)] * 3)
    save_session(page)

    go_to(page, "Suggestions")
    # No raise until the second session's next morning is known to have settled.
    expect(page.get_by_text(RAISE)).to_have_count(0)

    go_to(page, "Check-ins")
    type_into(page, "Lower back: pain on waking (0-10)", 2)
    click(page, "Save morning check-in")
    expect(message(page, "Morning check-in saved")).to_be_visible()
    idle(page)

    go_to(page, "Suggestions")
    card = page.get_by_test_id("stVerticalBlock").filter(has=page.get_by_text(RAISE, exact=True)).last
    expect(card).to_be_visible()
    expect(card).to_contain_text("Why:")
    card.get_by_role("button", name="Accept").click()
    expect(message(page, "Accepted: recorded with today's date")).to_be_visible()
    idle(page)
    expect(page.get_by_text(RAISE, exact=True)).to_have_count(0)

    go_to(page, "Report", "Report for your doctor")
    changes = page.get_by_test_id("stVerticalBlock").filter(has_text="Changes made (accepted suggestions)").last
    expect(changes).to_contain_text(RAISE)

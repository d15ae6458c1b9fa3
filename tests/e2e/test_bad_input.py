"""Bad input in the browser: the message shows beside the field, what was typed stays, nothing is saved."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from playwright.sync_api import Page, expect

from services.history import history
from tests.e2e.conftest import App
from tests.e2e.test_log_session import fill_leg_press
from tests.e2e.ui import click, field, go_to, idle, message, open_app, set_date, shown_as, type_into

pytestmark = pytest.mark.e2e


def start_logging(page: Page, app: App) -> None:
    """Open the log form with a valid leg-press session filled in."""
    open_app(page, app.url)
    go_to(page, "Log session", "Log a session")
    fill_leg_press(page)


def test_pain_of_eleven_is_refused(app: App, page: Page) -> None:
    start_logging(page, app)
    type_into(page, "Lower back: peak pain during", 11)
    click(page, "Save session")

    expect(message(page, "Lower back: peak pain during must be")).to_contain_text("you entered 11")
    idle(page)
    expect(message(page, "Session saved")).to_have_count(0)
    expect(field(page, "Lower back: peak pain during")).to_have_value(shown_as(11))
    expect(field(page, "Leg press: set 3 weight (kg)")).to_have_value(shown_as(45))
    assert history(app.ctx).empty

    # Correcting the one field is enough to save.
    type_into(page, "Lower back: peak pain during", 6)
    click(page, "Save session")
    expect(message(page, "Session saved")).to_be_visible()
    idle(page)
    assert len(history(app.ctx)) == 1


def test_future_date_is_refused(app: App, page: Page) -> None:
    start_logging(page, app)
    tomorrow = date.today() + timedelta(days=1)
    set_date(page, "Date", tomorrow)
    click(page, "Save session")

    expect(message(page, "is in the future")).to_contain_text(f"{tomorrow:%Y-%m-%d}")
    idle(page)
    expect(message(page, "Session saved")).to_have_count(0)
    expect(field(page, "Leg press: set 1 reps")).to_have_value(shown_as(10))
    assert history(app.ctx).empty

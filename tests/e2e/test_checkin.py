"""The next-morning check-in for yesterday's session, from the reminder on Today to the stored rating."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from playwright.sync_api import Page, expect

from db import queries
from tests.e2e.conftest import App
from tests.e2e.ui import click, field, go_to, idle, message, open_app, type_into
from tests.factories import create_session

pytestmark = pytest.mark.e2e

WAKING = "Lower back: pain on waking (0-10)"


def test_morning_checkin_for_yesterdays_session(app: App, page: Page) -> None:
    yesterday = datetime.combine(date.today() - timedelta(days=1), time(18, 30))
    session_id = create_session(app.ctx, when=yesterday)

    open_app(page, app.url)
    reminder = message(page, "How did yesterday's session settle?")
    expect(reminder).to_be_visible()
    page.get_by_role("link", name="Morning check-in").click()
    expect(page.get_by_role("heading", level=1, name="Check-ins")).to_be_visible()
    idle(page)
    expect(message(page, "You exercised yesterday (18:30)")).to_be_visible()

    type_into(page, WAKING, 4)
    click(page, "Save morning check-in")
    expect(message(page, "Morning check-in saved")).to_be_visible()
    idle(page)
    expect(field(page, WAKING)).to_have_value("")

    with app.ctx.db.read() as s:
        stored = queries.checkins(s, app.ctx.owner_id)
    assert stored[["region", "pain", "session_id"]].to_dict("records") == [
        {"region": "lower_back", "pain": 4, "session_id": session_id}
    ]

    # The reminder on Today is gone once the morning is recorded.
    go_to(page, "Today", "Threshold")
    expect(page.get_by_role("heading", name="To log today")).to_be_visible()
    expect(reminder).to_have_count(0)

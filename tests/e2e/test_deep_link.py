"""A first visit straight to a page's address, on a server nobody has visited yet, gets the whole app."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import App
from tests.e2e.ui import open_app

pytestmark = pytest.mark.e2e


def test_a_bookmarked_page_opens_inside_the_app_on_a_fresh_server(app: App, page: Page) -> None:
    open_app(page, app.url, "progress")

    expect(page.get_by_role("heading", level=1, name="Progress")).to_be_visible()
    nav = page.get_by_test_id("stSidebarNav")
    # The app's own navigation, with its page titles, not a bare list of the files in pages/.
    expect(nav.get_by_role("link", name="Log session", exact=True)).to_be_visible()
    expect(nav.get_by_role("link", name="Today", exact=True)).to_be_visible()
    expect(nav.get_by_role("link", name="app", exact=True)).to_have_count(0)
    expect(nav.get_by_role("link", name="signin", exact=True)).to_have_count(0)

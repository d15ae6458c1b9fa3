"""At phone width (390 px): the log form fits the screen and saves; a chart's download menu opens within it."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from services.history import history
from tests.e2e.conftest import ARTIFACTS, App
from tests.e2e.test_downloads import seed
from tests.e2e.test_log_session import PAIN, SETS, fill_leg_press, save_session
from tests.e2e.ui import field, go_to, open_app, open_chart_downloads, open_more_charts

pytestmark = pytest.mark.e2e


def overflows_sideways(page: Page) -> bool:
    """True when the page is wider than the screen (the user would have to scroll sideways)."""
    return bool(page.evaluate("document.documentElement.scrollWidth > window.innerWidth"))


def test_log_form_usable_at_phone_width(app: App, phone: Page) -> None:
    open_app(phone, app.url)
    go_to(phone, "Log session", "Log a session")
    fill_leg_press(phone)

    viewport = phone.viewport_size
    assert viewport is not None and viewport["width"] == 390
    labels = [f"Leg press: set {n} weight (kg)" for n in range(1, len(SETS) + 1)] + list(PAIN)
    for label in labels:
        box = field(phone, label).bounding_box()
        assert box is not None, label
        assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], f"{label} runs off the screen"
        assert box["width"] >= 60, f"{label} is too narrow to read ({box['width']:.0f} px)"
    assert not overflows_sideways(phone)

    ARTIFACTS.mkdir(exist_ok=True)
    phone.screenshot(path=str(ARTIFACTS / "phone-log-form.png"), full_page=True)
    save_session(phone)
    expect(phone.get_by_role("heading", level=1, name="Log a session")).to_be_visible()
    assert len(history(app.ctx)) == 1


def test_chart_download_menu_fits_at_phone_width(app: App, phone: Page) -> None:
    seed(app)
    open_app(phone, app.url, "progress")
    open_more_charts(phone)
    section = open_chart_downloads(phone, "Strength: estimated one-rep max")
    viewport = phone.viewport_size
    assert viewport is not None
    for part in (
        section,
        section.get_by_role("button", name="Download PNG", exact=True),
        section.get_by_role("button", name="Download SVG", exact=True),
    ):
        # The buttons are made again for the chart picked: wait for them rather than for the run's state, which can
        # still read "not running" just before the rerun starts.
        expect(part).to_be_visible()
        box = part.bounding_box()
        assert box is not None
        assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], "the menu runs off the screen"
    assert not overflows_sideways(phone)

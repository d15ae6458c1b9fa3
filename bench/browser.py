"""Real Chromium against a local `streamlit run` server: time to the first chart on a page, and from the server's
start to its first page drawn."""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tests.e2e.server import CHROMIUM, LAUNCH_ARGS, streamlit_server

if TYPE_CHECKING:
    from playwright.sync_api import Page

CHART = "[data-testid='stVegaLiteChart']"
# Streamlit's own end-to-end tests read this attribute to know a script run has finished.
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
APP_FRAME = "[data-testid='stApp']"
# Every page starts with a title, which only the app's script run draws.
TITLE = "h1"
CHART_TIMEOUT_MS = 120_000


@dataclass(frozen=True)
class BrowserFigures:
    """Seconds from navigation to: the app's frame, then the first chart (first visit), and the chart again
    on a later visit with the browser's cache and the server's data cache warm."""

    shell_s: float
    first_chart_s: float
    cached_chart_s: float | None
    """None when the revisit was skipped."""


def _times_to(page: Page, url: str, *selectors: str) -> list[float]:
    """Navigate, then seconds until each selector in turn is visible."""
    started = time.perf_counter()
    page.goto(url, wait_until="commit")
    found = []
    for selector in selectors:
        page.wait_for_selector(selector, state="visible", timeout=CHART_TIMEOUT_MS)
        found.append(time.perf_counter() - started)
    return found


def browser_figures(
    database_url: str, demo_url: str, page_path: str, *, revisit: bool = True, selector: str = ""
) -> BrowserFigures:
    """Time a page's first chart in Chromium (the server's own start and imports are paid before timing)."""
    from playwright.sync_api import sync_playwright

    selector = selector or f"{CHART} canvas, {CHART} svg"
    env = {"DATABASE_URL": database_url, "THRESHOLD_DEMO_URL": demo_url}
    with (
        tempfile.TemporaryDirectory(prefix="threshold-browser-") as logs,
        streamlit_server(Path(logs), env) as server,
        sync_playwright() as p,
    ):
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            url = f"{server.url}/{page_path}"
            # A throwaway visit to the home page pays for the server's first imports, which no later user waits for.
            warm = browser.new_context()
            warm.new_page().goto(f"{server.url}/")
            warm.pages[0].wait_for_selector(IDLE, timeout=CHART_TIMEOUT_MS)
            warm.close()
            visitor = browser.new_context()
            shell, first = _times_to(visitor.new_page(), url, APP_FRAME, selector)
            again = _times_to(visitor.new_page(), url, selector)[0] if revisit else None
            return BrowserFigures(shell, first, again)
        finally:
            browser.close()


def server_first_page_s(database_url: str, demo_url: str) -> float:
    """Seconds from `streamlit run app.py` starting to its first page drawn and idle in Chromium.

    Chromium is started first, so its own start is not counted; the server's imports and first script run are.
    """
    from playwright.sync_api import sync_playwright

    env = {"DATABASE_URL": database_url, "THRESHOLD_DEMO_URL": demo_url}
    with tempfile.TemporaryDirectory(prefix="threshold-browser-") as logs, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            page = browser.new_page()
            started = time.perf_counter()
            with streamlit_server(Path(logs), env) as server:
                page.goto(f"{server.url}/", wait_until="commit")
                page.wait_for_selector(f"{APP_FRAME} {TITLE}", state="visible", timeout=CHART_TIMEOUT_MS)
                page.wait_for_selector(IDLE, state="attached", timeout=CHART_TIMEOUT_MS)
                return time.perf_counter() - started
        finally:
            browser.close()

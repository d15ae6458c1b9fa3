"""Real Chromium against a local `streamlit run` server: time to the first chart on a page, and from the server's
start to its first page drawn.

Two ways of reaching a chart page are timed, each on a server of its own whose first imports a throwaway visit
to the home page has already paid, and whose background warm-up after that first page (ui/warmup.py) has finished
(no later visitor waits for either):

- a fresh tab opened at the page's address (`first_chart_s`, the bench's `browser_first_chart_s`): a new
  browser context with an empty cache, so it pays for downloading and starting Streamlit's whole front end
  (about 60 script files, 3 MB) before the app's frame shows (`shell_s`), then the page's script run, the
  chart library's own files and its first drawing;
- a click on the page in the app's navigation once the home page is drawn and idle in the same tab
  (`in_app_chart_s`, `browser_first_chart_s_in_app`), the way a person usually gets there: the front end is
  already running, so it pays for the page's script run, the chart library's files and the drawing only.

Both start with the server's data cache empty for the page, so its first reads are in the time (its opening chart
specs are built by the warm-up).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bench.processes import stat
from tests.e2e.server import CHROMIUM, LAUNCH_ARGS, Server, streamlit_server

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHART = "[data-testid='stVegaLiteChart']"
# Streamlit's own end-to-end tests read this attribute to know a script run has finished.
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
APP_FRAME = "[data-testid='stApp']"
# Every page starts with a title, which only the app's script run draws.
TITLE = "h1"
NAV = "[data-testid='stSidebarNav']"
CHART_TIMEOUT_MS = 120_000


@dataclass(frozen=True)
class BrowserFigures:
    """Seconds from navigation to: the app's frame, then the first chart (first visit), and the chart again
    on a later visit with the browser's cache and the server's data cache warm; and from a click in the app's
    navigation to the first chart."""

    shell_s: float
    first_chart_s: float
    cached_chart_s: float | None
    """None when the revisit was skipped."""
    in_app_chart_s: float | None = None
    """None when the in-app visit was skipped."""


def _times_to(page: Page, url: str, *selectors: str) -> list[float]:
    """Navigate, then seconds until each selector in turn is visible."""
    started = time.perf_counter()
    page.goto(url, wait_until="commit")
    found = []
    for selector in selectors:
        page.wait_for_selector(selector, state="visible", timeout=CHART_TIMEOUT_MS)
        found.append(time.perf_counter() - started)
    return found


def _idle_home(page: Page, url: str) -> None:
    """Open the home page and wait until it is drawn and its script run has finished."""
    page.goto(f"{url}/")
    page.wait_for_selector(f"{APP_FRAME} {TITLE}", state="visible", timeout=CHART_TIMEOUT_MS)
    page.wait_for_selector(IDLE, state="attached", timeout=CHART_TIMEOUT_MS)


def _cpu_s(pid: int) -> float:
    """CPU seconds a process has used so far (0 once it is gone)."""
    found = stat(pid)
    return found[1] if found else 0.0


def _settled(pid: int, *, quiet_s: float = 0.1, every_s: float = 0.5, at_most_s: float = 60.0) -> None:
    """Wait until the server uses less than `quiet_s` of CPU in `every_s`: its background work after the first page
    (ui/warmup.py imports pandas and Altair and builds the Progress page's specs) is done, as it is for anyone who
    arrives after the first visitor."""
    deadline = time.monotonic() + at_most_s
    used = _cpu_s(pid)
    while time.monotonic() < deadline:
        time.sleep(every_s)
        now = _cpu_s(pid)
        if now - used < quiet_s:
            return
        used = now


@contextmanager
def _warmed_server(browser: Browser, env: dict[str, str]) -> Iterator[Server]:
    """A server whose first imports a throwaway visit to the home page (in a context of its own) has paid, and
    whose background warm-up has finished."""
    with tempfile.TemporaryDirectory(prefix="threshold-browser-") as logs, streamlit_server(Path(logs), env) as server:
        warm = browser.new_context()
        _idle_home(warm.new_page(), server.url)
        warm.close()
        _settled(server.pid)
        yield server


def _in_app_chart_s(browser: Browser, env: dict[str, str], page_path: str, selector: str) -> float:
    """Seconds from a click on the page's link in the sidebar, the home page idle in the same tab, to its chart."""
    with _warmed_server(browser, env) as server:
        visitor = browser.new_context()
        page = visitor.new_page()
        _idle_home(page, server.url)
        link = page.locator(f"{NAV} a[href$='/{page_path}']")
        started = time.perf_counter()
        link.click()
        page.wait_for_selector(selector, state="visible", timeout=CHART_TIMEOUT_MS)
        seconds = time.perf_counter() - started
        visitor.close()
        return seconds


def browser_figures(
    database_url: str,
    demo_url: str,
    page_path: str,
    *,
    revisit: bool = True,
    in_app: bool = True,
    selector: str = "",
    visits: int = 1,
) -> BrowserFigures:
    """Time a page's first chart in Chromium, in a fresh tab and (in_app) from the app's navigation.

    With `visits` over one, the fresh tab is timed that many times, each on a server of its own (so each finds
    the page's data uncached), and the medians are given: one fresh tab varies by ±0.15 s on 2 cores.
    """
    from playwright.sync_api import sync_playwright

    selector = selector or f"{CHART} canvas, {CHART} svg"
    env = {"DATABASE_URL": database_url, "THRESHOLD_DEMO_URL": demo_url}
    shells, firsts = [], []
    again = None
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            for visit in range(max(1, visits)):
                with _warmed_server(browser, env) as server:
                    url = f"{server.url}/{page_path}"
                    visitor = browser.new_context()
                    shell, first = _times_to(visitor.new_page(), url, APP_FRAME, selector)
                    shells.append(shell)
                    firsts.append(first)
                    if revisit and visit == 0:
                        again = _times_to(visitor.new_page(), url, selector)[0]
                    visitor.close()
            # A server of its own: on the first one the page's data is already in the server's cache.
            clicked = _in_app_chart_s(browser, env, page_path, selector) if in_app else None
            return BrowserFigures(statistics.median(shells), statistics.median(firsts), again, clicked)
        finally:
            browser.close()


@dataclass(frozen=True)
class FirstPage:
    """Seconds from `streamlit run app.py` starting to: its health check answering, the browser's first byte of the
    page, the app's frame (Streamlit's front end downloaded and started, its websocket open), the page's title (the
    first script run under way), and the page drawn and idle (`server_first_page_s`)."""

    healthy_s: float
    commit_s: float
    frame_s: float
    title_s: float
    idle_s: float


def first_page(database_url: str, demo_url: str) -> FirstPage:
    """Time a fresh server's first page in Chromium, step by step (see FirstPage).

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
                healthy = time.perf_counter() - started
                page.goto(f"{server.url}/", wait_until="commit")
                commit = time.perf_counter() - started
                frame, title, idle = _seen(page, started, APP_FRAME, f"{APP_FRAME} {TITLE}")
                return FirstPage(healthy, commit, frame, title, idle)
        finally:
            browser.close()


def _seen(page: Page, started: float, *visible: str) -> list[float]:
    """Seconds since `started` until each selector in turn is visible, then until the script run has finished."""
    found = []
    for selector in visible:
        page.wait_for_selector(selector, state="visible", timeout=CHART_TIMEOUT_MS)
        found.append(time.perf_counter() - started)
    page.wait_for_selector(IDLE, state="attached", timeout=CHART_TIMEOUT_MS)
    return [*found, time.perf_counter() - started]


def server_first_page_s(database_url: str, demo_url: str) -> float:
    """Seconds from `streamlit run app.py` starting to its first page drawn and idle in Chromium."""
    return first_page(database_url, demo_url).idle_s

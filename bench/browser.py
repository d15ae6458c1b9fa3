"""Time to the first chart on a page in real Chromium, against a local `streamlit run` server."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
CHART = "[data-testid='stVegaLiteChart']"
# Streamlit's own end-to-end tests read this attribute to know a script run has finished.
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
APP_FRAME = "[data-testid='stApp']"
START_TIMEOUT_S = 60
CHART_TIMEOUT_MS = 120_000


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_healthy(port: int, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {server.returncode} before it was ready")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as answer:
                if answer.read().strip() == b"ok":
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"streamlit did not answer /_stcore/health within {START_TIMEOUT_S} s")


@contextmanager
def streamlit_server(database_url: str, demo_url: str) -> Iterator[int]:
    """`streamlit run app.py` on a free loopback port with the given database; yields the port."""
    port = free_port()
    env = {**os.environ, "DATABASE_URL": database_url, "THRESHOLD_DEMO_URL": demo_url}
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true"]
    command += ["--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_healthy(port, server)
        yield port
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@dataclass(frozen=True)
class BrowserFigures:
    """Seconds from navigation to: the app's frame, then the first chart (first visit), and the chart again
    on a later visit with the browser's cache and the server's data cache warm."""

    shell_s: float
    first_chart_s: float
    cached_chart_s: float


def _times_to(page: Page, url: str, *selectors: str) -> list[float]:
    """Navigate, then seconds until each selector in turn is visible."""
    started = time.perf_counter()
    page.goto(url, wait_until="commit")
    found = []
    for selector in selectors:
        page.wait_for_selector(selector, state="visible", timeout=CHART_TIMEOUT_MS)
        found.append(time.perf_counter() - started)
    return found


def browser_figures(database_url: str, demo_url: str, page_path: str, selector: str = "") -> BrowserFigures:
    """Time a page's first chart in Chromium (the server's own start and imports are paid before timing)."""
    from playwright.sync_api import sync_playwright

    selector = selector or f"{CHART} canvas, {CHART} svg"
    with streamlit_server(database_url, demo_url) as port, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            url = f"http://127.0.0.1:{port}/{page_path}"
            # A throwaway visit to the home page pays for the server's first imports, which no later user waits for.
            warm = browser.new_context()
            warm.new_page().goto(f"http://127.0.0.1:{port}/")
            warm.pages[0].wait_for_selector(IDLE, timeout=CHART_TIMEOUT_MS)
            warm.close()
            visitor = browser.new_context()
            shell, first = _times_to(visitor.new_page(), url, APP_FRAME, selector)
            (again,) = _times_to(visitor.new_page(), url, selector)
            return BrowserFigures(shell, first, again)
        finally:
            browser.close()

"""Real-browser fixtures: Debian's Chromium through Playwright, and the app served by `streamlit run`.

Each test gets its own server on a free loopback port and its own SQLite files, so tests share nothing
(and run side by side under pytest-xdist). Where /usr/bin/chromium is missing the tests are skipped,
unless CI=true or THRESHOLD_REQUIRE_BROWSER=1, where that is a failure.
"""

from __future__ import annotations

import os
import re
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from db.engine import Database
from services.context import Ctx, ensure_profile, open_database
from tests.e2e.server import CHROMIUM, LAUNCH_ARGS, ROOT, Server, streamlit_server

REQUIRE_BROWSER = "THRESHOLD_REQUIRE_BROWSER"
ARTIFACTS = ROOT / "artifacts"
# Generous: two cores are shared by the app server, Chromium and a second test worker.
TIMEOUT_MS = 30_000
DESKTOP = {"width": 1280, "height": 900}
PHONE_AGENT = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/130.0.0.0 Mobile Safari/537.36"
)

expect.set_options(timeout=TIMEOUT_MS)


def browser_required() -> bool:
    """True where a missing browser is an error (CI, or THRESHOLD_REQUIRE_BROWSER set and not 0)."""
    return os.environ.get("CI", "").lower() == "true" or os.environ.get(REQUIRE_BROWSER, "") not in ("", "0")


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    """One headless Chromium per test process."""
    if not CHROMIUM.exists():
        message = f"Chromium not found at {CHROMIUM}; install it with `apt-get install -y chromium`"
        if browser_required():
            pytest.fail(f"{message} (CI or {REQUIRE_BROWSER} is set, so this is an error, not a skip)")
        pytest.skip(message)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield browser
        browser.close()


@dataclass(frozen=True)
class App:
    """The app under test: its address, and its database with the local owner (for seeding and checks)."""

    server: Server
    db: Database
    ctx: Ctx

    @property
    def url(self) -> str:
        """The app's base address."""
        return self.server.url


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    """The app served by `streamlit run` on its own port, against fresh temporary SQLite files."""
    db_url = f"sqlite:///{tmp_path / 'app.db'}"
    env = {"DATABASE_URL": db_url, "THRESHOLD_DEMO_URL": f"sqlite:///{tmp_path / 'demo.db'}"}
    database = open_database(db_url)
    ctx = ensure_profile(database)
    with streamlit_server(tmp_path, env) as server:
        yield App(server, database, ctx)
    database.dispose()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Remember each phase's report on the test, so fixtures can tell whether the test failed."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


def _failed(request: pytest.FixtureRequest) -> bool:
    report = getattr(request.node, "report_call", None)
    return bool(report is not None and report.failed)


def new_page(
    browser: Browser, request: pytest.FixtureRequest, name: str = "page", **context_options: object
) -> Iterator[Page]:
    """A page in a fresh browser context (its own cookies and Streamlit session); screenshot on failure."""
    context = browser.new_context(**context_options)  # type: ignore[arg-type]
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    yield page
    if _failed(request):
        ARTIFACTS.mkdir(exist_ok=True)
        test = re.sub(r"[^\w.-]+", "_", request.node.nodeid.split("::")[-1])
        page.screenshot(path=str(ARTIFACTS / f"failed-{test}-{name}.png"), full_page=True)
    context.close()


@pytest.fixture
def page(chromium: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A desktop-sized page in its own browser context."""
    yield from new_page(chromium, request, viewport=DESKTOP)


@pytest.fixture
def phone(chromium: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A page the size of a phone held upright (390 px wide), with touch."""
    yield from new_page(
        chromium,
        request,
        "phone",
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
        # Streamlit tells a phone by its user agent (it then folds the sidebar away after a tap on a page).
        user_agent=PHONE_AGENT,
    )

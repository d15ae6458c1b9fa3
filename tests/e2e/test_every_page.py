"""Every page, on an empty database and in the demo: no missing value printed as "None" or "nan", no two form
fields with one accessible name, and no accessibility violation (axe-core) that the app's code causes."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.e2e.conftest import App
from tests.e2e.ui import click, go_to, idle, message, open_app
from tests.e2e.walk import PAGES, SCREENSHOTS, app_findings, leaked_words, shared_field_names, snap

pytestmark = pytest.mark.e2e


def walk(page: Page, state: str) -> dict[str, list[str]]:
    """Visit every page through the navigation and list what each check found, by page."""
    axe = Axe()
    problems: dict[str, list[str]] = {}
    for label, heading in PAGES.items():
        go_to(page, label, heading)
        # Open every expander, so fields and text inside them are checked too.
        closed = page.locator("[data-testid='stExpander'] details:not([open]) summary")
        for _ in range(closed.count()):
            closed.first.click()
        idle(page)
        found = [f"shows {line!r}" for line in leaked_words(page)]
        found += [f"two or more fields named {name}" for name in shared_field_names(page)]
        found += [f"axe: {finding}" for finding in app_findings(axe.run(page).response, label)]
        if found:
            problems[label] = found
        if label in SCREENSHOTS:
            snap(page, f"{state}-{label}")
    return problems


def report(problems: dict[str, list[str]]) -> str:
    """The problems, one line each under their page."""
    return "\n".join(f"{label}:\n" + "\n".join(f"  {one}" for one in found) for label, found in problems.items())


def test_every_page_on_an_empty_database(app: App, page: Page) -> None:
    open_app(page, app.url)
    problems = walk(page, "empty")
    assert not problems, report(problems)


def test_every_page_in_the_demo(app: App, page: Page) -> None:
    open_app(page, app.url)
    click(page, "Try with demo data")
    expect(message(page, "Demo data.")).to_be_visible()
    idle(page)
    problems = walk(page, "demo")
    assert not problems, report(problems)

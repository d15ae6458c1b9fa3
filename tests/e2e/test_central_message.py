"""The central message in a real browser with two years of demo history: the pain-threshold picture on Progress
(desktop and phone), in the doctor's share view and on the PDF's first pages, with screenshots to look at.

The screenshots land in artifacts/central/ (git-ignored); a person reviewing a change opens them.
"""

from __future__ import annotations

from datetime import date, timedelta
from io import BytesIO

import pypdfium2 as pdfium
import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from services.demo import fill_demo
from services.report import build_report, report_pdf
from services.sharing import create_link
from tests.e2e.conftest import ARTIFACTS, App
from tests.e2e.server import Server
from tests.e2e.test_signin import hosted, owner_of, sign_in  # noqa: F401  (hosted is a fixture)
from tests.e2e.ui import go_to, idle, open_app, screenshot_all

pytestmark = pytest.mark.e2e

SHOTS = ARTIFACTS / "central"
PANEL_TITLE = "Heaviest set"


def _seed(app: App) -> tuple[date, date]:
    """Two years of demo history in the person's own database; returns the last year as a report range."""
    today = date.today()
    fill_demo(app.ctx, years=2, today=today)
    return today - timedelta(days=364), today


def _headline(app: App, start: date, end: date) -> str:
    return build_report(app.ctx, start=start, end=end, regions=("lower_back",)).data.headline


def _progress(page: Page, url: str, name: str) -> None:
    open_app(page, url)
    go_to(page, "Progress")
    charts = page.get_by_test_id("stVegaLiteChart")
    expect(charts.first).to_be_visible()
    idle(page)
    SHOTS.mkdir(parents=True, exist_ok=True)
    screenshot_all(page, str(SHOTS / f"progress-{name}.png"))


def test_progress_tells_the_threshold_story_on_desktop_and_phone(app: App, page: Page, phone: Page) -> None:
    start, end = _seed(app)
    words = _headline(app, start, end)
    assert words.startswith(("Tolerated work", "Since")), words
    _progress(page, app.url, "1280")
    # Progress opens on the last 12 months, the report's range here: the same headline, word for word.
    expect(page.get_by_text(words, exact=True)).to_be_visible()
    # One small chart per main exercise, each on its own axis: a load axis for strength, minutes for cardio.
    expect(page.locator("[aria-label*='Heaviest set']").first).to_be_attached()
    _progress(phone, app.url, "390")
    expect(phone.get_by_text(words, exact=True)).to_be_visible()
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the phone page scrolls sideways ({width} px)"


@pytest.mark.postgres
def test_share_view_and_pdf_pages_one_and_two_carry_the_same_headline(
    hosted: tuple[Server, str],  # noqa: F811  (the fixture imported above)
    page: Page,
) -> None:
    # Share links exist only where sign-in is configured: the person signs in, the doctor opens the link.
    server, db_url = hosted
    sign_in(page, server.url, "alice")
    alice = owner_of(db_url, "alice")
    today = date.today()
    fill_demo(alice, years=2, today=today)
    start, end = today - timedelta(days=364), today
    words = build_report(alice, start=start, end=end, regions=("lower_back",)).data.headline
    token = create_link(alice, start=start, end=end, regions=["lower_back"])
    open_app(page, server.url, f"?token={token}")
    expect(page.get_by_text("Tolerated work of the main exercises").first).to_be_visible()
    expect(page.get_by_text(words).first).to_be_visible()
    idle(page)
    SHOTS.mkdir(parents=True, exist_ok=True)
    screenshot_all(page, str(SHOTS / "share-view-1280.png"))

    data = report_pdf(alice, start=start, end=end, regions=("lower_back",))
    alice.db.dispose()
    text = " ".join(PdfReader(BytesIO(data)).pages[0].extract_text().split())
    assert " ".join(words.split()) in text, "page 1 says what the Progress page says"
    pdf = pdfium.PdfDocument(data)
    for number in (0, 1, 2):
        pdf[number].render(scale=1.5).to_pil().save(SHOTS / f"report-page-{number + 1}.png")
    pdf.close()

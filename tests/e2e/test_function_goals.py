"""Function goals (PSFS) in a real browser: name two activities, rate them, come back when due, rate again, and
see them on page 1 of the doctor's report; that page with medication, sleep and PGIC on desktop, phone and PDF."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pypdfium2 as pdfium
import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from db.models import FunctionGoal, PsfsRating
from services.checkins import record_morning
from services.function_goals import add_goal, function_goals, rate_goals
from services.medication import add_regular, change_dose, log_dose, medication
from services.pgic import record_pgic
from services.report import report_pdf
from tests.e2e.conftest import ARTIFACTS, App
from tests.e2e.ui import click, go_to, idle, message, open_app, screenshot_all, type_into
from tests.factories import create_session
from tests.progress_history import fill_weeks

pytestmark = pytest.mark.e2e

STAIRS = "Climb two flights of stairs"
SHOPPING = "Carry the shopping home"
NEW = "New activity, in your own words"
SHOTS = ARTIFACTS / "healthreport"


def _rating(activity: str) -> str:
    return f"{activity}: how well can you do it now? (0-10)"


def _two_weeks_pass(app: App) -> None:
    """Move the activities and their first ratings 14 days back, as if the person came back two weeks later."""
    with app.ctx.db.write() as s:
        # Row by row in Python: SQLite's date arithmetic would turn the dates into numbers.
        for goal in s.scalars(select(FunctionGoal)):
            goal.created_on -= timedelta(days=14)
        for rating in s.scalars(select(PsfsRating)):
            rating.day -= timedelta(days=14)


def test_two_function_goals_rated_twice_show_the_change(app: App, page: Page) -> None:
    create_session(app.ctx, when=datetime.now() - timedelta(days=3))
    open_app(page, app.url)
    go_to(page, "Function goals")

    for activity in (STAIRS, SHOPPING):
        type_into(page, NEW, activity)
        click(page, "Add activity")
        expect(message(page, f"Added '{activity}'")).to_be_visible()
        idle(page)
    expect(page.get_by_text("name 1 more")).to_be_visible()

    type_into(page, _rating(STAIRS), 3)
    type_into(page, _rating(SHOPPING), 4)
    click(page, "Save ratings")
    expect(message(page, f"Ratings saved for {date.today():%Y-%m-%d}: average 3.5 out of 10.")).to_be_visible()
    idle(page)

    _two_weeks_pass(app)
    go_to(page, "Today", "Threshold")
    expect(message(page, "Function goals due")).to_be_visible()
    page.get_by_role("link", name="Rate your activities").click()
    expect(page.get_by_role("heading", level=1, name="Function goals")).to_be_visible()
    idle(page)

    type_into(page, _rating(STAIRS), 6)
    type_into(page, _rating(SHOPPING), 7)
    click(page, "Save ratings")
    expect(message(page, "average 6.5 out of 10")).to_be_visible()
    expect(page.get_by_text("the average moved +3.0 points, a change large enough to matter (better)")).to_be_visible()

    goals = function_goals(app.ctx)
    assert [(r.day, r.average) for r in goals.rounds] == [
        (date.today() - timedelta(days=14), 3.5),
        (date.today(), 6.5),
    ]
    assert [g.latest for g in goals.active] == [6, 7]

    # The doctor's report, page 1: both activities with their first and latest rating and the change.
    go_to(page, "Report", "Report for your doctor")
    idle(page)
    before, today = date.today() - timedelta(days=14), date.today()
    # The earlier date leaves out its year when the later one, printed beside it, has the same.
    first, latest = (
        f"{before.day} {before:%b}" + ("" if before.year == today.year else f" {before:%Y}"),
        f"{today.day} {today:%b %Y}",
    )
    function = page.get_by_test_id("stText").filter(has_text=STAIRS)
    expect(function).to_contain_text(f"{STAIRS}: 3 ({first}) → 6 ({latest}), +3: clinically important improvement")
    expect(function).to_contain_text(f"{SHOPPING}: 4 ({first}) → 7 ({latest}), +3: clinically important improvement")
    expect(function).to_contain_text("Average of the 2 activities rated twice or more: 3.5 → 6.5, +3.0")


def _seed_health(app: App) -> None:
    """Six weeks of sessions, three activities rated three times, a dose change, as-needed doses, sleep and PGIC."""
    today = date.today()
    ctx = app.ctx
    first = fill_weeks(ctx, end=today)
    for activity in (STAIRS, SHOPPING, "Sit through a film without getting up"):
        add_goal(ctx, {"activity": activity, "created_on": first})
    ids = [g.id for g in function_goals(ctx).active]
    for back, scores in ((35, (2, 3, 4)), (21, (4, 4, 5)), (0, (6, 5, 7))):
        rate_goals(ctx, today - timedelta(days=back), dict(zip(ids, scores, strict=True)))
    add_regular(ctx, {"name": "Naproxen", "dose": 250, "unit": "mg", "start": first - timedelta(days=60)})
    ((naproxen, _),) = medication(ctx).current
    change_dose(ctx, naproxen, {"dose": 500, "start": today - timedelta(days=20)})
    add_regular(ctx, {"name": "Amitriptyline", "dose": 10, "unit": "mg", "start": today - timedelta(days=30)})
    for back in (2, 5, 9, 16, 23, 30, 33):
        taken = datetime.combine(today - timedelta(days=back), time(20, 0))
        log_dose(ctx, {"name": "Paracetamol", "dose": 1000, "unit": "mg", "taken_at": taken})
    for back in range(1, 30, 3):
        record_morning(ctx, today - timedelta(days=back), {"lower_back": 3}, sleep=4 + back % 5)
    record_pgic(ctx, {"day": today - timedelta(days=1), "score": 3})


def test_report_page_one_with_psfs_pgic_medication_and_sleep_on_desktop_phone_and_pdf(
    app: App, page: Page, phone: Page
) -> None:
    _seed_health(app)
    SHOTS.mkdir(parents=True, exist_ok=True)
    for shown, width in ((page, 1280), (phone, 390)):
        open_app(shown, app.url)
        go_to(shown, "Report", "Report for your doctor")
        idle(shown)
        expect(shown.get_by_text("Function goals, change within this period", exact=False)).to_be_visible()
        expect(
            shown.get_by_test_id("stText").filter(has_text="Naproxen: dose changed from 250 mg to 500 mg")
        ).to_be_visible()
        expect(shown.get_by_text("A little improved (3 on the 1-7 scale)", exact=False)).to_be_visible()
        screenshot_all(shown, str(SHOTS / f"report-{width}.png"))
        scrolled = shown.evaluate("document.documentElement.scrollWidth")
        assert scrolled <= width, f"the report page scrolls sideways at {width} px ({scrolled} px)"
    today = date.today()
    data = report_pdf(app.ctx, start=today - timedelta(weeks=12), end=today, regions=("lower_back",))
    pdf = pdfium.PdfDocument(data)
    first_page = " ".join(pdf[0].get_textpage().get_text_range().split())
    assert "Red flags" in first_page and "7 = very much worse" in first_page, "page 1 holds the summary and its key"
    for number in range(min(2, len(pdf))):
        pdf[number].render(scale=1.5).to_pil().save(SHOTS / f"report-pdf-page-{number + 1}.png")
    pdf.close()

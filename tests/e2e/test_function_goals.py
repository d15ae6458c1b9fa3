"""Function goals (PSFS) in a real browser: name two activities, rate them, come back when due, rate again."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from db.models import FunctionGoal, PsfsRating
from services.function_goals import function_goals
from tests.e2e.conftest import App
from tests.e2e.ui import click, go_to, idle, message, open_app, type_into
from tests.factories import create_session

pytestmark = pytest.mark.e2e

STAIRS = "Climb two flights of stairs"
SHOPPING = "Carry the shopping home"
NEW = "New activity, in your own words"


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

"""Switching to pounds: every weight on screen changes, the stored kilograms do not."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from playwright.sync_api import Page, expect

from db import queries
from tests.e2e.conftest import App
from tests.e2e.ui import click, field, go_to, idle, message, open_app, selected, shown_as
from tests.factories import create_session

pytestmark = pytest.mark.e2e

KG = re.compile(r"Leg press: 40 kg × 10, 40 kg × 10, 40 kg × 10$")
LB = re.compile(r"Leg press: 88\.2 lb × 10, 88\.2 lb × 10, 88\.2 lb × 10$")


def stored_weights(app: App) -> list[float]:
    """Every set's weight as stored (kilograms)."""
    with app.ctx.db.read() as s:
        return [float(w) for w in queries.sets(s, app.ctx.owner_id)["weight_kg"]]


def test_pounds_everywhere_kilograms_stored(app: App, page: Page) -> None:
    create_session(app.ctx, when=datetime.now() - timedelta(hours=1), weight=40.0, reps=10, sets=3)
    open_app(page, app.url)
    go_to(page, "History")
    expect(selected(page, "Choose a session")).to_have_value(KG)

    go_to(page, "Settings")
    page.get_by_test_id("stRadio").filter(has_text="Units for weights").get_by_text("lb", exact=True).click()
    click(page, "Save settings")
    expect(message(page, "Settings saved")).to_be_visible()
    idle(page)

    go_to(page, "History")
    expect(selected(page, "Choose a session")).to_have_value(LB)
    click(page, "Edit")
    expect(page.get_by_role("heading", level=1, name="Edit session")).to_be_visible()
    idle(page)
    for number in (1, 2, 3):
        expect(field(page, f"Leg press: set {number} weight (lb)")).to_have_value(shown_as(88.2))
    expect(page.get_by_text("weight (kg)")).to_have_count(0)
    click(page, "Cancel editing")
    expect(page.get_by_role("heading", level=1, name="Log a session")).to_be_visible()
    idle(page)

    assert stored_weights(app) == [40.0, 40.0, 40.0]

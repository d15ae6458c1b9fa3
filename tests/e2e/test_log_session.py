"""Logging a strength session in the browser, and finding it again in History."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from services.history import history
from tests.e2e.conftest import ARTIFACTS, App
from tests.e2e.ui import choose, click, field, go_to, idle, message, open_app, selected, shown_as, type_into
from tests.e2e.walk import PAGES

pytestmark = pytest.mark.e2e

SETS = [(40, 10), (42.5, 10), (45, 8)]
PAIN = {"Lower back: pain before": 2, "Lower back: peak pain during": 5, "Lower back: pain after": 3}


def fill_strength(page: Page, exercise: str, sets: list[tuple[float, int]], unit: str = "kg") -> None:
    """Choose a strength exercise, type its sets (weight, reps) and pain before, during and after."""
    choose(page, "Exercise 1", exercise)
    name = exercise.split(" · ")[0]
    type_into(page, f"{name}: sets", len(sets))
    expect(field(page, f"{name}: set {len(sets)} weight ({unit})")).to_be_visible()
    expect(field(page, f"{name}: set {len(sets) + 1} weight ({unit})")).to_have_count(0)
    for number, (weight, reps) in enumerate(sets, start=1):
        type_into(page, f"{name}: set {number} weight ({unit})", weight)
        type_into(page, f"{name}: set {number} reps", reps)
    for label, value in PAIN.items():
        type_into(page, label, value)


def fill_leg_press(page: Page) -> None:
    """Three sets on the leg press machine, pain 2, 5 and 3."""
    fill_strength(page, "Leg press · machine", SETS)


def save_session(page: Page) -> None:
    """Press Save and wait for the confirmation."""
    click(page, "Save session")
    expect(message(page, "Session saved")).to_be_visible()
    idle(page)


def test_logged_session_shows_in_history(app: App, page: Page) -> None:
    open_app(page, app.url)
    go_to(page, "Log session", "Log a session")
    fill_leg_press(page)
    save_session(page)
    # The form is empty again, ready for the next session.
    expect(selected(page, "Exercise 1")).to_have_value("")

    go_to(page, "History")
    expect(page.get_by_test_id("stDataFrame")).to_be_visible()
    expect(selected(page, "Choose a session")).to_have_value(
        re.compile(r"· Leg press: 40 kg × 10, 42.5 kg × 10, 45 kg × 8$")
    )

    # Opening it for editing shows every number as typed.
    click(page, "Edit")
    expect(page.get_by_role("heading", level=1, name="Edit session")).to_be_visible()
    idle(page)
    for number, (weight, reps) in enumerate(SETS, start=1):
        expect(field(page, f"Leg press: set {number} weight (kg)")).to_have_value(shown_as(weight))
        expect(field(page, f"Leg press: set {number} reps")).to_have_value(str(reps))
    for label, value in PAIN.items():
        expect(field(page, label)).to_have_value(str(value))

    stored = history(app.ctx)
    assert len(stored) == 1
    assert stored.loc[0, "pain"] == "Lower back 2 → 5 → 3"

    # Screenshots of every page with this session in it, for people reviewing a change.
    click(page, "Cancel editing")
    idle(page)
    folder = ARTIFACTS / "pages"
    folder.mkdir(parents=True, exist_ok=True)
    for name, title in PAGES.items():
        go_to(page, name, title)
        page.screenshot(path=str(folder / f"{name.lower().replace(' ', '-')}.png"), full_page=True)


def test_a_half_typed_session_waits_while_another_page_is_looked_at(app: App, page: Page) -> None:
    open_app(page, app.url)
    go_to(page, "Log session", "Log a session")
    fill_leg_press(page)
    type_into(page, "Notes (optional)", "knee felt stiff on the stairs")
    idle(page)
    go_to(page, "History")  # looking something up mid-entry
    go_to(page, "Log session", "Log a session")
    expect(selected(page, "Exercise 1")).to_have_value("Leg press · machine")
    expect(field(page, "Leg press: set 3 weight (kg)")).to_have_value(shown_as(SETS[2][0]))
    expect(field(page, "Lower back: pain before")).to_have_value(str(PAIN["Lower back: pain before"]))
    expect(field(page, "Notes (optional)")).to_have_value("knee felt stiff on the stairs")
    save_session(page)  # saved once, and the form empties as after any save
    expect(selected(page, "Exercise 1")).to_have_value("")
    assert len(history(app.ctx)) == 1

"""Hosted mode in the browser: two people sign in through OpenID Connect on one PostgreSQL-backed app."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import select

from db.models import Profile
from services.context import Ctx, open_database
from services.history import history
from tests.conftest import private_schema
from tests.e2e.conftest import new_page
from tests.e2e.server import Server, free_port, streamlit_server
from tests.e2e.signin import oidc_provider, write_auth_secrets
from tests.e2e.test_log_session import fill_strength, save_session
from tests.e2e.ui import click, go_to, idle, message, open_app, options, selected, type_into
from tests.factories import create_session
from tracker.sharing import INVALID

pytestmark = [pytest.mark.e2e, pytest.mark.postgres]

LOGS = {
    "alice": ("Leg press · machine", [(50.0, 12)], "Leg press: 50 kg × 12"),
    "bob": ("Chest press machine · machine", [(20.0, 8)], "Chest press machine: 20 kg × 8"),
}


@pytest.fixture
def hosted(tmp_path: Path) -> Iterator[tuple[Server, str]]:
    """The app on a private PostgreSQL schema with sign-in through a local provider; yields it and its DB URL."""
    with private_schema() as db_url, oidc_provider(*LOGS) as provider:
        open_database(db_url).dispose()  # migrate before the server starts
        port = free_port()
        secrets = write_auth_secrets(tmp_path / "secrets.toml", port, provider)
        env = {"DATABASE_URL": db_url, "THRESHOLD_DEMO_URL": f"sqlite:///{tmp_path / 'demo.db'}"}
        with streamlit_server(tmp_path, env, secrets=secrets, port=port) as server:
            yield server, db_url


@pytest.fixture
def second_page(chromium: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    """Another browser context: a second person with their own cookies."""
    yield from new_page(chromium, request, "second", viewport={"width": 1280, "height": 900})


def sign_in(page: Page, url: str, person: str) -> None:
    """Open the app, press Sign in and pick the person on the provider's page."""
    open_app(page, url)
    expect(page.get_by_text("Sign in to see your own data")).to_be_visible()
    click(page, "Sign in")
    page.get_by_role("button", name=person, exact=True).click()
    expect(page.get_by_text(f"Signed in as {person.title()}")).to_be_visible()
    expect(page.get_by_role("heading", level=1, name="Threshold")).to_be_visible()
    idle(page)


def test_two_people_see_only_their_own_sessions(hosted: tuple[Server, str], page: Page, second_page: Page) -> None:
    server, db_url = hosted
    browsers = {"alice": page, "bob": second_page}
    for person, tab in browsers.items():
        sign_in(tab, server.url, person)
    for person, tab in browsers.items():
        exercise, sets, _ = LOGS[person]
        go_to(tab, "Log session", "Log a session")
        fill_strength(tab, exercise, sets)
        save_session(tab)

    for person, tab in browsers.items():
        other = next(p for p in LOGS if p != person)
        go_to(tab, "History")
        expect(selected(tab, "Choose a session")).to_have_value(re.compile(re.escape(LOGS[person][2]) + "$"))
        listed = options(tab, "Choose a session")
        expect(listed).to_have_count(1)
        expect(listed.filter(has_text=LOGS[other][2])).to_have_count(0)
        tab.keyboard.press("Escape")

    database = open_database(db_url)
    try:
        with database.read() as s:
            profiles = {p.subject.rsplit("|", 1)[-1]: p.id for p in s.scalars(select(Profile))}
        assert set(profiles) == set(LOGS)
        for person, owner_id in profiles.items():
            stored = history(Ctx(database, owner_id))
            assert list(stored["exercises"]) == [LOGS[person][2]]
    finally:
        database.dispose()


def owner_of(db_url: str, person: str) -> Ctx:
    """The signed-in person's owner context, found by the provider's subject."""
    database = open_database(db_url)
    with database.read() as s:
        owner_id = next(p.id for p in s.scalars(select(Profile)) if p.subject.endswith(f"|{person}"))
    return Ctx(database, owner_id)


def test_share_link_opens_without_sign_in_until_withdrawn(
    hosted: tuple[Server, str], page: Page, second_page: Page
) -> None:
    server, db_url = hosted
    sign_in(page, server.url, "alice")
    alice = owner_of(db_url, "alice")
    create_session(alice, when=datetime.now() - timedelta(days=3), weight=35.0)
    alice.db.dispose()

    go_to(page, "Report", "Report for your doctor")
    type_into(page, "Note for your doctor (optional)", "Knee better since March")
    click(page, "Create link")
    expect(message(page, "Link created.")).to_be_visible()
    idle(page)
    address = page.get_by_test_id("stCode").inner_text().strip()
    assert address.startswith(f"{server.url}/?token=")

    doctor = second_page
    asked: list[str] = []
    doctor.on("request", lambda request: asked.append(request.url))
    doctor.goto(address)
    expect(doctor.get_by_role("heading", level=1, name="Exercise and pain report")).to_be_visible()
    idle(doctor)
    expect(doctor.get_by_text("Knee better since March")).to_be_visible()
    expect(doctor.get_by_text("Page not found")).to_have_count(0)
    expect(doctor.get_by_text("1 session", exact=False).first).to_be_visible()
    expect(doctor.get_by_role("button", name="Sign in")).to_have_count(0)
    expect(doctor.get_by_test_id("stSidebarNav")).to_have_count(0)

    page.reload()
    expect(page.get_by_role("heading", level=1, name="Report for your doctor")).to_be_visible()
    idle(page)
    expect(page.get_by_text("opened once")).to_be_visible()
    click(page, "Withdraw")
    expect(message(page, "Link withdrawn")).to_be_visible()
    idle(page)

    doctor.reload()
    expect(message(doctor, INVALID)).to_be_visible()
    idle(doctor)
    own = urlsplit(server.url).netloc
    elsewhere = [url for url in asked if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != own]
    assert asked and not elsewhere, f"the share view asked another host for: {elsewhere}"

    doctor.goto(server.url + "/")  # the app's root after a link: the sign-in page, not the owner's data
    expect(doctor.get_by_text("Sign in to see your own data")).to_be_visible()
    expect(doctor.get_by_test_id("stSidebarNav")).to_have_count(0)
    expect(doctor.get_by_text("Knee better since March")).to_have_count(0)

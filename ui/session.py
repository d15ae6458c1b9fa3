"""Which database and which owner this browser session works with."""

from __future__ import annotations

import os

import streamlit as st

from db.engine import ROOT, Database, default_url
from services.context import LOCAL_SUBJECT, Ctx, ensure_profile, open_database
from ui import auth

DEMO_KEY = "demo_mode"


def demo_url() -> str:
    """The separate database that holds demo data; never the user's own."""
    return os.environ.get("THRESHOLD_DEMO_URL") or f"sqlite:///{ROOT / 'data' / 'demo.db'}"


@st.cache_resource(show_spinner=False)
def database(url: str) -> Database:
    """One migrated Database per URL for the whole server process."""
    return open_database(url)


@st.cache_resource(show_spinner=False)
def _profile(url: str, subject: str, display_name: str) -> Ctx:
    return ensure_profile(database(url), subject, display_name)


def in_demo() -> bool:
    """True while the user is looking at demo data."""
    return bool(st.session_state.get(DEMO_KEY, False))


def set_demo(on: bool) -> None:
    """Switch between demo data and the user's own."""
    st.session_state[DEMO_KEY] = on


def demo_subject() -> str:
    """Whose demo this is: one shared demo locally; when hosted, one per signed-in person, so nobody sees
    what another visitor typed into the demo."""
    return f"demo|{auth.subject()}" if auth.auth_enabled() else LOCAL_SUBJECT


def current_ctx() -> Ctx:
    """The database and owner for this browser session (demo data when demo mode is on)."""
    if in_demo():
        return _profile(demo_url(), demo_subject(), "")
    return _profile(default_url(), auth.subject(), auth.display_name())

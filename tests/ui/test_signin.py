"""Hosted mode: sign-in gate and per-person data (AppTest with a simulated st.user)."""

from __future__ import annotations

from datetime import datetime, timedelta

from streamlit.testing.v1 import AppTest

from services.context import ensure_profile
from tests.factories import create_session
from tests.ui.conftest import APP

AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "test-secret",
    "client_id": "threshold",
    "client_secret": "secret",
    "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
}


def _hosted(user: dict) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.secrets["auth"] = AUTH
    at.user = user
    return at


def test_signed_out_visitor_sees_only_the_sign_in_page(app_db):
    at = _hosted({"is_logged_in": False})
    at.run()
    assert not at.exception
    assert [b.key for b in at.button] == ["sign_in"]
    assert not any(getattr(e, "value", "") == "Last 7 days" for e in at.subheader)


def test_each_signed_in_person_sees_only_their_own_sessions(app_db):
    alice = ensure_profile(app_db, "oidc|alice")
    create_session(alice, when=datetime.now() - timedelta(hours=1), exercise="Leg curl")
    bob_view = _hosted({"is_logged_in": True, "sub": "bob", "iss": "oidc", "name": "Bob"})
    bob_view.run()
    bob_view.switch_page("pages/history.py").run()
    assert not bob_view.exception
    assert not bob_view.dataframe, "Bob must not see Alice's session"
    alice_view = _hosted({"is_logged_in": True, "sub": "alice", "iss": "oidc", "name": "Alice"})
    alice_view.run()
    alice_view.switch_page("pages/history.py").run()
    assert alice_view.dataframe[0].value.iloc[0]["exercises"].startswith("Leg curl")


def test_local_mode_needs_no_sign_in(at):
    assert not at.exception
    assert all(b.key != "sign_in" for b in at.button)

"""Sign-in for hosted use: Streamlit's OpenID Connect (st.login) when [auth] is configured."""

from __future__ import annotations

import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError

from services.context import LOCAL_SUBJECT


def auth_enabled() -> bool:
    """True when .streamlit/secrets.toml has an [auth] section (hosted, many-user mode)."""
    try:
        return "auth" in st.secrets
    except (StreamlitSecretNotFoundError, FileNotFoundError):
        return False


def signed_in() -> bool:
    """Local use is always 'signed in' as the one implicit owner."""
    return not auth_enabled() or bool(st.user.get("is_logged_in"))


def subject() -> str:
    """Whose data this browser session sees: the provider's stable subject id, or the local owner."""
    if not auth_enabled():
        return LOCAL_SUBJECT
    claim = st.user.get("sub") or st.user.get("email")
    if not claim:
        raise PermissionError("The sign-in provider did not say who you are; sign in again.")
    issuer = str(st.user.get("iss") or "oidc")
    return f"{issuer}|{claim}"


def display_name() -> str:
    """The signed-in person's name as the provider gives it (empty locally)."""
    if not auth_enabled():
        return ""
    return str(st.user.get("name") or st.user.get("email") or "")


def sign_out_button() -> None:
    """A sidebar button that ends the session (hosted mode only)."""
    if auth_enabled() and st.user.get("is_logged_in"):
        st.sidebar.caption(f"Signed in as {display_name()}")
        st.sidebar.button("Sign out", on_click=st.logout, key="sign_out")

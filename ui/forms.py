"""Small helpers for showing validation messages beside their fields."""

from __future__ import annotations

import streamlit as st

ERRORS_KEY = "form_errors"


def set_errors(form: str, errors: dict[str, str]) -> None:
    """Remember a form's field errors for the next render."""
    st.session_state[f"{ERRORS_KEY}:{form}"] = dict(errors)


def errors_of(form: str) -> dict[str, str]:
    """The field errors from the form's last save attempt."""
    return dict(st.session_state.get(f"{ERRORS_KEY}:{form}", {}))


def field_error(form: str, field: str) -> None:
    """Show the message for one field, if it has one."""
    message = errors_of(form).get(field)
    if message:
        st.error(message, icon=":material/error:")


def flash(message: str) -> None:
    """Queue a success message to show on the next run (after a rerun clears the form)."""
    st.session_state["flash"] = message


def show_flash() -> None:
    """Show and forget a queued success message."""
    message = st.session_state.pop("flash", None)
    if message:
        st.success(message, icon=":material/check_circle:")

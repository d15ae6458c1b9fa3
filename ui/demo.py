"""Demo mode: a first look at Threshold with made-up data, kept in its own database."""

from __future__ import annotations

import threading

import streamlit as st

from db.engine import default_url, normalise_url
from ui import log_form, medication_remove
from ui.cache import after_write
from ui.session import current_ctx, demo_url, in_demo, set_demo

DEMO_YEARS = 2.0
DEMO_PARAM = "demo"
# Two browser tabs starting the demo at once should not both generate it (the database check backs this up).
_FILLING = threading.Lock()


# Session-state keys that name a row of the data on screen (History's undo and delete question): the other
# database has rows with the same ids, so they must not outlive a switch between the demo and the person's own data.
ROW_KEYS = ("undo_id", "confirm_delete")


def _switch(on: bool) -> None:
    """Switch between the demo and the person's own data, dropping what belonged to the data left: an Undo of a
    deleted session, a delete question, and the Log form (a session open for editing, or one half typed in the
    demo, must not be saved into the other data); on Medication, remove questions and undos."""
    state = st.session_state
    if in_demo() != on:
        for key in ROW_KEYS:
            state.pop(key, None)
        log_form.clear()
        medication_remove.forget()
    set_demo(on)


def start_demo() -> None:
    """Switch this browser session to the demo database, filling it the first time."""
    from services.demo import fill_demo_once  # the generator loads only when someone asks for the demo

    _switch(True)
    ctx = current_ctx()
    with _FILLING:
        written = fill_demo_once(ctx, years=DEMO_YEARS)
    if written:
        after_write(ctx)


def download_name(name: str) -> str:
    """A download's file name; in demo mode with "demo" in it, so a made-up file never passes for real data."""
    if not in_demo():
        return name
    return f"threshold-demo-{name.removeprefix('threshold-')}"


def leave_demo() -> None:
    """Back to the user's own data (and out of the address, so a reload stays there)."""
    _switch(False)
    st.query_params.pop(DEMO_PARAM, None)


def demo_survives_reload() -> None:
    """While in the demo the address carries ?demo=1, so a reload (a new browser session) reopens the demo
    instead of silently showing the person's own data; an address without it leaves the demo alone."""
    params = st.query_params
    if not in_demo() and params.get(DEMO_PARAM) == "1" and _refusal() is None:
        start_demo()
    if in_demo():
        params[DEMO_PARAM] = "1"
    elif DEMO_PARAM in params:
        del params[DEMO_PARAM]


def _refusal() -> str | None:
    """Why the demo cannot start here, if it cannot."""
    if normalise_url(demo_url()) == normalise_url(default_url()):
        return (
            "THRESHOLD_DEMO_URL points at your own database, so the demo would mix made-up data into yours. "
            "Point it at a separate file (or leave it unset) and try again."
        )
    return None


def try_demo_button(*, first_visit: bool = False) -> None:
    """The offer on the home page: look around with about two years of made-up history (on a first visit the
    button comes first and the explanation after it, so both ways in fit a phone's first screen)."""
    if in_demo():
        return
    about = (
        "The demo shows what Threshold looks like after two years of logging: made-up sessions, pain and "
        "check-ins, kept in a separate demo database. Your own data is not touched, and you can leave the demo "
        "at any time."
    )
    if not first_visit:
        st.header("See a demo history", anchor=False)
        st.write(about)
    pressed = st.button("Try with demo data", key="try_demo", icon=":material/science:")
    if first_visit:
        st.write(about)
    if not pressed:
        return
    if refused := _refusal():
        st.error(refused, icon=":material/error:")
        return
    with st.spinner("Preparing two years of demo history…"):
        start_demo()
    st.rerun()


def demo_banner() -> None:
    """On every page while in demo mode: say so plainly, and offer the way back."""
    if not in_demo():
        return
    # Side by side on a wide screen; on a phone the button sits right under the note, with no frame around them.
    text, button = st.columns([4, 1], vertical_alignment="center")
    text.warning(
        "**Demo data.** You are looking at a made-up history; changes here stay in the demo.",
        icon=":material/science:",
    )
    button.button("Leave demo", key="leave_demo", on_click=leave_demo, icon=":material/logout:")

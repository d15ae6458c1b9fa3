"""Small helpers for showing validation messages beside their fields."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

import streamlit as st

from services.context import Ctx
from services.storage import storage_problem_in
from tracker.errors import NotFoundError, ValidationError
from ui.cache import after_write

ERRORS_KEY = "form_errors"
T = TypeVar("T")


def set_errors(form: str, errors: dict[str, str]) -> None:
    """Remember a form's field errors for the next render."""
    st.session_state[f"{ERRORS_KEY}:{form}"] = dict(errors)


def errors_of(form: str) -> dict[str, str]:
    """The field errors from the form's last save attempt."""
    return dict(st.session_state.get(f"{ERRORS_KEY}:{form}", {}))


def field_error(form: str, field: str, where: str = "") -> None:
    """Show the message for one field, if it has one, led by `where` (its region or exercise) when given."""
    message = errors_of(form).get(field)
    if message and where:
        message = f"{where}: {message[:1].lower()}{message[1:]}"
    if message:
        st.error(message, icon=":material/error:")


def flash(message: str, where: str = "", *, failed: bool = False) -> None:
    """Queue a message to show on the next run (after a rerun clears the form), at the show_flash(where)
    beside the button that caused it: a success, or (`failed`) a write that could not be made."""
    st.session_state[f"flash:{where}"] = (message, failed)


def show_flash(where: str = "") -> None:
    """Show and forget a queued message (put it where the eye and the keyboard focus are)."""
    queued = st.session_state.pop(f"flash:{where}", None)
    if not queued:
        return
    message, failed = queued
    if failed:
        st.error(message, icon=":material/sd_card_alert:")
    else:
        st.success(message, icon=":material/check_circle:")


def attempt(
    ctx: Ctx,
    form: str,
    write: Callable[[], T],
    done: str | Callable[[T], str | None],
    clear: Iterable[str] = (),
    where: str = "",
) -> bool:
    """Run one write for a form: on bad input show field messages and keep what was typed; on success drop
    stale caches, clear the given inputs and say what happened (`done`, or made from what the write returned),
    at show_flash(where); a `done` that returns None leaves the saying to its caller (an undo offer, say)."""
    try:
        result = write()
    except ValidationError as error:
        set_errors(form, error.errors)
        return False
    except NotFoundError as error:
        set_errors(form, {"form": f"{error} It may have been deleted in another tab."})
        return False
    except Exception as error:
        # A full or read-only disk: the unit of work rolled back, so say so beside the button and keep the input.
        plain = storage_problem_in(error)
        if plain is None:
            raise
        flash(plain, where, failed=True)
        return False
    after_write(ctx)
    set_errors(form, {})
    for key in clear:
        # Set, not deleted: only a value set here empties the box in the browser too.
        st.session_state[key] = None
    said = done(result) if callable(done) else done
    if said is not None:
        flash(said, where)
    return True

"""The session form's widget state: turning it into a session input, and filling it for an edit."""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from datetime import datetime
from typing import Any

import streamlit as st

from tracker.session_input import EntryInput, PainInput, SessionInput, SetInput

PREFIX = "log_"
EDIT_KEY = "edit_session_id"
MAX_ENTRIES = 8
DEFAULT_SETS = 3
# Distances are stored in kilometres; someone who weighs in pounds gets miles on screen.
KM_PER_MILE = 1.609344


def distance_unit(unit: str) -> str:
    """The distance unit that goes with a weight unit: miles with pounds, else kilometres."""
    return "miles" if unit == "lb" else "km"


def _to_km(distance: float | None, unit: str) -> float | None:
    return distance * KM_PER_MILE if distance is not None and unit == "lb" else distance


def _from_km(distance_km: object, unit: str) -> object:
    return round(distance_km / KM_PER_MILE, 2) if isinstance(distance_km, float | int) and unit == "lb" else distance_km


def key(*parts: object) -> str:
    """A stable widget key inside the log form."""
    return PREFIX + "_".join(str(p) for p in parts)


def entry_count() -> int:
    """How many exercise blocks the form shows."""
    return int(st.session_state.get(key("n"), 1))


def add_entry() -> None:
    """Show one more exercise block (up to the maximum)."""
    st.session_state[key("n")] = min(MAX_ENTRIES, entry_count() + 1)


def remove_entry() -> None:
    """Drop the last exercise block."""
    st.session_state[key("n")] = max(1, entry_count() - 1)


def fill_sets(i: int) -> None:
    """Copy the "sets × reps at weight" line of exercise i into each of its sets (each stays editable)."""
    state = st.session_state
    reps, weight = state.get(key("qr", i)), state.get(key("qw", i))
    for j in range(int(state.get(key("nsets", i)) or DEFAULT_SETS)):
        if reps is not None:
            state[key("r", i, j)] = reps
        if weight is not None:
            state[key("w", i, j)] = weight


def collect(categories: dict[str, str], regions: list[str], unit: str) -> SessionInput:
    """Read the form's widgets into the session input the service checks."""
    state = st.session_state
    day, clock = state.get(key("date")), state.get(key("time"))
    started = datetime.combine(day, clock) if day is not None and clock is not None else None
    entries = []
    for i in range(entry_count()):
        name = state.get(key("ex", i))
        if categories.get(name or "") == "strength":
            count = int(state.get(key("nsets", i)) or DEFAULT_SETS)
            sets = tuple(SetInput(state.get(key("w", i, j)), state.get(key("r", i, j))) for j in range(count))
            entries.append(EntryInput(name, sets=sets))
        else:
            minutes, distance = state.get(key("min", i)), _to_km(state.get(key("dist", i)), unit)
            entries.append(EntryInput(name, minutes=minutes, distance_km=distance, intensity=state.get(key("int", i))))
    pains = tuple(
        PainInput(r, state.get(key("pb", r)), state.get(key("pd", r)), state.get(key("pa", r))) for r in regions
    )
    return SessionInput(started, state.get(key("notes"), ""), state.get(key("rpe")), tuple(entries), pains)


# Widgets holding what was typed; everything else under PREFIX (buttons, counts, date and time, which the
# page fills on each run) is simply dropped.
_TYPED = {"ex", "w", "r", "qr", "qw", "min", "dist", "int", "pb", "pd", "pa", "rpe", "notes"}


# The form's buttons: a button's state cannot be set, so keep_draft leaves them alone.
BUTTONS = frozenset({"log_add", "log_remove", "log_save", "log_cancel"})


# The address of the page that draws the form (pages/log.py); where keep_draft notes the page of the last run, and
# what the form held at the start of its latest run.
FORM_PAGE = "log"
LAST_PAGE = "draft_last_page"
DRAFT = "draft_values"


def keep_draft(page: str) -> None:
    """Keep what was typed into the form while another page is open (called on every run, before the page).

    Streamlit forgets a widget's value after a run that does not draw it, so someone who looked something up
    mid-entry came back to an empty form. So each run of the form notes what its fields hold, and every other run
    sets those values as the session's own, which Streamlit keeps and sends into the fields on the run that draws
    them again, until the form clears them (a save, a cancelled edit, a switch between the demo and one's own data).

    The form's own later runs set nothing: a value set in a run is sent back into its field, so a run that began
    before the latest keystroke (the previous field's Enter, with a Save click right behind) emptied the field just
    typed, and the session was saved without it.
    """
    state = st.session_state
    back = state.get(LAST_PAGE) != page
    state[LAST_PAGE] = page
    if page == FORM_PAGE and not back:
        _note_draft(state)
        return
    for name, value in state.get(DRAFT, {}).items():
        state[name] = value


def _note_draft(state: MutableMapping[Any, Any]) -> None:
    state[DRAFT] = {name: state[name] for name in draft_keys(state)}


def draft_keys(state: Mapping[Any, Any]) -> list[str]:
    """The form's keys to keep (buttons aside), or none while nothing has been typed: a form only looked at keeps
    no date and time, so it offers the time of the next visit, not of the first."""
    names = [k for k in state if isinstance(k, str) and k.startswith(PREFIX) and k not in BUTTONS]
    typed = any(_kind(k) in _TYPED and state[k] not in (None, "") for k in names)
    return names if typed else []


def _kind(name: str) -> str:
    return name.removeprefix(PREFIX).split("_")[0]


def clear() -> None:
    """Forget everything typed into the form (after a save or a cancelled edit)."""
    state = st.session_state
    for name in [k for k in state if isinstance(k, str) and k.startswith(PREFIX)]:
        kind = _kind(name)
        if kind in _TYPED:
            # Only a value set here reaches the browser: a deleted key would leave the old entry on screen.
            state[name] = "" if kind == "notes" else None
        else:
            del state[name]
    state.pop(EDIT_KEY, None)
    state.pop(DRAFT, None)


def fill(session_id: int, given: SessionInput, unit: str) -> None:
    """Put a stored session into the form's widgets for editing."""
    clear()
    state = st.session_state
    state[EDIT_KEY] = session_id
    if given.started_at is not None:
        state[key("date")], state[key("time")] = given.started_at.date(), given.started_at.time()
    state[key("notes")], state[key("rpe")] = given.notes, given.rpe
    state[key("n")] = len(given.entries)
    for i, entry in enumerate(given.entries):
        state[key("ex", i)] = entry.exercise
        if entry.sets:
            state[key("nsets", i)] = len(entry.sets)
            if len({(one.weight, one.reps) for one in entry.sets}) == 1:
                state[key("qw", i)], state[key("qr", i)] = entry.sets[0].weight, entry.sets[0].reps
            for j, one in enumerate(entry.sets):
                state[key("w", i, j)], state[key("r", i, j)] = one.weight, one.reps
        else:
            state[key("min", i)], state[key("dist", i)] = entry.minutes, _from_km(entry.distance_km, unit)
            state[key("int", i)] = entry.intensity
    state[key("regions")] = [pain.region for pain in given.pains]
    for pain in given.pains:
        r = pain.region
        state[key("pb", r)], state[key("pd", r)], state[key("pa", r)] = pain.before, pain.during, pain.after
    _note_draft(state)  # so the run that opens the form puts these values into its fields

"""The session form's widget state: turning it into raw input, and filling it for an edit."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import streamlit as st

PREFIX = "log_"
EDIT_KEY = "edit_session_id"
MAX_ENTRIES = 8


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


def collect(categories: dict[str, str], regions: list[str]) -> dict[str, Any]:
    """Read the form's widgets into the raw dict the service validates."""
    state = st.session_state
    day, clock = state.get(key("date")), state.get(key("time"))
    started = datetime.combine(day, clock) if day is not None and clock is not None else None
    entries = []
    for i in range(entry_count()):
        name = state.get(key("ex", i))
        entry: dict[str, Any] = {"exercise": name}
        if categories.get(name or "") == "strength":
            entry["sets"] = [
                {"weight": state.get(key("w", i, j)), "reps": state.get(key("r", i, j))}
                for j in range(int(state.get(key("nsets", i), 3)))
            ]
        else:
            entry |= {
                "minutes": state.get(key("min", i)),
                "distance_km": state.get(key("dist", i)),
                "intensity": state.get(key("int", i)),
            }
        entries.append(entry)
    pains = [
        {
            "region": r,
            "before": state.get(key("pb", r)),
            "during": state.get(key("pd", r)),
            "after": state.get(key("pa", r)),
        }
        for r in regions
    ]
    return {
        "started_at": started,
        "notes": state.get(key("notes"), ""),
        "rpe": state.get(key("rpe")),
        "entries": entries,
        "pains": pains,
    }


# Widgets holding what was typed; everything else under PREFIX (buttons, counts, date and time, which the
# page fills on each run) is simply dropped.
_TYPED = {"ex", "w", "r", "min", "dist", "int", "pb", "pd", "pa", "rpe", "notes"}


def clear() -> None:
    """Forget everything typed into the form (after a save or a cancelled edit)."""
    state = st.session_state
    for name in [k for k in state if isinstance(k, str) and k.startswith(PREFIX)]:
        kind = name.removeprefix(PREFIX).split("_")[0]
        if kind in _TYPED:
            # Only a value set here reaches the browser: a deleted key would leave the old entry on screen.
            state[name] = "" if kind == "notes" else None
        else:
            del state[name]
    state.pop(EDIT_KEY, None)


def fill(session_id: int, raw: dict[str, Any]) -> None:
    """Put a stored session into the form's widgets for editing."""
    clear()
    state = st.session_state
    state[EDIT_KEY] = session_id
    started: datetime = raw["started_at"]
    state[key("date")], state[key("time")] = started.date(), started.time()
    state[key("notes")], state[key("rpe")] = raw["notes"], raw["rpe"]
    state[key("n")] = len(raw["entries"])
    for i, entry in enumerate(raw["entries"]):
        state[key("ex", i)] = entry["exercise"]
        if entry["sets"]:
            state[key("nsets", i)] = len(entry["sets"])
            for j, one in enumerate(entry["sets"]):
                state[key("w", i, j)], state[key("r", i, j)] = one["weight"], one["reps"]
        else:
            state[key("min", i)], state[key("dist", i)] = entry["minutes"], entry["distance_km"]
            state[key("int", i)] = entry["intensity"]
    state[key("regions")] = [pain["region"] for pain in raw["pains"]]
    for pain in raw["pains"]:
        r = pain["region"]
        state[key("pb", r)], state[key("pd", r)], state[key("pa", r)] = pain["before"], pain["during"], pain["after"]

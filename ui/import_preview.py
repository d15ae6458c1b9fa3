"""The import preview on the Your data page: what would be added, and each exercise's mapping to change."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import pandas as pd
import streamlit as st

from services.import_preview import Mapped, Preview, already_text, others_text
from tracker.catalog import EQUIPMENT, Exercise

UNIT_WORDS = {"kg": "kilograms", "lb": "pounds", "per row": "as each row says"}
NEW = "new"
KINDS = [k for k in EQUIPMENT if k != "none"]
USE = "use:"
"""Prefix of an answer that picks one of the person's exercises instead of making a new one."""


def show_preview(preview: Preview) -> None:
    """Counts, dates, unit and warnings, then a table of how each exercise name maps."""
    left, right = st.columns(2)
    left.metric("Sessions", f"{preview.sessions:,}")
    right.metric("Sets", f"{preview.sets:,}")
    if not preview.first:
        lines = ["No sessions."]
    elif preview.first == preview.last:
        lines = [f"All on **{preview.first}**."]
    else:
        lines = [f"From **{preview.first}** to **{preview.last}**."]
    if preview.unit is not None:
        said = "as the file says" if preview.unit_from_file else "as you chose"
        lines.append(f"Weights are read in **{UNIT_WORDS.get(preview.unit, preview.unit)}** ({said}).")
    if preview.others:
        lines.append(others_text(preview))
    st.write(" ".join(lines))
    if preview.already_stored:
        st.info(already_text(preview), icon=":material/content_copy:")
    for warning in preview.warnings:
        st.warning(warning, icon=":material/scale:")
    if preview.regions_note:
        st.info(preview.regions_note, icon=":material/accessibility_new:")
    if not preview.exercises:
        return  # Threshold's own export names exercises of your list, or adds them from its exercises.csv
    table = pd.DataFrame(
        [(m.name, m.target, m.how_text, m.sessions) for m in preview.exercises],
        columns=["in the file", "in Threshold", "matched by", "sessions"],
    )
    st.dataframe(table, hide_index=True, width="stretch")


def _options(item: Mapped, listed: Sequence[Exercise]) -> list[str]:
    same_kind = sorted((e.name for e in listed if e.category == item.category), key=str.lower)
    first = [NEW] if item.how == NEW else [item.target]
    return first + [n for n in (*item.closest, *same_kind) if n not in first]


def _labelled(name: str) -> Callable[[str], str]:
    def label(option: str) -> str:
        return f"New exercise: {name}" if option == NEW else option

    return label


def choose_mappings(preview: Preview, listed: Sequence[Exercise], upload_id: str) -> dict[str, str]:
    """A selectbox per exercise to send it to another of the person's exercises; returns the changes.

    Keys carry `upload_id`, so choices made for one file never land on another's exercises.
    """
    chosen: dict[str, str] = {}
    if not preview.exercises:
        return chosen
    new = [m for m in preview.exercises if m.how == NEW]
    with st.expander("Change what an exercise becomes", expanded=bool(new)):
        if new:
            st.caption(
                "Names marked as new match nothing in your list: they become exercises of your own unless you pick "
                "one of yours (the closest come first)."
            )
        for i, item in enumerate(preview.exercises):
            options = _options(item, listed)
            picked = st.selectbox(
                item.name,
                options,
                format_func=_labelled(item.name),
                key=f"data_map_{upload_id}_{i}",
            )
            if picked not in (NEW, item.target):
                chosen[item.name] = str(picked)
    return chosen


def _answer_label(option: str) -> str:
    return f"Same as my {option.removeprefix(USE)!r}" if option.startswith(USE) else EQUIPMENT[option]


def ask_equipment(
    names: Sequence[str], closest: Mapping[str, tuple[str, ...]]
) -> tuple[dict[str, str], dict[str, str]] | None:
    """Ask machine or free weight for each new name (or pick a close exercise of the person's own).

    Returns (equipment by name, mapping by name) once every name is answered, else None.
    """
    st.warning(
        "Some exercises are new to Threshold. Is each one done on a machine or with free weights? Or is it one "
        "you already have under another name?"
    )
    picked = {
        name: st.selectbox(
            name,
            KINDS + [USE + near for near in closest.get(name, ())],
            index=None,
            format_func=_answer_label,
            key=f"data_eq_{i}",
            placeholder="Choose",
        )
        for i, name in enumerate(names)
    }
    if None in picked.values():
        return None
    answers = {name: str(answer) for name, answer in picked.items()}
    equipment = {name: a for name, a in answers.items() if not a.startswith(USE)}
    mapping = {name: a.removeprefix(USE) for name, a in answers.items() if a.startswith(USE)}
    return equipment, mapping

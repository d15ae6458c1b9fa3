"""Widgets of the session form, one block per exercise and per body region."""

from __future__ import annotations

import streamlit as st

from tracker.catalog import CATEGORIES, EQUIPMENT, INTENSITIES
from tracker.catalog import Exercise as CatalogExercise
from tracker.pain import REGIONS
from ui.forms import field_error
from ui.log_form import key

FORM = "log"


def _label(exercise: CatalogExercise) -> str:
    kind = EQUIPMENT[exercise.equipment] if exercise.category == "strength" else CATEGORIES[exercise.category]
    return f"{exercise.name} · {kind.lower()}"


def exercise_block(i: int, exercises: list[CatalogExercise], unit: str) -> None:
    """One exercise: which one, then sets (strength) or minutes (cardio, flexibility)."""
    by_name = {e.name: e for e in exercises}
    name = st.selectbox(
        f"Exercise {i + 1}",
        list(by_name),
        key=key("ex", i),
        index=None,
        format_func=lambda n: _label(by_name[n]),
        placeholder="Choose an exercise",
    )
    field_error(FORM, f"entries.{i}.exercise")
    chosen = by_name.get(name or "")
    if chosen is None:
        return
    if chosen.category == "strength":
        st.session_state.setdefault(key("nsets", i), 3)
        count = st.number_input("Sets", min_value=1, max_value=20, step=1, key=key("nsets", i))
        field_error(FORM, f"entries.{i}.sets")
        for j in range(int(count)):
            left, right = st.columns(2)
            with left:
                st.number_input(
                    f"Set {j + 1} weight ({unit})",
                    value=None,
                    step=0.5,
                    key=key("w", i, j),
                    help="Leave empty for bodyweight or band work.",
                )
                field_error(FORM, f"entries.{i}.sets.{j}.weight")
            with right:
                st.number_input(f"Set {j + 1} reps", value=None, step=1, key=key("r", i, j))
                field_error(FORM, f"entries.{i}.sets.{j}.reps")
        return
    st.number_input("Minutes", value=None, step=1.0, key=key("min", i))
    field_error(FORM, f"entries.{i}.minutes")
    if chosen.category == "cardio":
        left, right = st.columns(2)
        with left:
            st.number_input("Distance (km, optional)", value=None, step=0.1, key=key("dist", i))
            field_error(FORM, f"entries.{i}.distance_km")
        with right:
            st.selectbox("Intensity (optional)", INTENSITIES, index=None, key=key("int", i))


def pain_block(index: int, region: str) -> None:
    """Pain before, at peak during and after the session for one region (0-10)."""
    st.markdown(f"**{REGIONS[region]}**")
    cols = st.columns(3)
    for col, (code, label, field) in zip(
        cols, (("pb", "Before", "before"), ("pd", "Peak during", "during"), ("pa", "After", "after")), strict=True
    ):
        with col:
            st.number_input(f"{label} (0-10)", value=None, step=1, key=key(code, region))
            field_error(FORM, f"pains.{index}.{field}")

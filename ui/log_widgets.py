"""Widgets of the session form, one block per exercise and per body region.

Every label names its exercise or region ("Leg press: set 2 weight (kg)", "Lower back: peak pain during"), so a
screen reader, which reads a field's label without the heading above it, never hears two fields alike.
"""

from __future__ import annotations

import streamlit as st

from tracker.catalog import CATEGORIES, EQUIPMENT, INTENSITIES
from tracker.catalog import Exercise as CatalogExercise
from tracker.pain import REGIONS
from ui import log_form
from ui.forms import field_error
from ui.log_form import key

FORM = "log"
# Whole numbers show without decimals, others as typed: "60", "62.5", never "60.00".
PLAIN = "%g"


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
    field_error(FORM, f"entries.{i}.exercise", f"Exercise {i + 1}")
    chosen = by_name.get(name or "")
    if chosen is None:
        return
    if chosen.category == "strength":
        _sets(i, chosen.name, unit)
        return
    _amount(f"{chosen.name}: minutes", key("min", i), 1.0)
    field_error(FORM, f"entries.{i}.minutes", chosen.name)
    if chosen.category == "cardio":
        left, right = st.columns(2)
        with left:
            distance = log_form.distance_unit(unit)
            _amount(f"{chosen.name}: distance ({distance}, optional)", key("dist", i), 0.1)
            field_error(FORM, f"entries.{i}.distance_km", chosen.name)
        with right:
            st.selectbox(f"{chosen.name}: intensity (optional)", INTENSITIES, index=None, key=key("int", i))


def _amount(label: str, widget_key: str, step: float) -> None:
    """An optional number that may have decimals, shown without trailing zeros."""
    st.number_input(label, value=None, step=step, format=PLAIN, key=widget_key)


def _sets(i: int, name: str, unit: str) -> None:
    """'3 × 12 at 60 kg' on one line, which fills the individual sets below it (each can still be changed)."""
    st.session_state.setdefault(key("nsets", i), log_form.DEFAULT_SETS)
    count_col, reps_col, weight_col = st.columns(3)
    fill = log_form.fill_sets
    count = count_col.number_input(
        f"{name}: sets", min_value=1, max_value=20, step=1, key=key("nsets", i), on_change=fill, args=(i,)
    )
    reps_col.number_input(f"{name}: reps per set", value=None, step=1, key=key("qr", i), on_change=fill, args=(i,))
    weight_col.number_input(
        f"{name}: weight per set ({unit})",
        value=None,
        step=0.5,
        format=PLAIN,
        key=key("qw", i),
        help="Fills every set below; change any set that differed. Leave empty for bodyweight or band work.",
        on_change=fill,
        args=(i,),
    )
    field_error(FORM, f"entries.{i}.sets", name)
    for j in range(int(count)):
        left, right = st.columns(2)
        with left:
            _amount(f"{name}: set {j + 1} weight ({unit})", key("w", i, j), 0.5)
            field_error(FORM, f"entries.{i}.sets.{j}.weight", f"{name}, set {j + 1}")
        with right:
            st.number_input(f"{name}: set {j + 1} reps", value=None, step=1, key=key("r", i, j))
            field_error(FORM, f"entries.{i}.sets.{j}.reps", f"{name}, set {j + 1}")


PAIN_FIELDS = (("pb", "pain before", "before"), ("pd", "peak pain during", "during"), ("pa", "pain after", "after"))


def pain_block(index: int, region: str) -> None:
    """Pain before, at peak during and after the session for one region (0-10)."""
    name = REGIONS[region]
    st.markdown(f"**{name}**")
    for col, (code, label, field) in zip(st.columns(3), PAIN_FIELDS, strict=True):
        with col:
            st.number_input(f"{name}: {label}", min_value=None, value=None, step=1, key=key(code, region))
            field_error(FORM, f"pains.{index}.{field}", name)

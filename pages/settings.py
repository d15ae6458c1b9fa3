"""Units, pain limit, tracked regions, name for the report, calendar reminders, and the user's own exercises."""

import pandas as pd
import streamlit as st

from services.profiles import add_exercise, get_settings, list_exercises, save_settings
from tracker.catalog import CATEGORIES, EQUIPMENT
from tracker.pain import REGIONS
from tracker.settings import Settings
from ui.forms import attempt, field_error, show_flash
from ui.reminder_settings import render_reminder_settings
from ui.rule_settings import render_rule_settings
from ui.session import current_ctx
from ui.shell import require_app

require_app()

ctx = current_ctx()
current = get_settings(ctx)
state = st.session_state


def save() -> None:
    """Store the settings form."""
    raw = {
        "unit": state.get("set_unit"),
        "pain_limit": state.get("set_limit"),
        "regions": state.get("set_regions"),
        "display_name": state.get("set_name"),
    }

    def saved(settings: Settings) -> str:
        tracked = ", ".join(REGIONS[r] for r in settings.regions)
        return (
            f"Settings saved: weights in {settings.unit}, acceptable pain during exercise up to "
            f"{settings.pain_limit}/10, tracking {tracked}."
        )

    attempt(ctx, "settings", lambda: save_settings(ctx, raw), saved, where="settings")


def add() -> None:
    """Add an exercise of the user's own."""
    raw = {
        "name": state.get("ex_name"),
        "category": state.get("ex_category"),
        "equipment": state.get("ex_equipment"),
        "impact": state.get("ex_impact"),
        "one_sided": state.get("ex_one_sided"),
    }
    attempt(
        ctx,
        "exercise",
        lambda: add_exercise(ctx, raw),
        lambda added: f"Added {added.name} to your exercises; choose it under Log session.",
        ["ex_name"],
        where="exercise",
    )


st.title("Settings", anchor=False)
show_flash()
st.radio(
    "Units for weights",
    ["kg", "lb"],
    index=["kg", "lb"].index(current.unit),
    key="set_unit",
    horizontal=True,
    help="Stored in kilograms; shown in your unit everywhere.",
)
st.number_input(
    "Acceptable pain during exercise (1-10)",
    value=current.pain_limit,
    step=1,
    key="set_limit",
    help="Pain up to this level while exercising counts as acceptable. 5 is a common starting point.",
)
field_error("settings", "pain_limit", "Settings")
st.multiselect(
    "Body regions you track",
    list(REGIONS),
    default=list(current.regions),
    format_func=REGIONS.__getitem__,
    key="set_regions",
)
field_error("settings", "regions")
st.text_input("Your name (optional, printed on the doctor report)", value=current.display_name, key="set_name")
field_error("settings", "display_name")
st.button("Save settings", type="primary", on_click=save, key="set_save")
show_flash("settings")

st.header("Calendar reminders", anchor=False)
render_reminder_settings(ctx)

st.header("Exercises you can log", anchor=False)
st.write("The built-in list and any you have added; add one of your own below.")
exercises = list_exercises(ctx)
st.dataframe(
    pd.DataFrame(
        [
            {
                "exercise": e.name,
                "type": CATEGORIES[e.category],
                "equipment": EQUIPMENT.get(e.equipment, ""),
                "free-weight counterpart": e.counterpart or "",
            }
            for e in exercises
        ]
    ),
    hide_index=True,
    width="stretch",
)
with st.expander("Add an exercise"):
    st.text_input("Name", key="ex_name")
    field_error("exercise", "name", "New exercise")
    st.selectbox("Type", list(CATEGORIES), format_func=CATEGORIES.__getitem__, key="ex_category")
    st.selectbox("Equipment", list(EQUIPMENT), format_func=EQUIPMENT.__getitem__, key="ex_equipment")
    st.radio(
        "Impact", ["low", "high"], key="ex_impact", horizontal=True, help="High impact: running, jumping, landing."
    )
    st.checkbox("Works one side at a time", key="ex_one_sided")
    st.button("Add exercise", on_click=add, key="ex_add")
    show_flash("exercise")

with st.expander("Rules behind suggestions"):
    render_rule_settings(ctx)

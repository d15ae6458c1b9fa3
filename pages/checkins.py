"""Next-morning check-in, weekly PEG-3 and pressure pain threshold."""

from datetime import date

import streamlit as st

from services.checkins import due_today, record_morning, record_peg, record_pressure
from services.profiles import get_settings
from tracker.pain import REGIONS
from ui.forms import attempt, field_error, show_flash
from ui.session import current_ctx
from ui.shell import require_app

require_app()

ctx = current_ctx()
regions = get_settings(ctx).regions
state = st.session_state


def save_morning() -> None:
    """Store pain on waking for every tracked region that was rated."""
    pains = {r: state.get(f"am_{r}") for r in regions if state.get(f"am_{r}") is not None}
    attempt(
        ctx,
        "am",
        lambda: record_morning(ctx, state.get("am_day"), pains),
        "Morning check-in saved.",
        [f"am_{r}" for r in regions],
    )


def save_peg() -> None:
    """Store the weekly PEG-3."""
    raw = {
        "day": state.get("peg_day"),
        "pain": state.get("peg_p"),
        "enjoyment": state.get("peg_e"),
        "activity": state.get("peg_g"),
    }
    attempt(ctx, "peg", lambda: record_peg(ctx, raw), "Weekly check-in saved.", ["peg_p", "peg_e", "peg_g"])


def save_pressure() -> None:
    """Store a pressure pain threshold (three trials)."""
    raw = {"day": state.get("ppt_day"), "site": state.get("ppt_site")} | {
        f"trial{i}": state.get(f"ppt_{i}") for i in (1, 2, 3)
    }
    attempt(ctx, "ppt", lambda: record_pressure(ctx, raw), "Pressure threshold saved.", ["ppt_1", "ppt_2", "ppt_3"])


st.title("Check-ins")
show_flash()
due = due_today(ctx)

st.subheader("This morning")
if due.checkin_sessions:
    times = ", ".join(f"{started:%H:%M}" for _, started in due.checkin_sessions)
    st.info(f"You exercised yesterday ({times}). How is your pain on waking? It shows how that session settled.")
st.date_input("Morning of", value=date.today(), key="am_day", format="YYYY-MM-DD")
field_error("am", "day")
for region in regions:
    st.number_input(f"{REGIONS[region]}: pain on waking (0-10)", value=None, step=1, key=f"am_{region}")
    field_error("am", f"pain.{region}")
field_error("am", "pain")
st.button("Save morning check-in", on_click=save_morning, key="am_save", type="primary")

st.subheader("Weekly PEG-3")
st.caption("Three questions about the past week, each 0-10. Doctors know this short scale.")
if due.peg_due:
    st.info("Your weekly check-in is due.")
st.date_input("Date", value=date.today(), key="peg_day", format="YYYY-MM-DD")
for code, label, field in (
    ("peg_p", "Average pain in the past week", "pain"),
    ("peg_e", "How much pain got in the way of enjoying life", "enjoyment"),
    ("peg_g", "How much pain got in the way of your general activity", "activity"),
):
    st.number_input(f"{label} (0-10)", value=None, step=1, key=code)
    field_error("peg", field)
st.button("Save weekly check-in", on_click=save_peg, key="peg_save")

with st.expander("Pressure pain threshold (if you have an algometer)"):
    st.date_input("Date", value=date.today(), key="ppt_day", format="YYYY-MM-DD")
    st.text_input("Site (always the same spot)", key="ppt_site", placeholder="e.g. left knee, inner side")
    field_error("ppt", "site")
    for i in (1, 2, 3):
        st.number_input(f"Trial {i} (kg/cm²)", value=None, step=0.1, key=f"ppt_{i}")
        field_error("ppt", f"trial{i}")
    st.button("Save pressure threshold", on_click=save_pressure, key="ppt_save")

"""Next-morning check-in, weekly PEG-3 and pressure pain threshold."""

from datetime import date

import streamlit as st

from services.checkins import due_today, morning_saved, record_morning, record_peg, record_pressure
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
    day = state.get("am_day")
    pains = {r: state.get(f"am_{r}") for r in regions if state.get(f"am_{r}") is not None}
    sleep = state.get("am_sleep")
    rated = ", ".join(f"{REGIONS[r]} {value}/10" for r, value in pains.items())
    if sleep is not None:
        rated += f"; sleep {sleep:g}/10"
    before = morning_saved(ctx, day) if isinstance(day, date) else ""
    said = f"Morning check-in saved for {day:%Y-%m-%d}: {rated}." if day and rated else "Morning check-in saved."
    attempt(
        ctx,
        "am",
        lambda: record_morning(ctx, day, pains, sleep=sleep),
        said + (f" Before, that morning held: {before}." if before and rated else ""),
        [f"am_{r}" for r in regions] + ["am_sleep"],
        where="am",
    )


def save_peg() -> None:
    """Store the weekly PEG-3."""
    raw = {
        "day": state.get("peg_day"),
        "pain": state.get("peg_p"),
        "enjoyment": state.get("peg_e"),
        "activity": state.get("peg_g"),
    }

    def saved(score: float) -> str:
        return f"Weekly check-in saved for {raw['day']:%Y-%m-%d}: PEG-3 score {score:.3g} out of 10."

    attempt(ctx, "peg", lambda: record_peg(ctx, raw), saved, ["peg_p", "peg_e", "peg_g"], where="peg")


def save_pressure() -> None:
    """Store a pressure pain threshold (three trials)."""
    raw = {"day": state.get("ppt_day"), "site": state.get("ppt_site")} | {
        f"trial{i}": state.get(f"ppt_{i}") for i in (1, 2, 3)
    }

    def saved(mean: float) -> str:
        return f"Pressure threshold saved: {mean:.3g} kg/cm² (mean of 3 trials) at {raw['site']}."

    attempt(ctx, "ppt", lambda: record_pressure(ctx, raw), saved, ["ppt_1", "ppt_2", "ppt_3"], where="ppt")


st.title("Check-ins", anchor=False)
due = due_today(ctx)

st.header("This morning", anchor=False)
if due.checkin_sessions:
    times = ", ".join(f"{started:%H:%M}" for _, started in due.checkin_sessions)
    partly = due.still_to_rate()
    st.info(
        f"You exercised yesterday ({times}). {partly}"
        if partly
        else f"You exercised yesterday ({times}). How is your pain on waking? It shows how that session settled."
    )
st.date_input("Morning of", value=date.today(), key="am_day", format="YYYY-MM-DD")
field_error("am", "day", "Morning check-in")
# The form starts empty; say what this morning already holds, so an imported or earlier rating is not typed twice.
if isinstance(morning := state.get("am_day"), date) and (saved := morning_saved(ctx, morning)):
    st.caption(f"Already saved for this morning: {saved}. Saving a region again replaces its rating.")
for region in regions:
    st.number_input(f"{REGIONS[region]}: pain on waking (0-10)", value=None, step=1, key=f"am_{region}")
    field_error("am", f"pain.{region}", REGIONS[region])
field_error("am", "pain", "Morning check-in")
st.number_input(
    "Sleep quality last night (0-10, optional)",
    value=None,
    step=1,
    key="am_sleep",
    help="0 = very poor, 10 = very good. Over weeks it shows whether your pain is lower after good nights.",
)
field_error("am", "sleep", "Morning check-in")
st.button("Save morning check-in", on_click=save_morning, key="am_save", type="primary")
show_flash("am")

st.header("Weekly PEG-3", anchor=False)
st.write("Three questions about the past week, each 0-10. Doctors know this short scale.")
if due.peg_due:
    st.info("Your weekly check-in is due.")
st.date_input("Date of the weekly check-in", value=date.today(), key="peg_day", format="YYYY-MM-DD")
field_error("peg", "day", "Weekly check-in")
for code, label, field in (
    ("peg_p", "Average pain in the past week", "pain"),
    ("peg_e", "How much pain got in the way of enjoying life", "enjoyment"),
    ("peg_g", "How much pain got in the way of your general activity", "activity"),
):
    st.number_input(f"{label} (0-10)", value=None, step=1, key=code)
    field_error("peg", field, "Weekly check-in")
st.button("Save weekly check-in", on_click=save_peg, key="peg_save")
show_flash("peg")

with st.expander("Pressure pain threshold (if you have an algometer)"):
    st.date_input("Date of the pressure test", value=date.today(), key="ppt_day", format="YYYY-MM-DD")
    field_error("ppt", "day", "Pressure threshold")
    st.text_input("Site (always the same spot)", key="ppt_site", placeholder="e.g. left knee, inner side")
    field_error("ppt", "site", "Pressure threshold")
    for i in (1, 2, 3):
        st.number_input(f"Trial {i} (kg/cm²)", value=None, step=0.1, format="%g", key=f"ppt_{i}")
        field_error("ppt", f"trial{i}", "Pressure threshold")
    st.button("Save pressure threshold", on_click=save_pressure, key="ppt_save")
    show_flash("ppt")

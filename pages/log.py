"""Log (or edit) an exercise session with its pain ratings."""

from datetime import datetime

import streamlit as st

from services.profiles import get_settings, list_exercises
from services.sessions import log_session, update_session
from ui import log_form
from ui.forms import attempt, field_error, show_flash
from ui.log_widgets import FORM, exercise_block, pain_block
from ui.session import current_ctx
from ui.shell import require_app

require_app()

ctx = current_ctx()
settings = get_settings(ctx)
exercises = list_exercises(ctx)
categories = {e.name: e.category for e in exercises}
regions = list(st.session_state.get(log_form.key("regions")) or settings.regions)
editing = st.session_state.get(log_form.EDIT_KEY)


def save() -> None:
    """Validate and store the form; on a problem keep what was typed and say what to fix."""
    raw = log_form.collect(categories, regions)
    if editing:
        saved = attempt(ctx, FORM, lambda: update_session(ctx, int(editing), raw), "Session updated.")
    else:
        saved = attempt(ctx, FORM, lambda: log_session(ctx, raw), "Session saved. See it in History.")
    if saved:
        log_form.clear()


st.title("Edit session" if editing else "Log a session")
show_flash()
now = datetime.now()
st.session_state.setdefault(log_form.key("date"), now.date())
st.session_state.setdefault(log_form.key("time"), now.time().replace(second=0, microsecond=0))
left, right = st.columns(2)
left.date_input("Date", key=log_form.key("date"), format="YYYY-MM-DD")
right.time_input("Start time", key=log_form.key("time"))
field_error(FORM, "started_at")

st.subheader("Exercises")
for i in range(log_form.entry_count()):
    with st.container(border=True):
        exercise_block(i, exercises, settings.unit)
field_error(FORM, "entries")
add, remove = st.columns(2)
add.button("Add another exercise", on_click=log_form.add_entry, key="log_add", icon=":material/add:")
if log_form.entry_count() > 1:
    remove.button("Remove the last one", on_click=log_form.remove_entry, key="log_remove")
st.caption("Missing an exercise? Add your own under Settings.")

st.subheader("Pain (0 = none, 10 = worst imaginable)")
for index, region in enumerate(regions):
    pain_block(index, region)
field_error(FORM, "pains")

st.subheader("How it went")
st.number_input("Overall effort, RPE 1-10 (optional)", value=None, step=1, key=log_form.key("rpe"))
field_error(FORM, "rpe")
st.text_area("Notes (optional)", key=log_form.key("notes"), max_chars=None, height=80)
field_error(FORM, "notes")
field_error(FORM, "form")

st.button("Save changes" if editing else "Save session", type="primary", on_click=save, key="log_save")
if editing:
    st.button("Cancel editing", on_click=log_form.clear, key="log_cancel")

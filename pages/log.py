"""Log (or edit) an exercise session with its pain ratings."""

from datetime import datetime

import streamlit as st

from services.history import describe_session
from services.profiles import get_settings, list_exercises
from services.sessions import log_session, update_session
from ui import log_form
from ui.forms import attempt, errors_of, field_error, show_flash
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
# Outside the form's "log_" keys, which clearing the form drops.
BACK_TO_HISTORY = "back_to_history_after_edit"


def save() -> None:
    """Validate and store the form; say what was saved, or keep what was typed and say what to fix."""
    given = log_form.collect(categories, regions, settings.unit)
    started = given.started_at or datetime.now()  # always set when a save succeeds: no time, no save
    if editing:
        session_id = int(editing)

        def updated(_: None) -> str:
            return f"Session updated: {describe_session(ctx, session_id, started)}."

        # Back where the edit started, with the confirmation at the top of the table.
        if attempt(ctx, FORM, lambda: update_session(ctx, session_id, given), updated):
            st.session_state[BACK_TO_HISTORY] = True
            log_form.clear()
        return

    def saved(new_id: int) -> str:
        return f"Session saved: {describe_session(ctx, new_id, started)}. It is in History."

    if attempt(ctx, FORM, lambda: log_session(ctx, given), saved):
        log_form.clear()


if st.session_state.pop(BACK_TO_HISTORY, False):
    st.switch_page("pages/history.py")

st.title("Edit session" if editing else "Log a session", anchor=False)
now = datetime.now()
st.session_state.setdefault(log_form.key("date"), now.date())
st.session_state.setdefault(log_form.key("time"), now.time().replace(second=0, microsecond=0))
left, right = st.columns(2)
left.date_input("Date", key=log_form.key("date"), format="YYYY-MM-DD")
right.time_input("Start time", key=log_form.key("time"))
field_error(FORM, "started_at")

st.header("Exercises", anchor=False)
for i in range(log_form.entry_count()):
    with st.container(border=True):
        exercise_block(i, exercises, settings.unit)
field_error(FORM, "entries")
add, remove = st.columns(2)
add.button("Add another exercise", on_click=log_form.add_entry, key="log_add", icon=":material/add:")
if log_form.entry_count() > 1:
    remove.button("Remove the last one", on_click=log_form.remove_entry, key="log_remove")
st.write("Missing an exercise? Add your own under Settings.")

st.header("Pain (0 = none, 10 = worst imaginable)", anchor=False)
for index, region in enumerate(regions):
    pain_block(index, region)
field_error(FORM, "pains")

st.header("How it went", anchor=False)
st.number_input("Overall effort, RPE 1-10 (optional)", value=None, step=1, key=log_form.key("rpe"))
field_error(FORM, "rpe")
st.text_area("Notes (optional)", key=log_form.key("notes"), max_chars=None, height=80)
field_error(FORM, "notes")
field_error(FORM, "form")

st.button("Save changes" if editing else "Save session", type="primary", on_click=save, key="log_save")
# Right under the button that was pressed, where the eye and the keyboard focus still are.
show_flash()
if problems := len(errors_of(FORM)):
    st.error(f"Not saved: {problems} {'entry needs' if problems == 1 else 'entries need'} fixing, marked above.")
if editing:
    st.button("Cancel editing", on_click=log_form.clear, key="log_cancel")

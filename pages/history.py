"""Every logged session: look, edit, delete (with undo)."""

import streamlit as st

from formats.csv_export import table_csv
from services.history import binned, history
from services.profiles import get_settings
from services.report import session_outcome
from services.sessions import delete_session, restore_session, session_form
from tracker.errors import NotFoundError
from ui import log_form
from ui.cache import after_write
from ui.demo import download_name
from ui.forms import flash, show_flash
from ui.session import current_ctx
from ui.shell import require_app
from ui.text import one_line, plain

require_app()
# The whole width of a desktop window, so long lists of exercises need less cutting off.
st.set_page_config(layout="wide")

ctx = current_ctx()
state = st.session_state
# Date, exercises and peak pain fit a 390 px phone; the rest is one tap away in the picker or a session's details.
COLUMNS = {
    "when": st.column_config.DatetimeColumn("When", format="YYYY-MM-DD HH:mm", width=125),
    "peak": st.column_config.TextColumn("Peak pain", width=70),
    "exercises": st.column_config.TextColumn("Exercises", width="large"),
    "pain": st.column_config.TextColumn("Pain before → during → after", width="medium"),
    "effort": st.column_config.TextColumn("Effort (RPE)", width=90),
    "notes": st.column_config.TextColumn("Notes", width="medium"),
}
ALWAYS = ["when", "peak", "exercises"]
MORE = {"pain": "Pain by region", "effort": "Effort", "notes": "Notes"}


def edit(session_id: int) -> None:
    """Open the session in the log form."""
    log_form.fill(session_id, session_form(ctx, session_id), get_settings(ctx).unit)
    state["go_edit"] = True


def delete(session_id: int) -> None:
    """Move the session to the bin and offer an undo."""
    try:
        delete_session(ctx, session_id)
    except NotFoundError:
        flash("That session was already deleted.")
        return
    after_write(ctx)
    state["undo_id"] = session_id
    state.pop("confirm_delete", None)


def restore(session_id: int) -> None:
    """Bring a deleted session back."""
    restore_session(ctx, session_id)
    after_write(ctx)
    state.pop("undo_id", None)
    flash("Session restored.")


if state.pop("go_edit", False):
    st.switch_page("pages/log.py")

st.title("History", anchor=False)
show_flash()
if (undo_id := state.get("undo_id")) is not None:
    left, right = st.columns([3, 1])
    left.warning("Session deleted.")
    right.button("Undo", on_click=restore, args=(undo_id,), key="undo", icon=":material/undo:")

table = history(ctx)
if table.empty:
    st.info("No sessions yet. Log your first one on the Log session page.")
else:
    # As text: an empty cell for a session without effort, where a number column would print "None".
    table["effort"] = table["effort"].astype("string").fillna("")
    extra = st.pills(
        "More columns", list(MORE), format_func=MORE.__getitem__, selection_mode="multi", key="hist_columns"
    )
    shown = table.drop(columns=["session_id"])
    st.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        column_order=[*ALWAYS, *extra],
        column_config=COLUMNS,
    )
    st.download_button(
        "Download as CSV",
        lambda: table_csv(shown),
        download_name("threshold-history.csv"),
        "text/csv",
        key="hist_csv",
        on_click="ignore",
    )
    labels = {int(r.session_id): f"{r.when:%Y-%m-%d %H:%M} · {str(r.exercises)[:60]}" for r in table.itertuples()}
    st.header("One session", anchor=False)
    chosen = st.selectbox("Choose a session", list(labels), format_func=labels.__getitem__, key="hist_pick")
    if chosen is not None:
        row = table[table["session_id"] == chosen].iloc[0]
        # With the next morning and the outcome, as the report's session log and the threshold charts give them.
        with_morning, outcome = session_outcome(ctx, chosen, row["when"].date())
        details = [
            ("Exercises", row["exercises"]),
            ("Peak pain during", row["peak"]),
            ("Pain before → during → after → next morning", with_morning or row["pain"]),
            ("Outcome", outcome),
            ("Effort (RPE)", row["effort"]),
            ("Notes", row["notes"]),
        ]
        lines = (f"- **{name}:** {plain(one_line(value))}" for name, value in details if value)
        st.markdown("\n".join(lines))
        left, right = st.columns(2)
        left.button("Edit", on_click=edit, args=(chosen,), key="hist_edit", icon=":material/edit:")
        if state.get("confirm_delete") == chosen:
            st.warning(f"Delete the session of {labels[chosen].split(' · ')[0]}? You can undo this.")
            yes, no = st.columns(2)
            yes.button("Yes, delete", on_click=delete, args=(chosen,), key="hist_delete_yes", type="primary")
            no.button("Keep it", on_click=state.pop, args=("confirm_delete", None), key="hist_delete_no")
        else:
            right.button(
                "Delete…",
                on_click=state.__setitem__,
                args=("confirm_delete", chosen),
                key="hist_delete",
                icon=":material/delete:",
            )

deleted = binned(ctx)
if deleted:
    with st.expander(f"Recently deleted ({len(deleted)})"):
        for session_id, described, when_deleted in deleted:
            left, right = st.columns([3, 1])
            left.write(f"{described} (deleted {when_deleted:%Y-%m-%d %H:%M})")
            right.button("Restore", on_click=restore, args=(session_id,), key=f"restore_{session_id}")

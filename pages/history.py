"""Every logged session: look, edit, delete (with undo)."""

import streamlit as st

from exports.csv_export import table_csv
from services.history import history
from services.sessions import delete_session, deleted_sessions, restore_session, session_form
from tracker.errors import NotFoundError
from ui import log_form
from ui.cache import after_write
from ui.demo import download_name
from ui.forms import flash, show_flash
from ui.session import current_ctx
from ui.shell import require_app

require_app()

ctx = current_ctx()
state = st.session_state


def edit(session_id: int) -> None:
    """Open the session in the log form."""
    log_form.fill(session_id, session_form(ctx, session_id))
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

st.title("History")
show_flash()
if (undo_id := state.get("undo_id")) is not None:
    left, right = st.columns([3, 1])
    left.warning("Session deleted.")
    right.button("Undo", on_click=restore, args=(undo_id,), key="undo", icon=":material/undo:")

table = history(ctx)
if table.empty:
    st.info("No sessions yet. Log your first one on the Log session page.")
else:
    shown = table.drop(columns=["session_id"])
    st.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        # Pain next to the date, so it stays on screen however long the list of exercises is.
        column_order=["when", "pain", "exercises", "effort", "notes"],
        column_config={
            "when": st.column_config.DatetimeColumn("When", format="YYYY-MM-DD HH:mm"),
            "pain": st.column_config.TextColumn("Pain (before → during → after)", width="medium"),
            "exercises": st.column_config.TextColumn("Exercises", width="large"),
            "effort": st.column_config.NumberColumn("Effort (RPE)", width="small"),
            "notes": st.column_config.TextColumn("Notes"),
        },
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
    chosen = st.selectbox("Choose a session", list(labels), format_func=labels.__getitem__, key="hist_pick")
    if chosen is not None:
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

binned = deleted_sessions(ctx)
if binned:
    with st.expander(f"Recently deleted ({len(binned)})"):
        for session_id, started, deleted in binned:
            left, right = st.columns([3, 1])
            left.write(f"{started:%Y-%m-%d %H:%M}, deleted {deleted:%Y-%m-%d %H:%M}")
            right.button("Restore", on_click=restore, args=(session_id,), key=f"restore_{session_id}")

"""The global impression of change (PGIC), offered beside the report when it is due: one optional question."""

from __future__ import annotations

from datetime import date

import streamlit as st

from services.context import Ctx
from services.pgic import pgic_status, record_pgic
from tracker.pgic import LABELS, QUESTION
from ui.forms import attempt, field_error, show_flash

# Set for this browser session when the person chose not to answer now; the question waits for the next visit.
SKIPPED = "rep_pgic_skipped"


def _save(ctx: Ctx) -> None:
    score = st.session_state.get("rep_pgic_score")
    attempt(ctx, "rep_pgic", lambda: record_pgic(ctx, {"day": date.today(), "score": score}),
            lambda record: f"Saved: {record.label.lower()}. It is on page 1 of the report.", ["rep_pgic_score"],
            where="rep_pgic")  # fmt: skip


def _skip() -> None:
    st.session_state[SKIPPED] = True


def offer_pgic(ctx: Ctx) -> None:
    """When the monthly question is due (and not skipped in this session): the seven answers, Save and Not now."""
    show_flash("rep_pgic")
    if st.session_state.get(SKIPPED) or not pgic_status(ctx).due:
        return
    with st.container(border=True):
        st.markdown("**One optional question for your report**")
        st.caption(
            "Doctors read this answer next to the pain numbers: it says how you judge the change yourself. "
            "It goes on page 1; the report is made whether you answer or not."
        )
        st.radio(QUESTION, list(LABELS), format_func=LABELS.__getitem__, index=None, key="rep_pgic_score")
        field_error("rep_pgic", "score", "Overall change")
        left, right = st.columns(2)
        left.button("Save answer", on_click=_save, args=(ctx,), key="rep_pgic_save", type="primary")
        right.button("Not now", on_click=_skip, key="rep_pgic_skip")

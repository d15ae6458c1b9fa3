"""Suggestions: red flags first as alarms, then each piece of advice (flare-ups calmly) with why, and decisions."""

import streamlit as st

from services.profiles import get_settings
from tracker.rules import thresholds
from tracker.suggestions import NOT_LOGGED_REMINDER
from ui.forms import show_flash
from ui.session import current_ctx
from ui.shell import require_app
from ui.suggestion_list import render_card, render_red_flags, show_decision_error, shown_today, split

require_app()

ctx = current_ctx()
st.title("Suggestions", anchor=False)
show_flash()
show_decision_error()
flags, rest = split(shown_today(ctx))
render_red_flags(flags)
if flags and rest:
    st.warning("While a red flag is present, no suggestion will raise your load.", icon=":material/block:")

if rest:
    for suggestion in rest:
        render_card(ctx, suggestion)
elif not flags:
    limits = thresholds(get_settings(ctx).rules)
    st.info(
        "No suggestions right now. Advice appears as your log grows; it needs:\n\n"
        "- **Sets with weight and reps** for strength work, and **minutes** for cardio.\n"
        "- **Pain before and at its peak during** each session.\n"
        "- A **next-morning check-in** after sessions: a session counts once its next morning is rated, and a "
        f"heavier load waits for {limits.count('raise_after_sessions')} sessions in a row with every set at the top "
        f"of your rep range ({limits.count('rep_range_top')} reps) and settled mornings.\n"
        f"- For moving a machine exercise to free weights: at least {limits.count('min_sessions')} sessions on it "
        f"within {limits.count('window_weeks')} weeks.",
        icon=":material/lightbulb:",
    )
st.markdown(NOT_LOGGED_REMINDER)  # safety information: full-contrast text, not a grey caption

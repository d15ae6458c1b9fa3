"""Today: on a first visit what Threshold is and how to start; after that what to log and the last seven days."""

import streamlit as st

from services.checkins import due_today
from services.function_goals import function_goals
from services.history import has_anything, week_summary
from services.pgic import pgic_status
from services.profiles import get_settings
from ui.demo import try_demo_button
from ui.session import current_ctx
from ui.shell import require_app
from ui.suggestion_list import render_suggestions

require_app()

ctx = current_ctx()

st.title("Threshold", anchor=False)
st.write(
    "Threshold keeps a log of the exercise you do for back, hip, knee or shoulder pain, with your pain before, "
    "during and after, and shows how much work you tolerate while pain stays within your limit."
)

if not has_anything(ctx):
    # A first visit: the two ways in, before anything else, so both fit a phone's first screen.
    st.page_link("pages/log.py", label="Log your first session", icon=":material/fitness_center:")
    try_demo_button(first_visit=True)
    st.header("What you will see", anchor=False)
    st.write(
        "Each session you log adds to your pain trend and to the tolerated work per exercise on Progress. "
        "The morning after, a one-line check-in tells whether the session settled. Suggestions are advice to "
        "check with your physiotherapist."
    )
    st.stop()

settings = get_settings(ctx)
due = due_today(ctx)
week = week_summary(ctx)

st.header("To log today", anchor=False)
todo = 0
if due.checkin_sessions:
    todo += 1
    st.warning(
        due.still_to_rate() or "How did yesterday's session settle? Rate your pain on waking.",
        icon=":material/wb_sunny:",
    )
    st.page_link("pages/checkins.py", label="Morning check-in", icon=":material/arrow_forward:")
if due.peg_due:
    todo += 1
    when = f"last one on {due.last_peg:%Y-%m-%d}" if due.last_peg else "none yet"
    st.info(f"Your weekly PEG-3 check-in is due ({when}).", icon=":material/event:")
    st.page_link("pages/checkins.py", label="Weekly check-in", icon=":material/arrow_forward:")
goals = function_goals(ctx)
if goals.due:
    todo += 1
    st.info("Function goals due: rate how well you can do your activities now.", icon=":material/directions_walk:")
    st.page_link("pages/function.py", label="Rate your activities", icon=":material/arrow_forward:")
if pgic_status(ctx).due:
    todo += 1
    st.info("Once a month: how are you overall since you started?", icon=":material/event:")
    st.page_link("pages/function.py", label="Overall change question", icon=":material/arrow_forward:")
st.page_link("pages/log.py", label="Log a session", icon=":material/fitness_center:")
if not todo:
    st.success("Nothing overdue. Log a session when you exercise.")

st.header("Suggestions", anchor=False)
render_suggestions(ctx, limit=3)
st.page_link("pages/suggestions.py", label="All suggestions, with the reasons", icon=":material/lightbulb:")

st.header("Last 7 days", anchor=False)
if week.sessions == 0:
    st.info(
        "No sessions in the last 7 days. Each session you log, with pain before, during and after, adds to your trend."
    )
else:
    a, b, c = st.columns(3)
    a.metric("Sessions", week.sessions)
    b.metric("Cardio minutes", f"{week.cardio_minutes:g}")
    c.metric("Strength sets", week.strength_sets)
    d, e = st.columns(2)
    d.metric("Average peak pain", "-" if week.mean_peak_pain is None else f"{week.mean_peak_pain:g}/10")
    e.metric(
        "Highest peak pain",
        "-" if week.worst_peak_pain is None else f"{week.worst_peak_pain}/10",
        help=f"Your acceptable limit during exercise is {settings.pain_limit}/10.",
    )

try_demo_button()

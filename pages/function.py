"""Function goals (PSFS): name the activities pain makes hard, rate them every week or two; the monthly PGIC."""

from datetime import date

import streamlit as st

from formats.health_charts import psfs_chart
from services.function_goals import add_goal, function_goals, rate_goals, retire_goal
from services.health_progress import PSFS_KEY, goals_picture
from services.pgic import pgic_status, record_pgic
from tracker.pgic import LABELS, QUESTION
from tracker.psfs import MAX_ACTIVE, Round, count_advice
from ui.forms import attempt, field_error, show_flash
from ui.session import current_ctx
from ui.shell import require_app

require_app()

ctx = current_ctx()
state = st.session_state
goals = function_goals(ctx)


def save_ratings() -> None:
    """Store today's (or the chosen day's) rating of every active activity."""
    scores = {g.id: state.get(f"psfs_{g.id}") for g in goals.active}

    def saved(done: Round) -> str:
        return f"Ratings saved for {done.day:%Y-%m-%d}: average {done.average:g} out of 10."

    attempt(ctx, "psfs", lambda: rate_goals(ctx, state.get("psfs_day"), scores), saved,
            [f"psfs_{g.id}" for g in goals.active], where="psfs")  # fmt: skip


def add() -> None:
    """Add the typed activity to the list."""
    attempt(ctx, "psfs_add", lambda: add_goal(ctx, {"activity": state.get("psfs_new")}),
            lambda name: f"Added {name!r}. Rate it with the others below.", ["psfs_new"], where="psfs_add")  # fmt: skip


def retire(goal_id: int) -> None:
    """Stop rating an activity; its ratings stay."""
    attempt(ctx, "psfs_add", lambda: retire_goal(ctx, goal_id),
            lambda name: f"Retired {name!r}; its ratings stay in your history.", where="psfs_add")  # fmt: skip


def answer_pgic() -> None:
    """Store the global impression of change."""
    score = state.get("pgic_score")
    attempt(ctx, "pgic", lambda: record_pgic(ctx, {"day": date.today(), "score": score}),
            lambda record: f"Saved: {record.label.lower()}.", ["pgic_score"], where="pgic")  # fmt: skip


st.title("Function goals", anchor=False)
st.write(
    "Pain scores say how much it hurts; these say what you can do. Name 3 to 5 everyday activities that pain makes "
    "hard, in your own words, and rate each from 0 (unable) to 10 (as before the problem) every week or two. "
    "Doctors and physiotherapists know this as the Patient-Specific Functional Scale."
)

st.header("Rate your activities", anchor=False)
if not goals.active:
    st.info("Add an activity below to start, such as 'climb two flights of stairs' or 'carry the shopping home'.")
else:
    if goals.due and all(g.latest is None for g in goals.active):
        st.info("Give each activity its first rating: later ratings are compared with it.", icon=":material/event:")
    elif goals.due:
        st.info("Time to rate your activities again.", icon=":material/event:")
    elif goals.next_due:
        st.caption(f"Next rating due on {goals.next_due:%Y-%m-%d} (every {goals.interval_days} days, in Settings).")
    st.date_input("Date of the ratings", value=date.today(), key="psfs_day", format="YYYY-MM-DD")
    field_error("psfs", "day", "Ratings")
    for g in goals.active:
        last = None if g.latest is None else f"Last time: {g.latest} on {g.ratings[-1][0]:%Y-%m-%d}."
        label = f"{g.activity}: how well can you do it now? (0-10)"
        st.number_input(label, value=None, step=1, key=f"psfs_{g.id}", help=last)
        field_error("psfs", f"score.{g.id}", g.activity)
    field_error("psfs", "scores", "Ratings")
    field_error("psfs", "form", "Ratings")
    st.button("Save ratings", on_click=save_ratings, key="psfs_save", type="primary")
    show_flash("psfs")
if goals.rounds:
    picture = goals_picture(goals)
    st.write(picture.words)
    st.altair_chart(psfs_chart(picture.rows, activities=picture.activities, baseline=picture.baseline), width="stretch")
    if picture.baseline is not None:
        st.markdown(PSFS_KEY)
    st.dataframe(
        [{"Date": r.day, "Average (0-10)": r.average, "Activities rated": len(r.scores)} for r in goals.rounds[::-1]],
        hide_index=True,
    )

st.header("Your activities", anchor=False)
if advice := count_advice(len(goals.active)):
    st.caption(advice)
for g in goals.active:
    left, right = st.columns([4, 1], vertical_alignment="center")
    left.write(f"{g.activity} · added {g.created_on:%Y-%m-%d}")
    right.button("Retire", key=f"psfs_retire_{g.id}", on_click=retire, args=(g.id,), help=f"Stop rating {g.activity}")
if len(goals.active) < MAX_ACTIVE:
    st.text_input("New activity, in your own words", key="psfs_new", placeholder="e.g. sit through a film")
    field_error("psfs_add", "activity", "New activity")
    st.button("Add activity", on_click=add, key="psfs_add_button")
field_error("psfs_add", "form", "Activities")
show_flash("psfs_add")
if goals.retired:
    with st.expander(f"Retired activities ({len(goals.retired)})"):
        for g in goals.retired:
            st.write(f"{g.activity}: {len(g.ratings)} ratings, retired {g.retired_on:%Y-%m-%d}")

st.header("Overall change", anchor=False)
pgic = pgic_status(ctx)
if pgic.due:
    st.info("Once a month: how are you overall?", icon=":material/event:")
if pgic.answers:
    latest = pgic.answers[-1]
    st.caption(f"Last answer on {latest.day:%Y-%m-%d}: {latest.label.lower()}.")
# Asked openly once a month; in between it waits folded, for someone who wants to answer early.
with st.container() if pgic.due else st.expander("Answer the overall-change question now"):
    st.radio(QUESTION, list(LABELS), format_func=LABELS.__getitem__, index=None, key="pgic_score")
    field_error("pgic", "score", "Overall change")
    st.button("Save answer", on_click=answer_pgic, key="pgic_save")
show_flash("pgic")

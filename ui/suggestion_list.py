"""Showing suggestions: red flags as alarm banners, the rest (flare-ups too) as calm cards, and the home short list."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import streamlit as st

from services.context import Ctx
from services.suggestions import ACCEPTED, DISMISSED, SNOOZE_DAYS, SNOOZED, current, decide
from tracker.errors import NotFoundError, ValidationError
from tracker.suggestions import Kind, Suggestion
from ui.cache import after_write, cached_read
from ui.forms import flash

ICONS = {
    Kind.FLARE_UP: ":material/healing:",
    Kind.EASE: ":material/trending_down:",
    Kind.DELOAD: ":material/trending_down:",
    Kind.WARNING: ":material/warning:",
    Kind.LADDER_DOWN: ":material/pool:",
    Kind.LADDER_UP: ":material/directions_walk:",
    Kind.PACING: ":material/timer:",
    Kind.SWITCH: ":material/fitness_center:",
    Kind.PROGRESS: ":material/trending_up:",
}
DONE = {
    ACCEPTED: "Accepted: recorded with today's date, and it will be listed in your report.",
    DISMISSED: "Dismissed: it stays away unless your situation changes.",
    SNOOZED: f"Snoozed for {SNOOZE_DAYS} days.",
}


@cached_read(max_entries=128)
def _current(ctx: Ctx, today: date) -> list[Suggestion]:
    return current(ctx, today=today)


def shown_today(ctx: Ctx) -> list[Suggestion]:
    """Today's suggestions after the user's decisions, cached until this owner's next write on any server."""
    return _current(ctx, date.today())


def split(found: Sequence[Suggestion]) -> tuple[list[Suggestion], list[Suggestion]]:
    """Red flags and the rest."""
    flags = [s for s in found if s.kind is Kind.RED_FLAG]
    return flags, [s for s in found if s.kind is not Kind.RED_FLAG]


def render_red_flags(flags: Sequence[Suggestion]) -> None:
    """One error banner per red flag, with its reason and the readings behind it."""
    for flag in flags:
        st.error(f"**{flag.title}.** {flag.reason}\n\n{flag.what}", icon=":material/emergency:")
        with st.expander("Readings behind this"):
            st.markdown("\n".join(f"- {line}" for line in flag.evidence))


def _decide(ctx: Ctx, key: str, status: str) -> None:
    """Button callback: store the decision, then drop stale caches and say what happened."""
    try:
        decide(ctx, key, status, today=date.today())
    except (NotFoundError, ValidationError) as error:
        st.session_state["suggestion_error"] = str(error)
        return
    after_write(ctx)
    flash(DONE[status])


def render_card(ctx: Ctx, suggestion: Suggestion) -> None:
    """One suggestion: what to do, why, the sessions it rests on, and the three decision buttons."""
    key = suggestion.key
    with st.container(border=True):
        st.markdown(f"{ICONS.get(suggestion.kind, '')} **{suggestion.title}**")
        st.write(suggestion.kind.value.capitalize())
        st.markdown(f"**What to do:** {suggestion.what}")
        st.markdown(f"**Why:** {suggestion.reason}")
        if suggestion.evidence:
            with st.expander("Sessions this rests on"):
                st.markdown("\n".join(f"- {line}" for line in suggestion.evidence))
        accept, dismiss, snooze = st.columns(3)
        accept.button("Accept", key=f"accept:{key}", type="primary", on_click=_decide, args=(ctx, key, ACCEPTED))
        dismiss.button("Dismiss", key=f"dismiss:{key}", on_click=_decide, args=(ctx, key, DISMISSED))
        snooze.button("Snooze 1 week", key=f"snooze:{key}", on_click=_decide, args=(ctx, key, SNOOZED))


def show_decision_error() -> None:
    """Show (once) why the last button press could not be stored."""
    message = st.session_state.pop("suggestion_error", None)
    if message:
        st.error(message, icon=":material/error:")


def render_suggestions(ctx: Ctx, limit: int | None = None) -> None:
    """The short list for the home page: red flags in full, then the first `limit` suggestions by title."""
    flags, rest = split(shown_today(ctx))
    render_red_flags(flags)
    shown = rest if limit is None else rest[:limit]
    for suggestion in shown:
        st.markdown(f"{ICONS.get(suggestion.kind, '')} **{suggestion.title}** — {suggestion.what}")
    if len(rest) > len(shown):
        st.write(f"{len(rest) - len(shown)} more on the Suggestions page.")
    elif not rest and not flags:
        st.write("No suggestions right now.")

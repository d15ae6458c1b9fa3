"""The Report page's "Share with your doctor" section: create a link, see it once, list, revoke."""

from __future__ import annotations

from datetime import date, datetime
from urllib.parse import urlsplit

import streamlit as st

from services.context import Ctx
from services.sharing import LinkInfo, create_link, list_links, revoke_link
from tracker.advice import day_text
from tracker.report import regions_text
from tracker.sharing import DEFAULT_DAYS, MAX_DAYS
from ui.forms import attempt, field_error
from ui.text import plain

SHARING_NEEDS_SIGN_IN = (
    "Share links are offered only when Threshold runs with sign-in (an [auth] section in "
    ".streamlit/secrets.toml; see the README). Without it, anyone who can open this app is treated as you, so a "
    "doctor given a link could go on to all your data. Download the PDF above and send that instead."
)
SHARED_NEEDS_SIGN_IN = (
    "Share links open only on a Threshold that runs with sign-in. Ask the person who sent it for the PDF instead."
)
FORM = "share"
NEW_TOKEN = "share_new_token"


def link_url(token: str) -> str:
    """The address to give the doctor: this app's root (never the current page's path) with the token."""
    seen = urlsplit(st.context.url or "")
    base_path = str(st.get_option("server.baseUrlPath") or "").strip("/")
    root = f"/{base_path}" if base_path else ""
    host = f"{seen.scheme}://{seen.netloc}" if seen.netloc else ""
    return f"{host}{root}/?token={token}"


def _create(ctx: Ctx, start: date, end: date, regions: tuple[str, ...]) -> None:
    state = st.session_state
    days, note = state.get("share_days"), state.get("share_note", "")

    def write() -> None:
        state[NEW_TOKEN] = create_link(ctx, start=start, end=end, regions=list(regions), days=days, note=note)

    attempt(ctx, FORM, write, "Link created. Copy it now: it is shown only once.", ["share_note"])


def _revoke(ctx: Ctx, link_id: int) -> None:
    attempt(ctx, FORM, lambda: revoke_link(ctx, link_id), "Link withdrawn: it no longer opens.")


def _status(link: LinkInfo, now: datetime) -> str:
    if link.revoked:
        return "withdrawn"
    return "expired" if link.expires_at <= now else f"valid until {day_text(link.expires_at.date())}"


def _opened(link: LinkInfo) -> str:
    if not link.views:
        return "not opened yet"
    last = max(link.views)
    times = "once" if len(link.views) == 1 else f"{len(link.views)} times"
    return f"opened {times}, last on {day_text(last.date())} at {last:%H:%M}"


def render_share_section(ctx: Ctx, start: date, end: date, regions: tuple[str, ...]) -> None:
    """Create a link for the range and regions chosen above; list every link with its state and visits."""
    st.write(
        f"A link shows your doctor this report ({day_text(start)} to {day_text(end)}, {regions_text(regions)}) "
        "and nothing else, without an account. You can withdraw it at any time."
    )
    st.number_input("Valid for (days)", min_value=1, max_value=MAX_DAYS, value=DEFAULT_DAYS, key="share_days")
    field_error(FORM, "days")
    st.text_area("Note for your doctor (optional)", key="share_note", max_chars=2000)
    field_error(FORM, "note")
    field_error(FORM, "form")
    st.button(
        "Create link", key="share_create", on_click=_create, args=(ctx, start, end, regions), icon=":material/link:"
    )
    token = st.session_state.pop(NEW_TOKEN, None)
    if token:
        st.code(link_url(token), language=None)
        st.write("Copy this address now (the button at its right edge): Threshold keeps only a fingerprint of it.")
    now = datetime.now()
    for link in list_links(ctx):
        with st.container(border=True):
            st.markdown(
                f"**{day_text(link.start)} to {day_text(link.end)}** · {plain(regions_text(link.regions))}  \n"
                f"Created {day_text(link.created_at.date())} · {_status(link, now)} · {_opened(link)}"
            )
            if link.note:
                # Plain text, not markdown: an escaped address would turn into a link with stray backslashes.
                st.text(f"Note: {link.note}")
            if not link.revoked and link.expires_at > now:
                st.button("Withdraw", key=f"share_revoke_{link.id}", on_click=_revoke, args=(ctx, link.id))

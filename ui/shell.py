"""Keep every page inside app.py's navigation, whichever address a visit starts at."""

from __future__ import annotations

import streamlit as st
from streamlit import delta_generator, runtime
from streamlit.runtime.pages_manager import PagesManager

from services.storage import storage_problem_in
from ui.auth import auth_enabled


def skip_repl_check() -> None:
    """Spare a fresh server Streamlit's check, at the first element it draws, for a Python prompt.

    The check (whether to warn that a script wants `streamlit run`) reads the source of every frame on the stack
    with inspect.stack(), which looks up the file of every module loaded so far: about 0.1 s of a fresh server's
    first page. Under `streamlit run` it can only answer no; without a running server (`python app.py`) the check
    and its warning stay.
    """
    if runtime.exists():
        delta_generator._use_warning_has_been_displayed = True


def require_app() -> None:
    """Rerun through app.py when Streamlit has run this page file on its own.

    Because the page files live in pages/, a freshly started server treats the app as an old-style
    multipage app until app.py has called st.navigation once: a first visit straight to an address such
    as /progress would run that page file alone, without app.py's set-up, sign-in gate, demo banner or
    navigation. Switching that mode off and rerunning sends the same visit through app.py, which then
    opens the page the address names.
    """
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


# Streamlit folds its sidebar away after a tap on a page only when the browser says it is a phone (by its user
# agent); a narrow desktop window or a tablet in split view keeps it open over the page. Below this width the
# sidebar is hidden and a menu at the top of the page takes its place: the menu belongs to the page, so it is
# closed on every page it opens.
PHONE_MAX_PX = 640
# Streamlit draws captions (st.caption) in the text colour at 60% opacity: 3.9:1 on white, under the 4.5:1 that
# WCAG AA asks of small text (axe-core flags it). At 80% they stay quieter than the text and read at about 7:1.
CAPTION_OPACITY = 0.8
_PAGE_CSS = f"""<style>
[data-testid="stCaptionContainer"] {{ opacity: {CAPTION_OPACITY}; }}
@media (min-width: {PHONE_MAX_PX + 1}px) {{ .st-key-phone_nav {{ display: none; }} }}
@media (max-width: {PHONE_MAX_PX}px) {{
  .stSidebar, [data-testid="stExpandSidebarButton"] {{ display: none !important; }}
}}
</style>"""


_MENU = "phone_menu"


def phone_navigation(pages: list[st.Page], current: st.Page) -> None:
    """A page menu for narrow screens, closed whenever a page opens (Streamlit's sidebar stays open there)."""
    # A new widget per page: it starts closed whenever a page opens, and other reruns on the page (a table
    # drawn, a widget changed) leave it as the person left it. Resetting one shared key did not reach a popover
    # the browser still held open.
    st.html(_PAGE_CSS)
    key = f"{_MENU}_{current.url_path or 'home'}"
    menu = st.container(key="phone_nav").popover("Pages", icon=":material/menu:", key=key, on_change="rerun")
    with menu:
        for page in pages:
            # The page already open is shown but not a link: tapping it would open nothing new to close the menu.
            st.page_link(page, width="stretch", disabled=page.url_path == current.url_path)
        # The sidebar, with its sign-out button, is hidden on a phone.
        if auth_enabled() and st.user.get("is_logged_in"):
            st.button("Sign out", on_click=st.logout, key="sign_out_phone")


def run_page(page: st.Page) -> None:
    """Run a page; a full or read-only disk under the database is said in one line instead of a traceback.

    The failed write was rolled back by its unit of work, so nothing the person had saved is lost; anything other
    than a disk failure is a bug and is raised as it is.
    """
    try:
        page.run()
    except Exception as error:
        plain = storage_problem_in(error)
        if plain is None:
            raise
        st.error(plain, icon=":material/sd_card_alert:")

"""Keep every page inside app.py's navigation, whichever address a visit starts at."""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


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

"""Threshold in the browser: page set-up and navigation; every page lives in pages/."""

import streamlit as st

from ui import log_form
from ui.auth import sign_out_button, signed_in
from ui.demo import demo_banner, demo_survives_reload
from ui.server_socket import reply_without_delay_once
from ui.shell import phone_navigation, run_page, skip_repl_check
from ui.warmup import warm_up_later

# An emoji, which the browser draws with its own emoji font (Streamlit sends it as an inline SVG): nothing the app
# serves, the doctor's share view included, may make the browser ask another host for anything, and Streamlit
# fetches a ":material/...:" page icon from Google's font server. An image file would do as well, but Streamlit
# loads numpy and PIL to read it: about 0.3 s more before a fresh server draws its first page.
PAGE_ICON = "📈"
st.set_page_config(page_title="Threshold", page_icon=PAGE_ICON, layout="centered")
skip_repl_check()
reply_without_delay_once()

PAGES = [
    st.Page("pages/home.py", title="Today", icon=":material/today:", default=True),
    st.Page("pages/log.py", title="Log session", icon=":material/fitness_center:"),
    st.Page("pages/checkins.py", title="Check-ins", icon=":material/wb_sunny:"),
    st.Page("pages/function.py", title="Function goals", icon=":material/directions_walk:"),
    st.Page("pages/medication.py", title="Medication", icon=":material/medication:"),
    st.Page("pages/history.py", title="History", icon=":material/history:"),
    st.Page("pages/progress.py", title="Progress", icon=":material/monitoring:"),
    st.Page("pages/suggestions.py", title="Suggestions", icon=":material/lightbulb:"),
    st.Page("pages/report.py", title="Report", icon=":material/description:"),
    st.Page("pages/settings.py", title="Settings", icon=":material/settings:"),
    st.Page("pages/data.py", title="Your data", icon=":material/database:"),
    st.Page("pages/backup.py", title="Backup", icon=":material/backup:"),
]

if "token" in st.query_params:
    # A doctor's share link: only the read-only report it grants, before and without any sign-in.
    run_page(st.navigation([st.Page("pages/shared.py", title="Shared report")], position="hidden"))
elif signed_in():
    sign_out_button()
    demo_survives_reload()
    page = st.navigation(PAGES)
    # Each page its own browser title, so a screen reader announces the change of page (WCAG 2.4.2).
    st.set_page_config(page_title=f"{page.title} · Threshold")
    phone_navigation(PAGES, page)
    demo_banner()
    log_form.keep_draft(page.url_path)
    run_page(page)
    warm_up_later()
else:
    st.navigation([st.Page("pages/signin.py", title="Sign in", icon=":material/login:")]).run()

"""Sign-in page shown in hosted mode before anything else."""

import streamlit as st

from ui.shell import require_app

require_app()

st.title("Threshold", anchor=False)
st.write(
    "Threshold keeps a private log of your exercise and pain. Sign in to see your own data; "
    "nobody else who uses this site can see it."
)
st.button("Sign in", type="primary", on_click=st.login, key="sign_in")

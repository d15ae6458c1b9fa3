"""What a doctor sees through a share link: the report for exactly the link's range and regions, read-only."""

import streamlit as st

from db.engine import default_url
from services.context import Ctx
from services.report import build_report, report_pdf
from services.sharing import open_link
from tracker.advice import day_text
from tracker.sharing import INVALID, InvalidLink, token_hash
from ui.auth import auth_enabled
from ui.clinic_download import clinic_download
from ui.report_view import pdf_download, render_charts, render_summary
from ui.session import database
from ui.share_links import SHARED_NEEDS_SIGN_IN
from ui.shell import require_app

require_app()

# Links already counted as a visit in this browser session: later clicks recheck the link but are not new visits.
VISITED = "shared_visited"

token = st.query_params.get("token", "")
if not auth_enabled():
    # Without sign-in, the rest of the app is open to whoever reaches it; links are not offered then (Report page).
    st.title("Threshold")
    st.warning(SHARED_NEEDS_SIGN_IN, icon=":material/link_off:")
    st.stop()
db = database(default_url())
visited: set[str] = st.session_state.setdefault(VISITED, set())
try:
    scope = open_link(db, token, record=token_hash(token) not in visited)
except InvalidLink:
    st.title("Threshold", anchor=False)
    st.warning(INVALID, icon=":material/link_off:")
    st.stop()
visited.add(token_hash(token))

ctx = Ctx(db, scope.owner_id)
st.title("Exercise and pain report", anchor=False)
st.caption(
    f"Shared with you by the patient through Threshold; read-only. This link works until "
    f"{day_text(scope.expires_at.date())}. The numbers are self-reported."
)
report = build_report(ctx, start=scope.start, end=scope.end, regions=scope.regions, note=scope.note)
with st.container(border=True):
    render_summary(report.data)
render_charts(report.charts)
pdf_download(
    "shared_pdf",
    (scope.start, scope.end, scope.regions),
    lambda progress: report_pdf(
        ctx, start=scope.start, end=scope.end, regions=scope.regions, progress=progress, note=scope.note
    ),
    f"threshold-report-{scope.start}-to-{scope.end}.pdf",
)
clinic_download(ctx, "shared_fhir", scope.start, scope.end, scope.regions)

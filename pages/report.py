"""Report for your doctor: pick a range and regions, preview page 1, download the PDF, share a link."""

from datetime import date, timedelta

import streamlit as st

from services.profiles import get_settings
from services.report import build_report, report_pdf
from tracker.errors import ValidationError
from tracker.pain import REGIONS
from tracker.report import check_report_request
from ui.auth import auth_enabled
from ui.clinic_download import clinic_download
from ui.demo import download_name
from ui.forms import show_flash
from ui.pgic_question import offer_pgic
from ui.progress_view import DEFAULT_RANGE
from ui.report_view import pdf_download, render_charts, render_summary
from ui.session import current_ctx, in_demo
from ui.share_links import SHARING_NEEDS_SIGN_IN, render_share_section
from ui.shell import require_app

require_app()

DEFAULT_WEEKS = 12
# Progress opens on a longer period: said here, so a different headline in the report is not a surprise.
PERIOD_NOTE = (
    f"The report covers only these dates. Progress opens on the {DEFAULT_RANGE.lower()}, so its headline can read "
    "differently: pick the same dates here to hand over what you saw there."
)

ctx = current_ctx()
demo = in_demo()
settings = get_settings(ctx)
today = date.today()

st.title("Report for your doctor", anchor=False)
show_flash()
left, right = st.columns(2)
start = left.date_input(
    "From", value=today - timedelta(weeks=DEFAULT_WEEKS), max_value=today, key="rep_start", format="YYYY-MM-DD"
)
end = right.date_input("To", value=today, max_value=today, key="rep_end", format="YYYY-MM-DD")
st.caption(PERIOD_NOTE)
regions = st.multiselect(
    "Body regions",
    list(REGIONS),
    default=list(settings.regions),
    format_func=REGIONS.__getitem__,
    key="rep_regions",
)
try:
    first, last, chosen = check_report_request(start, end, regions, today=today)
except ValidationError as error:
    for message in error.errors.values():
        st.error(message, icon=":material/error:")
    st.stop()

offer_pgic(ctx)
report = build_report(ctx, start=first, end=last, regions=chosen)
with st.container(border=True):
    render_summary(report.data)
with st.expander("Charts", expanded=False):
    render_charts(report.charts)
pdf_download(
    "rep_pdf",
    (first, last, chosen, demo),  # a PDF built before entering or leaving the demo is not offered again
    lambda progress: report_pdf(ctx, start=first, end=last, regions=chosen, progress=progress, demo=demo),
    download_name(f"threshold-report-{first}-to-{last}.pdf"),
)
clinic_download(ctx, "rep_fhir", first, last, chosen)

st.header("Share with your doctor", anchor=False)
if demo:
    # A link opens the real database, where demo data does not exist.
    st.info("Share links are for your own data: leave the demo to make one.", icon=":material/link_off:")
elif not auth_enabled():
    # Without sign-in every visitor is the owner: a doctor who opened a link could go on to the whole app.
    st.info(SHARING_NEEDS_SIGN_IN, icon=":material/link_off:")
else:
    render_share_section(ctx, first, last, chosen)

"""Showing a report on screen (the Report page's preview and the doctor's shared view) and its PDF download."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence

import streamlit as st

from formats.chart_specs import chart
from services.report import OnProgress, ReportChart
from tracker.report import ReportData, regions_text, summary
from ui.text import plain

PDF_MIME = "application/pdf"


def render_summary(report: ReportData) -> None:
    """The report's first page on screen: who, when, which regions, the patient's note, then each summary block.

    The lines carry the person's own words (name, note, exercise, activity and medication names), so they go
    through st.text, which shows them exactly as typed: Markdown would turn an address into a link, stars into
    bold.
    """
    header = [f"Patient: {report.name}"] if report.name else []
    header += [f"Period: {report.period_text}", f"Body regions: {regions_text(report.regions)}"]
    st.text("\n".join(header))
    if report.note:
        with st.container(border=True, gap="xsmall"):
            st.markdown(":material/sticky_note_2: **Note from the patient**")
            st.text(report.note)
    if report.empty:
        st.info("Nothing was logged in this period.", icon=":material/info:")
    for section in summary(report):
        # Every block alike (most carry exercise, activity or medication names), its lines as plain text.
        with st.container(gap="xxsmall"):
            st.markdown(f"**{section.title}**")
            st.text("\n".join(f"• {line}" for line in section.lines))


def render_charts(charts: Sequence[ReportChart]) -> None:
    """The report's charts, each under its title and with its key, as wide as the page (a picture of several
    small charts one by one, since a page cannot stretch stacked charts)."""
    for shown in charts:
        st.markdown(f"**{shown.title}**")
        for figure in shown.figures:
            built = chart(figure)
            # A chart that describes itself (each threshold panel names its exercise) keeps that name for screen
            # readers; Streamlit logs a warning with a stack trace whenever alt= overrides a description.
            named = isinstance(getattr(built, "description", None), str)
            st.altair_chart(built, width="stretch", alt=None if named else shown.title)
        st.markdown(plain(shown.key))  # information, so full-contrast text rather than a grey caption


def pdf_download(key: str, request: Hashable, build: Callable[[OnProgress], bytes], file_name: str) -> None:
    """A button that builds the PDF (with a progress bar) only when asked, then the download button.

    The built file is kept for this browser session until the request (range, regions) changes.
    """
    state_key = f"{key}_built"
    built = st.session_state.get(state_key)
    if built is None or built[0] != request:
        slot = st.empty()  # the button, then the progress bar in its place, then nothing
        if slot.button("Prepare the PDF", key=f"{key}_build", icon=":material/picture_as_pdf:"):
            bar = slot.progress(0.0, text="Starting…")

            def tell(done: float, text: str) -> None:
                bar.progress(min(max(done, 0.0), 1.0), text=text)

            data = build(tell)
            slot.empty()
            st.session_state[state_key] = built = (request, data)
    if built is not None and built[0] == request:
        st.download_button(
            "Download the PDF",
            data=built[1],
            file_name=file_name,
            mime=PDF_MIME,
            key=f"{key}_download",
            icon=":material/download:",
            type="primary",
            on_click="ignore",
        )

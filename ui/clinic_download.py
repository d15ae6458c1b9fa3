"""The FHIR download "for your clinic's system", shared by the Report page and the doctor's share view."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import streamlit as st

from services.clinic_export import clinic_bundle
from services.context import Ctx
from ui.demo import download_name
from ui.session import in_demo

FHIR_MIME = "application/fhir+json"
EXPLAINED = (
    "The same days and body regions as this report, with function goals, impression of change and medication, as an "
    "HL7 FHIR R4 file: a clinic whose record system imports FHIR can read it without retyping."
)


def clinic_download(ctx: Ctx, key: str, start: date, end: date, regions: Sequence[str]) -> None:
    """A download button for the report's range and regions as a FHIR Bundle, made only when clicked."""
    chosen, demo = tuple(regions), in_demo()  # read now: the file is made later, outside this page's run

    def bundle() -> bytes:
        return clinic_bundle(ctx, start=start, end=end, regions=chosen, demo=demo)

    st.download_button(
        "Download for your clinic's system (FHIR)",
        data=bundle,
        file_name=download_name(f"threshold-fhir-{start}-to-{end}.json"),
        mime=FHIR_MIME,
        key=key,
        icon=":material/local_hospital:",
        on_click="ignore",
    )
    st.text(EXPLAINED)  # information, so full-contrast text rather than a grey caption (axe: color-contrast)

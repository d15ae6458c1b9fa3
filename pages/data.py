"""Your data: download all of it as CSV tables, or import a Threshold, Strong or Hevy export."""

from datetime import date

import pandas as pd
import streamlit as st

from exports.csv_export import export_zip, table_csv
from imports.upload import bundle
from services.transfer import import_file
from tracker.catalog import EQUIPMENT
from ui.cache import after_write
from ui.demo import download_name
from ui.session import current_ctx, in_demo
from ui.shell import require_app

require_app()

ctx = current_ctx()
demo = in_demo()
state = st.session_state
CHOICES = [k for k in EQUIPMENT if k != "none"]

st.title("Your data")
st.subheader("Export")
st.write(
    "One zip of CSV tables (sessions, exercises and sets, pain ratings, morning check-ins, PEG, pressure thresholds "
    "and your own exercises) with a README.txt that explains every column. It opens in any spreadsheet program."
)
if demo:
    st.info(
        "You are in the demo: this downloads the demo's made-up data, not your own. The file's name and its "
        "README.txt say so. Please don't import it into your own data.",
        icon=":material/science:",
    )
st.download_button(
    "Download the demo data" if demo else "Download all my data",
    data=lambda: export_zip(ctx, demo=demo),
    file_name=download_name(f"threshold-data-{date.today()}.zip"),
    mime="application/zip",
    key="data_export",
    icon=":material/download:",
    on_click="ignore",
)

st.subheader("Import")
st.write(
    "Threshold's own export (the zip, or some of its CSV files together), or the CSV file that the Strong or Hevy "
    "app exports. Every row is checked first: if any is wrong, nothing is saved and you get the list of what to fix. "
    "Importing the same file again adds nothing."
    + (" In the demo, imports go into the demo data, not your own." if demo else "")
)
uploads = st.file_uploader(
    "Export file(s)", type=["zip", "csv", "tsv", "txt"], accept_multiple_files=True, key="data_upload"
)
upload = bundle([(f.name, f.getvalue()) for f in uploads]) if uploads else None
if upload is not None and state.get("data_for") != (upload[0], len(upload[1])):
    state.pop("data_result", None)  # a different file: forget questions and problems about the last one


def run(equipment: dict[str, str] | None) -> None:
    """Import the upload with a progress bar and remember what happened."""
    assert upload is not None
    bar = st.progress(0.0, text="Starting")

    def show(done: float, text: str) -> None:
        bar.progress(min(done, 1.0), text=text)

    result = import_file(ctx, *upload, equipment=equipment, progress=show)
    bar.empty()
    state["data_result"], state["data_for"] = result, (upload[0], len(upload[1]))
    if result.written:
        after_write(ctx)


if st.button("Check and import", key="data_import", type="primary", disabled=upload is None):
    run(None)

result = state.get("data_result")
if result is not None and result.needs_equipment and not result.problems:
    st.warning("Some exercises are new to Threshold. Is each one done on a machine or with free weights?")
    answers = {}
    for i, name in enumerate(result.needs_equipment):
        answers[name] = st.selectbox(
            name, CHOICES, index=None, format_func=EQUIPMENT.__getitem__, key=f"data_eq_{i}", placeholder="Choose"
        )
    if st.button("Import with these answers", key="data_import_answers", disabled=None in answers.values()):
        run({name: str(kind) for name, kind in answers.items()})
        result = state["data_result"]

if result is not None and result.written:
    st.success(result.summary(), icon=":material/check_circle:")
    for note in result.notes:
        st.info(note)
elif result is not None and result.problems:
    count = result.problem_count
    st.error(f"Nothing was imported: {count:,} problem(s) to fix first.", icon=":material/error:")
    table = pd.DataFrame(
        [(p.file, p.line or None, p.message) for p in result.problems], columns=["file", "line", "what to fix"]
    ).astype({"line": "Int64"})
    st.dataframe(table, hide_index=True, width="stretch")
    if count > len(table):
        st.caption(f"The first {len(table):,} of {count:,}; fix these and import again to see the rest.")
    st.download_button("Download the list", table_csv(table), "import-problems.csv", "text/csv", key="data_list")

"""Your data: download all of it as CSV tables, or import a Threshold, Strong, Hevy or Apple Health export."""

from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from formats.csv_export import table_csv
from formats.readers.upload import bundle
from services.export import export_zip
from services.profiles import list_exercises
from services.transfer import import_file
from ui.cache import after_write
from ui.demo import download_name
from ui.import_preview import ask_equipment, choose_mappings, show_preview
from ui.session import current_ctx, in_demo
from ui.shell import require_app
from ui.text import plain

# Problems shown on the page in full; the downloadable list holds up to the import's cap (200).
SHOWN_PROBLEMS = 10

require_app()

ctx = current_ctx()
demo = in_demo()
state = st.session_state

st.title("Your data", anchor=False)
st.header("Export", anchor=False)
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

st.header("Import", anchor=False)
st.write(
    "Threshold's own export (the zip, or some of its CSV files together), the CSV file that the Strong or Hevy "
    "app exports, or Apple Health's export.zip (its workouts). Every row is checked first and you see what would "
    "be added before anything is saved; if any row is wrong, you get the list of what to fix. Importing the same "
    "file again adds nothing." + (" In the demo, imports go into the demo data, not your own." if demo else "")
)
uploads = st.file_uploader(
    "Export file(s)", type=["zip", "csv", "tsv", "txt"], accept_multiple_files=True, key="data_upload"
)
upload = bundle([(f.name, f.getvalue()) for f in uploads]) if uploads else None
upload_id = f"{abs(hash((upload[0], len(upload[1])))):x}" if upload is not None else ""
if upload is not None and state.get("data_for") != upload_id:
    state.pop("data_result", None)  # a different file: forget questions, problems and preview of the last one
    state["data_answers"] = {}


def run(save: bool, **answers: Any) -> None:
    """Check (or import) the upload with a progress bar, with every answer given so far, and keep the result."""
    assert upload is not None
    given = state.setdefault("data_answers", {})
    for key, value in answers.items():  # later answers add to earlier ones (a mapping chosen in two steps)
        given[key] = given.get(key, {}) | value if isinstance(value, dict) else value
    bar = st.progress(0.0, text="Starting")

    def show(done: float, text: str) -> None:
        bar.progress(min(done, 1.0), text=text)

    result = import_file(ctx, *upload, save=save, progress=show, **given)
    bar.empty()
    state["data_result"], state["data_for"] = result, upload_id
    if result.written:
        after_write(ctx)


if st.button("Check the file", key="data_check", type="primary", disabled=upload is None):
    run(False)

result = state.get("data_result")
preview = result.preview if result is not None else None
chosen_unit = preview is not None and preview.unit is not None and not preview.unit_from_file
if result is not None and (result.needs_unit or (chosen_unit and result.checked_only)):
    question = "The file does not say whether its weights are in kilograms or pounds. Which unit did the app use?"
    if result.needs_unit:
        st.warning(question)
    else:
        st.caption(question + " You can change your answer here.")
    unit = st.radio("Unit of the weights", ["kg", "lb"], index=None, horizontal=True, key="data_unit")
    if st.button("Check with this unit", key="data_check_unit", disabled=unit is None):
        run(False, unit=unit)
        result = state["data_result"]
if result is not None and result.needs_equipment and not result.problems:
    answered = ask_equipment(result.needs_equipment, result.closest)
    if st.button("Check with these answers", key="data_import_answers", disabled=answered is None):
        assert answered is not None
        run(False, equipment=answered[0], mapping=answered[1])
        result = state["data_result"]

if result is not None and result.checked_only and result.preview is not None:
    st.markdown("#### What this file would add")
    show_preview(result.preview)
    mapping = choose_mappings(result.preview, list_exercises(ctx), upload_id)
    if st.button("Import", key="data_import", type="primary"):
        run(True, mapping=mapping)
        st.rerun()  # show the outcome without the preview and questions it answered

if result is not None and result.written:
    st.success(result.summary(), icon=":material/check_circle:")
    if result.pain_note:
        st.info(result.pain_note, icon=":material/lightbulb:")
        st.page_link("pages/progress.py", label="See it on Progress", icon=":material/monitoring:")
    for note in result.notes:
        st.info(note, icon=":material/info:")
elif result is not None and result.problems:
    count = result.problem_count
    # Each problem in full, wrapped to the screen (a table cell would cut a long one off on a phone).
    lines = [plain(str(problem)) for problem in result.problems[:SHOWN_PROBLEMS]]
    more = count - len(lines)
    heading = (
        "Nothing was imported. Fix this and import the file again:"
        if count == 1
        else (f"Nothing was imported. Fix these {count:,} problems and import the file again:")
    )
    tail = [f"... and {more:,} more: download the list below."] if more else []
    st.error("\n\n".join([heading, "\n".join(f"- {line}" for line in lines), *tail]), icon=":material/error:")
    table = pd.DataFrame(
        [(p.file, p.line or "", p.message) for p in result.problems], columns=["file", "line", "what to fix"]
    )
    if count > len(table):
        st.markdown(f"The list holds the first {len(table):,} of {count:,}; fix those, then import again for the rest.")
    st.download_button("Download the list", table_csv(table), "import-problems.csv", "text/csv", key="data_list")

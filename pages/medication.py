"""Medication: what you take regularly (with its start, dose changes and end) and each as-needed dose; mistakes
can be removed (with undo)."""

from datetime import date, datetime

import streamlit as st

from services.medication import add_regular, change_dose, end_regular, log_dose, medication, resume_regular
from tracker.medication import UNITS, Dose, Regular, goes_on_text, taken_after
from ui.forms import attempt, field_error, show_flash
from ui.medication_remove import DOSES, REGULAR, dose_mistake, regular_mistake, undo_bar
from ui.session import current_ctx
from ui.shell import require_app

require_app()

ctx = current_ctx()
state = st.session_state
meds = medication(ctx)


def add() -> None:
    """Store a new regular medication."""
    raw = {k: state.get(f"med_{k}") for k in ("name", "dose", "unit", "start")}

    def saved(r: Regular) -> str:
        return f"Added {r.name} {r.amount} from {r.start:%Y-%m-%d}."

    if attempt(ctx, "med", lambda: add_regular(ctx, raw), saved, ["med_name", "med_dose"], where="med"):
        state["med_start"] = date.today()  # the next one starts today unless another day is picked


def end(med_id: int) -> None:
    """Set the last day of a regular medication."""

    def saved(r: Regular) -> str:
        return f"{r.name} {r.amount}: last day {r.end:%Y-%m-%d}."

    attempt(
        ctx, f"med_{med_id}", lambda: end_regular(ctx, med_id, state.get(f"med_end_{med_id}")), saved, where=REGULAR
    )


def resume(med_id: int) -> None:
    """Take back a last day set by mistake: the medication is current again."""

    def saved(r: Regular) -> str:
        return f"{r.name} {r.amount}: still taking (last day taken back)."

    attempt(ctx, f"med_{med_id}", lambda: resume_regular(ctx, med_id), saved, where=REGULAR)


def change(med_id: int) -> None:
    """A new dose from a chosen day on."""
    raw = {"dose": state.get(f"med_new_{med_id}"), "start": state.get(f"med_from_{med_id}")}

    def saved(r: Regular) -> str:
        return f"{r.name}: {r.amount} from {r.start:%Y-%m-%d}."

    attempt(ctx, f"med_{med_id}", lambda: change_dose(ctx, med_id, raw), saved, [f"med_new_{med_id}"], where=REGULAR)


def take() -> None:
    """Store one as-needed dose."""
    day, clock = state.get("prn_day"), state.get("prn_time")
    taken = datetime.combine(day, clock) if day and clock else None
    raw = {k: state.get(f"prn_{k}") for k in ("name", "dose", "unit")} | {"taken_at": taken}

    def saved(d: Dose) -> str:
        return f"Logged {d.name} {d.dose:g} {d.unit} at {d.taken_at:%Y-%m-%d %H:%M}."

    # The amount empties once logged, so a second click cannot store the same dose again by accident.
    attempt(ctx, "prn", lambda: log_dose(ctx, raw), saved, ["prn_dose"], where="prn")


def name_dose_unit(form: str, labels: tuple[str, str, str], where: str, example: str) -> None:
    """The name, dose and unit fields of a form (keys form_name, form_dose, form_unit), each with its message."""
    st.text_input(labels[0], key=f"{form}_name", placeholder=f"e.g. {example}")
    field_error(form, "name", where)
    st.number_input(labels[1], value=None, step=1.0, format="%g", key=f"{form}_dose")
    field_error(form, "dose", where)
    st.selectbox(labels[2], list(UNITS), key=f"{form}_unit")
    field_error(form, "unit", where)


st.title("Medication", anchor=False)
st.write(
    "Doctors look at pain next to medication: when a medicine started, stopped or changed dose, and how often you "
    "needed something extra. Threshold only keeps the record; it gives no advice on medicines."
)

st.header("Taken regularly", anchor=False)
if meds.regular:
    st.write(
        "Stopped taking one? Open it and set the last day you took it: the record stays, and your doctor sees when "
        "it stopped. Entered one by mistake? Open it and remove it."
    )
for med_id, r in meds.regular:
    until = "still taking" if r.end is None else f"last day {r.end:%Y-%m-%d}"
    with st.expander(f"{r.name} {r.amount}, from {r.start:%Y-%m-%d}, {until}", expanded=False):
        if r.end is None:
            key = f"{med_id}"
            st.number_input(f"{r.name}: new dose ({r.unit})", value=None, step=1.0, format="%g", key=f"med_new_{key}")
            st.date_input(f"{r.name}: new dose from", value=date.today(), key=f"med_from_{key}", format="YYYY-MM-DD")
            st.button(f"Change the dose of {r.name}", key=f"med_change_{key}", on_click=change, args=(med_id,))
            st.date_input(f"{r.name}: last day taken", value=date.today(), key=f"med_end_{key}", format="YYYY-MM-DD")
            st.button(f"Stopped taking {r.name}", key=f"med_stop_{key}", on_click=end, args=(med_id,))
        elif (after := taken_after([o for _, o in meds.regular], r)) is not None:
            st.caption(goes_on_text(r, after))
        else:
            # Nothing carries on from it (no later dose): a last day set by mistake can be taken back.
            st.button(f"Still taking {r.name}? Take back the last day", key=f"med_resume_{med_id}",
                      on_click=resume, args=(med_id,), icon=":material/undo:")  # fmt: skip
        for field in ("dose", "start", "end", "form"):
            field_error(f"med_{med_id}", field, r.name)
        regular_mistake(ctx, meds, med_id)
undo_bar(ctx, REGULAR)
st.subheader("Add a regular medication", anchor=False)
name_dose_unit("med", ("Medication name", "Dose", "Unit"), "Regular medication", "Naproxen")
st.date_input("First day", value="today", key="med_start", format="YYYY-MM-DD")
field_error("med", "start", "Regular medication")
st.button("Add medication", on_click=add, key="med_add")
show_flash("med")

st.header("Taken as needed", anchor=False)
name_dose_unit("prn", ("What you took", "Amount", "Unit of the amount"), "As-needed dose", "Paracetamol")
st.date_input("Day taken", value=date.today(), key="prn_day", format="YYYY-MM-DD")
st.time_input("Time taken", value="now", key="prn_time")
field_error("prn", "taken_at", "As-needed dose")
st.button("Log dose", on_click=take, key="prn_save")
show_flash("prn")
if meds.doses:
    st.dataframe(
        # Minutes, as the dose was logged: a time with seconds reads like a machine's log.
        [
            {"Taken": f"{d.taken_at:%Y-%m-%d %H:%M}", "Medication": d.name, "Amount": f"{d.dose:g} {d.unit}"}
            for _, d in meds.doses
        ],
        hide_index=True,
    )
    dose_mistake(ctx, meds)
undo_bar(ctx, DOSES)

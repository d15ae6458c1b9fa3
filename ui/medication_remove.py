"""Taking back a medication mistake on the Medication page: remove a dose or a regular medication, then undo."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import streamlit as st

from services.context import Ctx
from services.medication import MedicationList, Removed, remove_dose, remove_regular, restore_removed
from tracker.medication import Dose, Regular
from ui.forms import ERRORS_KEY, attempt, field_error, show_flash

# Where each kind of removal keeps its undo and shows its messages: regular medication, as-needed doses.
REGULAR, DOSES = "med_list", "prn_list"
# The undo lives in the browser session (the row itself is deleted): a reload or a closed tab ends it, so say so.
GONE_FROM = (
    "It will no longer show in your charts, exports or report. You can undo this while this browser tab stays open."
)
AGAIN_REGULAR = "If only a detail was wrong, add it again below with the right name, dose or first day."
AGAIN_DOSE = "If the day or amount was wrong, log it again above."


def dose_words(d: Dose) -> str:
    """One dose as the person logged it, e.g. 'Paracetamol 1000 mg taken 2026-12-04 09:15'."""
    return f"{d.name} {d.dose:g} {d.unit} taken {d.taken_at:%Y-%m-%d %H:%M}"


def regular_words(records: Sequence[Regular]) -> str:
    """A regular medication at each of its doses, e.g. 'Naproxen 250 mg from 2026-11-01, then 500 mg from ...'."""
    first, *later = records
    words = [f"{first.name} {first.amount} from {first.start:%Y-%m-%d}"]
    words += [f"then {r.amount} from {r.start:%Y-%m-%d}" for r in later]
    last = records[-1].end
    return ", ".join(words) + ("" if last is None else f", last day {last:%Y-%m-%d}")


def removed_words(removed: Removed) -> str:
    """What a removal took out, in the words the person used."""
    if removed.regular:
        return regular_words([r for _, r in removed.regular])
    return "; ".join(dose_words(d) for _, d in removed.doses)


def undoable(ctx: Ctx, where: str) -> list[Removed]:
    """This browser session's removals of one kind that can still be undone here, newest first."""
    return [r for r in st.session_state.get(f"{where}_undo", []) if r.taken_from(ctx)]


def _remove(ctx: Ctx, where: str, remove: Callable[[], Removed]) -> None:
    state = st.session_state
    state.pop(f"{where}_confirm", None)

    def offer_undo(removed: Removed) -> None:
        # Every removal stays undoable, not only the last: each question promised an undo.
        state[f"{where}_undo"] = [removed, *state.get(f"{where}_undo", [])]

    attempt(ctx, where, remove, offer_undo, [f"{where}_pick"], where=where)


def _undo(ctx: Ctx, where: str, removed: Removed) -> None:
    said = f"Restored {removed_words(removed)}."
    # Offered again if the undo could not be written (a full disk): the person can free space and retry.
    if attempt(ctx, where, lambda: restore_removed(ctx, removed), said, where=where):
        left = list(st.session_state.get(f"{where}_undo", []))
        if removed in left:
            left.remove(removed)
        st.session_state[f"{where}_undo"] = left


def forget() -> None:
    """Drop what names rows of the data on screen (remove questions, the chosen dose, undo lists, a medication's
    messages and typed new dose): the demo's database and the person's own number their rows alike."""
    state = st.session_state
    for where in (REGULAR, DOSES):
        state.pop(f"{where}_confirm", None)
        state.pop(f"{where}_undo", None)
    state[f"{DOSES}_pick"] = None  # set, not deleted, so that the browser's box empties too
    for form in ("med", "prn"):  # the add and log forms: what was typed belongs to the data left
        state[f"{form}_name"], state[f"{form}_dose"] = "", None
    for key in [k for k in state if isinstance(k, str)]:
        if re.fullmatch(rf"{ERRORS_KEY}:med_\d+", key):
            del state[key]
        elif re.fullmatch(r"med_new_\d+", key):
            state[key] = None


def _confirm(where: str, item: int, label: str, question: str, remove: Callable[[], None]) -> None:
    """A 'Remove …' button, or after it the question with 'Yes, remove' and 'Keep it'."""
    state = st.session_state
    if state.get(f"{where}_confirm") != item:
        st.button(label, key=f"{where}_remove_{item}", icon=":material/delete:",
                  on_click=state.__setitem__, args=(f"{where}_confirm", item))  # fmt: skip
        return
    st.warning(question)
    yes, no = st.columns(2)
    yes.button("Yes, remove", on_click=remove, key=f"{where}_remove_yes_{item}", type="primary")
    no.button("Keep it", on_click=state.pop, args=(f"{where}_confirm", None), key=f"{where}_remove_no_{item}")


def undo_bar(ctx: Ctx, where: str) -> None:
    """The newest removal of this kind with its Undo button (and how many earlier ones can be undone after it),
    and the message of the last removal or undo."""
    show_flash(where)
    field_error(where, "form")
    undos = undoable(ctx, where)
    if not undos:
        return
    newest, *earlier = undos
    again = AGAIN_REGULAR if newest.regular else AGAIN_DOSE
    if earlier:
        again += f" After this one, {len(earlier)} earlier removal{'s' if len(earlier) > 1 else ''} can be undone."
    left, right = st.columns([3, 1])
    left.warning(f"Removed {removed_words(newest)}. {again}")
    right.button("Undo", on_click=_undo, args=(ctx, where, newest), key=f"{where}_undo_button", icon=":material/undo:")


def regular_mistake(ctx: Ctx, meds: MedicationList, medication_id: int) -> None:
    """Inside one regular medication: remove it, with its dose changes, when it was entered by mistake."""
    records = meds.history(medication_id)
    st.write("Entered by mistake (a typo in the name, the wrong first day or dose)? Remove it.")
    if records[-1].end is None:
        instead = "if you took it and have stopped, set its last day instead"
    else:
        instead = "if you did take it, keep it: your doctor reads it next to your pain"
    question = f"Remove {regular_words(records)}? Only for a mistake: {instead}. {GONE_FROM}"

    def remove() -> None:
        _remove(ctx, REGULAR, lambda: remove_regular(ctx, medication_id))

    _confirm(REGULAR, medication_id, f"Remove {records[0].name}…", question, remove)


def dose_mistake(ctx: Ctx, meds: MedicationList) -> None:
    """Under the list of doses: choose one logged by mistake (wrong day, wrong amount, logged twice) and remove it."""
    labels = {dose_id: dose_words(d) for dose_id, d in meds.doses}
    chosen = st.selectbox(
        "Logged a dose by mistake (wrong day, wrong amount, logged twice)? Choose it",
        list(labels),
        index=None,
        format_func=labels.__getitem__,
        placeholder="Choose a dose",
        key=f"{DOSES}_pick",
    )
    if chosen is None:
        return
    question = f"Remove {labels[chosen]}? {GONE_FROM}"
    _confirm(
        DOSES, chosen, "Remove this dose…", question, lambda: _remove(ctx, DOSES, lambda: remove_dose(ctx, chosen))
    )

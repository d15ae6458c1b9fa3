"""Taking back a medication mistake on the Medication page (AppTest): remove, see what went, undo."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from streamlit.testing.v1 import AppTest

import ui.medication_remove
from services.checkins import record_morning
from services.context import data_version
from services.medication import add_regular, change_dose, log_dose, medication, remove_dose
from tests.ui.test_disk_full_pages import _raise_full

TAKEN = datetime.now().replace(second=0, microsecond=0) - timedelta(hours=2)


def _said(at: AppTest) -> str:
    return "\n".join(
        str(getattr(e, "value", "")) for kind in ("success", "warning", "error", "markdown") for e in at.get(kind)
    )


def _paracetamol(ctx, taken: datetime = TAKEN, amount: float = 1000) -> None:
    log_dose(ctx, {"name": "Paracetamol", "dose": amount, "unit": "mg", "taken_at": taken})


def _ask_to_remove(at: AppTest, dose_id: int) -> None:
    """On the Medication page, choose the dose and press Remove… (the question follows)."""
    at.switch_page("pages/medication.py").run()
    at.selectbox(key="prn_list_pick").set_value(dose_id).run()
    at.button(key=f"prn_list_remove_{dose_id}").click().run()


def test_a_dose_logged_by_mistake_is_removed_after_a_question_and_comes_back_with_undo(at, app_ctx):
    _paracetamol(app_ctx, TAKEN - timedelta(days=1), amount=500)
    _paracetamol(app_ctx)
    wrong = medication(app_ctx).doses[0][0]
    _ask_to_remove(at, wrong)
    said = f"Paracetamol 1000 mg taken {TAKEN:%Y-%m-%d %H:%M}"
    assert (
        f"Remove {said}? It will no longer show in your charts, exports or report. "
        "You can undo this while this browser tab stays open." in _said(at)
    )
    assert len(medication(app_ctx).doses) == 2, "nothing goes before the person says yes"
    version = data_version(app_ctx)
    at.button(key=f"prn_list_remove_yes_{wrong}").click().run()
    assert not at.exception
    assert f"Removed {said}. If the day or amount was wrong, log it again above." in _said(at)
    assert [d.dose for _, d in medication(app_ctx).doses] == [500]
    assert len(at.dataframe[0].value) == 1, "the list of doses shows one dose"
    assert data_version(app_ctx) != version, "Progress and the report read afresh"
    version = data_version(app_ctx)
    at.button(key="prn_list_undo_button").click().run()
    assert f"Restored {said}." in _said(at) and f"Removed {said}." not in _said(at)
    assert [d.dose for _, d in medication(app_ctx).doses] == [1000, 500]
    assert medication(app_ctx).doses[0][0] == wrong, "back as it was, with the same id"
    assert len(at.dataframe[0].value) == 2
    assert data_version(app_ctx) != version
    assert "prn_list_undo_button" not in [b.key for b in at.button], "one undo per removal"


def test_keep_it_removes_nothing(at, app_ctx):
    _paracetamol(app_ctx)
    ((dose_id, _),) = medication(app_ctx).doses
    _ask_to_remove(at, dose_id)
    at.button(key=f"prn_list_remove_no_{dose_id}").click().run()
    assert "Remove Paracetamol" not in _said(at) and "Removed" not in _said(at)
    assert len(medication(app_ctx).doses) == 1


def test_a_regular_medication_entered_by_mistake_is_removed_with_its_dose_change_and_undone(at, app_ctx):
    start = date.today() - timedelta(days=30)
    add_regular(app_ctx, {"name": "Naproxn", "dose": 250, "unit": "mg", "start": start})
    ((first, _),) = medication(app_ctx).current
    change_dose(app_ctx, first, {"dose": 500, "start": date.today() - timedelta(days=5)})
    at.switch_page("pages/medication.py").run()
    said = _said(at)
    assert "Stopped taking one? Open it and set the last day you took it" in said
    assert "Entered one by mistake? Open it and remove it." in said
    ((current, _),) = medication(app_ctx).current
    assert at.button(key=f"med_list_remove_{current}").label == "Remove Naproxn…"
    at.button(key=f"med_list_remove_{current}").click().run()
    both = f"Naproxn 250 mg from {start:%Y-%m-%d}, then 500 mg from {date.today() - timedelta(days=5):%Y-%m-%d}"
    assert f"Remove {both}? Only for a mistake: if you took it and have stopped, set its last day instead." in _said(at)
    at.button(key=f"med_list_remove_yes_{current}").click().run()
    assert f"Removed {both}." in _said(at)
    assert medication(app_ctx).regular == []
    assert not [e for e in at.expander if "Naproxn" in e.label]
    at.button(key="med_list_undo_button").click().run()
    assert f"Restored {both}." in _said(at)
    assert [r.amount for _, r in medication(app_ctx).regular] == ["500 mg", "250 mg"]


def test_progress_drops_a_removed_dose_at_once_and_shows_it_again_after_undo(at, app_ctx):
    record_morning(app_ctx, date.today() - timedelta(days=1), {"lower_back": 4})
    _paracetamol(app_ctx)
    ((dose_id, _),) = medication(app_ctx).doses

    def doses_on_progress() -> bool:
        at.switch_page("pages/progress.py").run()
        at.session_state["prog_more"] = True  # the doses per week are under "More charts"
        at.run()
        assert not at.exception
        return any("As-needed medication doses per week" in c.proto.spec for c in at.get("vega_lite_chart"))

    assert doses_on_progress()
    _ask_to_remove(at, dose_id)
    at.button(key=f"prn_list_remove_yes_{dose_id}").click().run()
    assert not doses_on_progress()
    at.switch_page("pages/medication.py").run()
    at.button(key="prn_list_undo_button").click().run()
    assert doses_on_progress()


def test_a_dose_removed_in_another_tab_meanwhile_is_said_plainly(at, app_ctx):
    _paracetamol(app_ctx)
    ((dose_id, _),) = medication(app_ctx).doses
    _ask_to_remove(at, dose_id)
    remove_dose(app_ctx, dose_id)  # the other tab
    at.button(key=f"prn_list_remove_yes_{dose_id}").click().run()
    assert not at.exception
    assert "That dose is no longer in your list. It may have been deleted in another tab." in _said(at)
    assert "prn_list_undo_button" not in [b.key for b in at.button]


def test_an_ended_medication_asks_to_be_kept_unless_it_was_a_mistake(at, app_ctx):
    start = date.today() - timedelta(days=30)
    add_regular(app_ctx, {"name": "Naproxen", "dose": 250, "unit": "mg", "start": start, "end": date.today()})
    ((med_id, _),) = medication(app_ctx).regular
    at.switch_page("pages/medication.py").run()
    at.button(key=f"med_list_remove_{med_id}").click().run()
    assert (
        f"Remove Naproxen 250 mg from {start:%Y-%m-%d}, last day {date.today():%Y-%m-%d}? Only for a mistake: if you "
        "did take it, keep it: your doctor reads it next to your pain." in _said(at)
    )
    at.button(key=f"med_list_remove_no_{med_id}").click().run()
    assert "Remove Naproxen 250 mg" not in _said(at)
    assert len(medication(app_ctx).regular) == 1


def test_an_undo_that_meets_a_full_disk_says_so_and_stays_offered(at, app_ctx, monkeypatch):
    _paracetamol(app_ctx)
    ((dose_id, _),) = medication(app_ctx).doses
    _ask_to_remove(at, dose_id)
    at.button(key=f"prn_list_remove_yes_{dose_id}").click().run()
    monkeypatch.setattr(ui.medication_remove, "restore_removed", _raise_full)
    at.button(key="prn_list_undo_button").click().run()
    assert not at.exception
    assert "The disk that holds the database is full; nothing was changed." in _said(at)
    assert medication(app_ctx).doses == []
    monkeypatch.undo()
    at.button(key="prn_list_undo_button").click().run()
    assert "Restored Paracetamol 1000 mg" in _said(at)
    assert len(medication(app_ctx).doses) == 1


def test_two_doses_removed_one_after_the_other_both_come_back_with_two_undos(at, app_ctx):
    _paracetamol(app_ctx, TAKEN - timedelta(days=1), amount=500)
    _paracetamol(app_ctx)
    (second, _), (first, _) = medication(app_ctx).doses
    for dose_id in (first, second):
        _ask_to_remove(at, dose_id)
        at.button(key=f"prn_list_remove_yes_{dose_id}").click().run()
    assert medication(app_ctx).doses == []
    newest = f"Removed Paracetamol 1000 mg taken {TAKEN:%Y-%m-%d %H:%M}."
    assert (
        f"{newest} If the day or amount was wrong, log it again above. After this one, 1 earlier removal can be "
        "undone." in _said(at)
    )
    at.button(key="prn_list_undo_button").click().run()
    assert [d.dose for _, d in medication(app_ctx).doses] == [1000]
    assert f"Removed Paracetamol 500 mg taken {TAKEN - timedelta(days=1):%Y-%m-%d %H:%M}." in _said(at)
    assert "earlier removal" not in _said(at)
    at.button(key="prn_list_undo_button").click().run()
    assert [i for i, _ in medication(app_ctx).doses] == [second, first], "both back, with their ids"
    assert "prn_list_undo_button" not in [b.key for b in at.button]


def test_two_regular_medications_removed_both_come_back_with_two_undos(at, app_ctx):
    for name in ("Naproxn", "Amitriptylin"):
        add_regular(app_ctx, {"name": name, "dose": 10, "unit": "mg", "start": date.today() - timedelta(days=9)})
    at.switch_page("pages/medication.py").run()
    for med_id, _ in medication(app_ctx).regular:
        at.button(key=f"med_list_remove_{med_id}").click().run()
        at.button(key=f"med_list_remove_yes_{med_id}").click().run()
    assert medication(app_ctx).regular == []
    assert "After this one, 1 earlier removal can be undone." in _said(at)
    at.button(key="med_list_undo_button").click().run()
    at.button(key="med_list_undo_button").click().run()
    assert sorted(r.name for _, r in medication(app_ctx).regular) == ["Amitriptylin", "Naproxn"]
    assert "med_list_undo_button" not in [b.key for b in at.button]


def test_a_second_click_on_log_dose_does_not_store_the_same_dose_again(at, app_ctx):
    at.switch_page("pages/medication.py").run()
    at.text_input(key="prn_name").input("Paracetamol")
    at.number_input(key="prn_dose").set_value(1000)
    for _ in range(2):  # the second click, by accident
        at.button(key="prn_save").click().run()
    assert [(d.name, d.dose) for _, d in medication(app_ctx).doses] == [("Paracetamol", 1000)]
    assert "As-needed dose: dose (mg) is missing: enter a number." in _said(at)
    assert at.number_input(key="prn_dose").value is None, "the amount emptied once the dose was logged"
    assert at.text_input(key="prn_name").value == "Paracetamol", "the name is kept for the next dose"


def test_a_new_dose_from_before_the_current_dose_began_says_so_and_keeps_the_typed_dose(at, app_ctx):
    add_regular(app_ctx, {"name": "Naproxen", "dose": 250, "unit": "mg", "start": date.today() - timedelta(days=30)})
    ((first, _),) = medication(app_ctx).current
    began = date.today() - timedelta(days=10)
    change_dose(app_ctx, first, {"dose": 500, "start": began})
    ((current, _),) = medication(app_ctx).current
    at.switch_page("pages/medication.py").run()
    at.number_input(key=f"med_new_{current}").set_value(750)
    at.date_input(key=f"med_from_{current}").set_value(began - timedelta(days=5))
    at.button(key=f"med_change_{current}").click().run()
    assert (
        f"Naproxen: new dose from {began - timedelta(days=5):%Y-%m-%d} must be after {began:%Y-%m-%d}, when the "
        "current dose (500 mg) began." in _said(at)
    )
    assert at.number_input(key=f"med_new_{current}").value == 750
    assert [r.amount for _, r in medication(app_ctx).regular] == ["500 mg", "250 mg"]


def test_stopped_taking_by_mistake_is_taken_back_on_the_page(at, app_ctx):
    add_regular(
        app_ctx, {"name": "Amitriptyline", "dose": 10, "unit": "mg", "start": date.today() - timedelta(days=30)}
    )
    ((med_id, _),) = medication(app_ctx).current
    at.switch_page("pages/medication.py").run()
    at.button(key=f"med_stop_{med_id}").click().run()
    assert not at.exception and medication(app_ctx).current == []
    assert f"Amitriptyline 10 mg: last day {date.today():%Y-%m-%d}." in _said(at)
    version = data_version(app_ctx)
    at.button(key=f"med_resume_{med_id}").click().run()
    assert not at.exception
    assert "Amitriptyline 10 mg: still taking (last day taken back)." in _said(at)
    assert [r.name for _, r in medication(app_ctx).current] == ["Amitriptyline"]
    assert data_version(app_ctx) != version  # Progress and the report see it at once
    assert f"med_resume_{med_id}" not in [b.key for b in at.button]


def test_an_old_dose_that_a_dose_change_ended_offers_no_take_back(at, app_ctx):
    add_regular(app_ctx, {"name": "Naproxen", "dose": 250, "unit": "mg", "start": date.today() - timedelta(days=30)})
    ((first, _),) = medication(app_ctx).current
    change_dose(app_ctx, first, {"dose": 500, "start": date.today() - timedelta(days=5)})
    at.switch_page("pages/medication.py").run()
    assert not [b for b in at.button if str(b.key).startswith("med_resume_")]

"""Taking back a medication mistake: remove a dose or a regular medication, undo it, on both databases."""

from __future__ import annotations

from datetime import timedelta

import pytest

from services.checkins import record_morning
from services.context import ensure_profile, open_database
from services.export import export_tables
from services.medication import (
    add_regular,
    change_dose,
    doses_between,
    end_regular,
    log_dose,
    medication,
    remove_dose,
    remove_regular,
    restore_removed,
    resume_regular,
)
from services.progress import progress_data
from services.report import build_report
from tests.factories import NOW
from tracker.errors import NotFoundError, ValidationError
from tracker.report import summary

TODAY = NOW.date()
START = TODAY - timedelta(days=60)


def _dose(ctx, hours_ago: float, amount: float = 1000) -> None:
    taken = NOW - timedelta(hours=hours_ago)
    log_dose(ctx, {"name": "Paracetamol", "dose": amount, "unit": "mg", "taken_at": taken}, now=NOW)


def _naproxen_with_a_dose_change(ctx) -> int:
    add_regular(ctx, {"name": "Naproxen", "dose": 250, "unit": "mg", "start": START}, today=TODAY)
    ((first, _),) = medication(ctx).current
    change_dose(ctx, first, {"dose": 500, "start": TODAY - timedelta(days=20)}, today=TODAY)
    return first


def _csv(ctx) -> dict[str, bytes]:
    return {name: data for name, data in export_tables(ctx).items() if name.endswith(".csv")}


def test_a_dose_logged_twice_is_removed_once_and_leaves_the_list_the_dose_counts_and_the_export(ctx):
    _dose(ctx, 50)
    before = _csv(ctx)
    _dose(ctx, 3)
    _dose(ctx, 3)  # the same dose, logged twice by mistake
    (doubled, _), (kept, _), (older, _) = medication(ctx).doses
    removed = remove_dose(ctx, doubled)
    assert [d.taken_at for _, d in removed.doses] == [NOW - timedelta(hours=3)]
    assert [i for i, _ in medication(ctx).doses] == [kept, older]
    assert len(doses_between(ctx, TODAY - timedelta(days=1), TODAY)) == 1
    assert progress_data(ctx, start=START, end=TODAY).health.dose_counts["doses"].sum() == 2
    after = _csv(ctx)
    assert after.keys() == before.keys()
    assert after["as_needed_doses.csv"].count(b"Paracetamol") == 2


def test_undoing_a_removed_dose_brings_it_back_everywhere_exactly_as_it_was(ctx):
    _dose(ctx, 50)
    _dose(ctx, 3, amount=500)
    before = _csv(ctx)
    removed = remove_dose(ctx, medication(ctx).doses[0][0])
    assert _csv(ctx) != before
    assert restore_removed(ctx, removed) == removed
    assert _csv(ctx) == before, "the backup after the undo is the backup before the removal"
    assert [d.dose for _, d in medication(ctx).doses] == [500, 1000]
    assert progress_data(ctx, start=START, end=TODAY).health.dose_counts["doses"].sum() == 2


def test_an_undo_gets_its_old_id_back_or_a_new_one_when_a_later_dose_took_it(ctx):
    _dose(ctx, 50)
    _dose(ctx, 3)
    newest = medication(ctx).doses[0][0]
    removed = remove_dose(ctx, newest)
    restore_removed(ctx, removed)
    assert medication(ctx).doses[0][0] == newest, "lists and page keys stay as they were"
    removed = remove_dose(ctx, newest)
    _dose(ctx, 1, amount=500)  # SQLite may give this one the removed dose's id
    restore_removed(ctx, removed)
    assert [d.dose for _, d in medication(ctx).doses] == [500, 1000, 1000]


def test_a_regular_medication_entered_by_mistake_goes_with_its_dose_history_and_comes_back_on_undo(ctx):
    record_morning(ctx, TODAY - timedelta(days=30), {"lower_back": 4}, today=TODAY)
    first = _naproxen_with_a_dose_change(ctx)
    add_regular(ctx, {"name": "Amitriptyline", "dose": 10, "unit": "mg", "start": START}, today=TODAY)
    before = _csv(ctx)
    assert [r.amount for r in medication(ctx).history(first)] == ["250 mg", "500 mg"]
    removed = remove_regular(ctx, first)
    assert [(r.amount, r.end) for _, r in removed.regular] == [
        ("250 mg", TODAY - timedelta(days=21)),
        ("500 mg", None),
    ]
    assert [r.name for _, r in medication(ctx).regular] == ["Amitriptyline"]
    health = progress_data(ctx, start=START, end=TODAY).health
    assert "Naproxen" not in health.medication_line
    assert set(health.pain_medication["medication"].dropna()) == {"Amitriptyline 10 mg (regular)"}
    assert b"Naproxen" not in _csv(ctx)["medications.csv"]
    restore_removed(ctx, removed)
    assert _csv(ctx) == before
    line = progress_data(ctx, start=START, end=TODAY).health.medication_line
    assert "Naproxen: dose changed from 250 mg to 500 mg" in line


def test_removing_the_later_dose_of_a_medication_takes_the_whole_medication(ctx):
    _naproxen_with_a_dose_change(ctx)
    ((current, _),) = medication(ctx).current
    assert len(remove_regular(ctx, current).regular) == 2
    assert medication(ctx).regular == []


def _medication_section(ctx) -> str:
    report = build_report(ctx, start=START, end=TODAY, regions=("lower_back",)).data
    return "\n".join(line for s in summary(report) if s.title.startswith("Medication") for line in s.lines)


def test_a_removed_medication_and_dose_no_longer_reach_the_doctors_report(ctx):
    record_morning(ctx, TODAY - timedelta(days=3), {"lower_back": 4}, today=TODAY)
    first = _naproxen_with_a_dose_change(ctx)
    _dose(ctx, 5)
    text = _medication_section(ctx)
    assert "Naproxen" in text and "Paracetamol" in text
    remove_regular(ctx, first)
    remove_dose(ctx, medication(ctx).doses[0][0])
    text = _medication_section(ctx)
    assert "Naproxen" not in text and "Paracetamol" not in text


def test_removing_twice_is_not_found_and_changes_nothing(ctx):
    _dose(ctx, 3)
    (dose_id, _), *_ = medication(ctx).doses
    first = _naproxen_with_a_dose_change(ctx)
    remove_dose(ctx, dose_id)
    remove_regular(ctx, first)
    with pytest.raises(NotFoundError):
        remove_dose(ctx, dose_id)
    with pytest.raises(NotFoundError):
        remove_regular(ctx, first)


def test_a_removal_is_never_put_back_into_another_database_whose_owner_has_the_same_id(tmp_path):
    # The demo's database and the person's own sit side by side in one browser session, each with owner 1.
    own, demo = (open_database(f"sqlite:///{tmp_path / name}") for name in ("own.db", "demo.db"))
    try:
        mine, demos = ensure_profile(own), ensure_profile(demo)
        assert mine.owner_id == demos.owner_id
        _dose(demos, 3)
        removed = remove_dose(demos, medication(demos).doses[0][0])
        with pytest.raises(NotFoundError):
            restore_removed(mine, removed)
        assert medication(mine).doses == []
        restore_removed(demos, removed)
        assert len(medication(demos).doses) == 1
    finally:
        own.dispose()
        demo.dispose()


def test_a_new_dose_from_before_the_current_dose_began_names_the_day_it_began_not_the_first_day(ctx):
    first = _naproxen_with_a_dose_change(ctx)
    ((current, _),) = medication(ctx).current
    began, early = TODAY - timedelta(days=20), TODAY - timedelta(days=25)
    with pytest.raises(ValidationError) as caught:
        change_dose(ctx, current, {"dose": 750, "start": early}, today=TODAY)
    assert caught.value.errors["start"] == (
        f"New dose from {early:%Y-%m-%d} must be after {began:%Y-%m-%d}, when the current dose (500 mg) began."
    )
    remove_regular(ctx, first)
    add_regular(ctx, {"name": "Naproxen", "dose": 250, "unit": "mg", "start": START}, today=TODAY)
    ((only, _),) = medication(ctx).current
    with pytest.raises(ValidationError, match=f"after {START:%Y-%m-%d}, when the current dose \\(250 mg\\) began"):
        change_dose(ctx, only, {"dose": 750, "start": START}, today=TODAY)
    assert [r.amount for _, r in medication(ctx).regular] == ["250 mg"]


def test_a_stop_clicked_by_mistake_is_taken_back_unless_the_medicine_goes_on_after_it(ctx):
    _naproxen_with_a_dose_change(ctx)
    add_regular(ctx, {"name": "Amitriptyline", "dose": 10, "unit": "mg", "start": START}, today=TODAY)
    (amitriptyline,) = [i for i, r in medication(ctx).current if r.name == "Amitriptyline"]
    end_regular(ctx, amitriptyline, TODAY, today=TODAY)
    assert [r.name for _, r in medication(ctx).current] == ["Naproxen"]
    back = resume_regular(ctx, amitriptyline)
    assert (back.name, back.end) == ("Amitriptyline", None)
    assert sorted(r.name for _, r in medication(ctx).current) == ["Amitriptyline", "Naproxen"]
    with pytest.raises(ValidationError, match="has no last day to take back"):
        resume_regular(ctx, amitriptyline)
    (old,) = [i for i, r in medication(ctx).regular if r.name == "Naproxen" and r.end is not None]
    with pytest.raises(ValidationError, match=r"Naproxen goes on at 500 mg from .*, so this last day stays"):
        resume_regular(ctx, old)
    assert [r.amount for _, r in medication(ctx).current if r.name == "Naproxen"] == ["500 mg"]


def test_another_owners_stop_cannot_be_taken_back(db, ctx):
    add_regular(ctx, {"name": "Amitriptyline", "dose": 10, "unit": "mg", "start": START}, today=TODAY)
    ((mine, _),) = medication(ctx).current
    end_regular(ctx, mine, TODAY, today=TODAY)
    other = ensure_profile(db, "someone-else")
    with pytest.raises(NotFoundError):
        resume_regular(other, mine)
    assert medication(ctx).current == []

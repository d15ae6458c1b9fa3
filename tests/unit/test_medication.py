"""Medication: checking regular medication and as-needed doses, spans, weekly counts, changes in a range."""

from datetime import date, datetime, timedelta

import pytest

from tracker.errors import ValidationError
from tracker.medication import (
    Dose,
    Regular,
    changes,
    check_dose,
    check_end,
    check_regular,
    dose_history,
    doses_per_week,
    spans,
)

TODAY = date(2026, 3, 1)
NOW = datetime(2026, 3, 1, 12, 0)
REGULAR = {"name": "Naproxen", "dose": 250, "unit": "mg", "start": date(2026, 1, 5)}


def test_medication_regular_is_kept_with_an_open_end() -> None:
    assert check_regular(REGULAR, today=TODAY) == Regular("Naproxen", 250.0, "mg", date(2026, 1, 5), None)


@pytest.mark.parametrize(
    ("changes_", "field", "says"),
    [
        ({"dose": 0}, "dose", "Dose (mg) must be a number above 0 and at most 5000"),
        ({"dose": -5}, "dose", "Dose"),
        ({"dose": 50000}, "dose", "at most 5000"),
        ({"dose": "two"}, "dose", "must be a number"),
        ({"unit": "buckets"}, "unit", "Unit must be one of"),
        ({"name": "<script>x</script>"}, "name", "Medication name contains markup"),
        ({"name": "=cmd|' /C calc'!A0"}, "name", "formula"),
        ({"name": "n" * 81}, "name", "shorten it to 80"),
        ({"start": date(2026, 3, 2)}, "start", "future"),
        ({"start": date(1899, 12, 31)}, "start", "before 1900"),
        ({"end": date(2026, 1, 4)}, "end", "before the first day"),
        ({"end": date(2026, 3, 5)}, "end", "future"),
    ],
)
def test_medication_bad_regular_input_names_the_field(changes_: dict[str, object], field: str, says: str) -> None:
    with pytest.raises(ValidationError) as caught:
        check_regular(REGULAR | changes_, today=TODAY)
    assert says in caught.value.errors[field], caught.value.errors


def test_medication_ending_on_its_first_day_is_fine_but_not_before() -> None:
    assert check_end(TODAY, TODAY, today=TODAY) == TODAY
    with pytest.raises(ValidationError, match="before the first day"):
        check_end(TODAY, TODAY - timedelta(days=1), today=TODAY)


def test_medication_as_needed_dose_needs_a_time_up_to_now() -> None:
    dose = check_dose({"name": "Paracetamol", "dose": "1000", "unit": "mg", "taken_at": NOW}, now=NOW)
    assert dose == Dose("Paracetamol", 1000.0, "mg", NOW)
    with pytest.raises(ValidationError) as caught:
        check_dose({"name": "Paracetamol", "dose": 2, "unit": "tablets", "taken_at": NOW + timedelta(hours=2)}, now=NOW)
    assert "future" in caught.value.errors["taken_at"]


def test_medication_spans_are_clipped_to_the_range_and_open_ones_run_to_its_end() -> None:
    meds = [
        Regular("Naproxen", 250, "mg", date(2026, 1, 5), date(2026, 2, 1)),
        Regular("Amitriptyline", 10, "mg", date(2026, 2, 10)),
        Regular("Old", 1, "tablets", date(2025, 1, 1), date(2025, 2, 1)),
    ]
    found = spans(meds, date(2026, 1, 20), date(2026, 2, 28))
    assert [(r.name, r.start, r.end) for r in found] == [
        ("Naproxen", date(2026, 1, 20), date(2026, 2, 1)),
        ("Amitriptyline", date(2026, 2, 10), date(2026, 2, 28)),
    ]


def test_medication_as_needed_doses_are_counted_per_week_and_name() -> None:
    monday = datetime(2026, 2, 2, 8)
    doses = [Dose("Paracetamol", 1000, "mg", monday + timedelta(days=d)) for d in (0, 3, 6, 7)]
    doses.append(Dose("Ibuprofen", 400, "mg", monday))
    assert doses_per_week(doses) == {
        (date(2026, 2, 2), "Ibuprofen"): 1,
        (date(2026, 2, 2), "Paracetamol"): 3,
        (date(2026, 2, 9), "Paracetamol"): 1,
    }


def test_medication_changes_in_a_range_say_started_stopped_and_dose_changed() -> None:
    meds = [
        Regular("Naproxen", 250, "mg", date(2026, 1, 5), date(2026, 2, 1)),
        Regular("naproxen", 500, "mg", date(2026, 2, 2), date(2026, 2, 20)),
        Regular("Amitriptyline", 10, "mg", date(2026, 2, 10)),
    ]
    found = changes(meds, date(2026, 1, 1), date(2026, 2, 28))
    assert [c.text for c in found] == [
        "Naproxen 250 mg: started",
        "naproxen: dose changed from 250 mg to 500 mg",
        "Amitriptyline 10 mg: started",
        "naproxen 500 mg: last day",
    ]
    later = changes(meds, date(2026, 2, 5), date(2026, 2, 28))
    assert [c.kind for c in later] == ["started", "stopped"]


def test_medication_dose_history_follows_each_dose_change_both_ways_and_nothing_else() -> None:
    day = date(2026, 1, 1)
    regulars = [
        Regular("Naproxen", 250, "mg", day, day + timedelta(days=9)),
        Regular("Amitriptyline", 10, "mg", day + timedelta(days=10)),  # starts the day after, but another medicine
        Regular("naproxen ", 500, "mg", day + timedelta(days=10), day + timedelta(days=19)),  # a dose change
        Regular("Naproxen", 250, "mg", day + timedelta(days=20), day + timedelta(days=29)),  # and another
        Regular("Naproxen", 250, "mg", day + timedelta(days=40)),  # a restart after a break: its own record
    ]
    assert dose_history(regulars, 2) == [0, 2, 3]
    assert dose_history(regulars, 0) == [0, 2, 3]
    assert dose_history(regulars, 1) == [1]
    assert dose_history(regulars, 4) == [4]

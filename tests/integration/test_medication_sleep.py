"""Medication and sleep through the services, on both databases."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from services.checkins import record_morning
from services.medication import add_regular, change_dose, doses_between, end_regular, log_dose, medication
from services.sleep import sleep_and_pain_between, sleep_nights
from tests.factories import NOW
from tracker.errors import NotFoundError, ValidationError
from tracker.medication import changes

TODAY = NOW.date()
START = TODAY - timedelta(days=60)


def test_medication_regular_added_changed_and_ended_reads_as_changes(ctx):
    naproxen = {"name": "Naproxen", "dose": 250, "unit": "mg", "start": START}
    add_regular(ctx, naproxen, today=TODAY)
    ((first_id, _),) = medication(ctx).current
    change_dose(ctx, first_id, {"dose": 500, "start": TODAY - timedelta(days=30)}, today=TODAY)
    ((second_id, current),) = medication(ctx).current
    assert current.amount == "500 mg" and current.start == TODAY - timedelta(days=30)
    end_regular(ctx, second_id, TODAY - timedelta(days=2), today=TODAY)
    listed = medication(ctx)
    assert listed.current == []
    assert [c.text for c in changes([r for _, r in listed.regular], START, TODAY)] == [
        "Naproxen 250 mg: started",
        "Naproxen: dose changed from 250 mg to 500 mg",
        "Naproxen 500 mg: last day",
    ]


def test_medication_bad_input_is_refused_with_the_field_and_writes_nothing(ctx):
    with pytest.raises(ValidationError) as caught:
        add_regular(ctx, {"name": "Naproxen", "dose": 0, "unit": "mg", "start": START, "end": START - timedelta(1)},
                    today=TODAY)  # fmt: skip
    assert {"dose", "end"} <= set(caught.value.errors)
    add_regular(ctx, {"name": "Naproxen", "dose": 250, "unit": "mg", "start": START}, today=TODAY)
    ((med_id, _),) = medication(ctx).regular
    with pytest.raises(ValidationError, match="before the first day"):
        end_regular(ctx, med_id, START - timedelta(days=1), today=TODAY)
    with pytest.raises(ValidationError, match="already 250 mg"):
        change_dose(ctx, med_id, {"dose": 250, "start": TODAY}, today=TODAY)
    with pytest.raises(NotFoundError):
        end_regular(ctx, med_id + 99, TODAY, today=TODAY)
    assert [r.end for _, r in medication(ctx).regular] == [None]


def test_medication_as_needed_doses_are_listed_newest_first_and_read_by_range(ctx):
    for days_ago in (10, 3, 1):
        log_dose(ctx, {"name": "Paracetamol", "dose": 1000, "unit": "mg", "taken_at": NOW - timedelta(days=days_ago)},
                 now=NOW)  # fmt: skip
    with pytest.raises(ValidationError, match="Taken at"):
        log_dose(ctx, {"name": "Paracetamol", "dose": 1, "unit": "tablets", "taken_at": NOW + timedelta(days=1)},
                 now=NOW)  # fmt: skip
    assert [d.taken_at for _, d in medication(ctx).doses] == [NOW - timedelta(days=d) for d in (1, 3, 10)]
    assert len(doses_between(ctx, TODAY - timedelta(days=3), TODAY)) == 2


def test_sleep_is_stored_with_the_morning_check_in_and_compared_with_pain(ctx):
    ctx_regions = ("lower_back",)
    for i, (sleep, pain) in enumerate([(8, 2), (7, 3), (9, 2), (3, 6), (2, 5), (4, 6)]):
        day = START + timedelta(days=i)
        record_morning(ctx, day, dict.fromkeys(ctx_regions, pain), today=TODAY, sleep=sleep)
    record_morning(ctx, START + timedelta(days=6), {"lower_back": 4}, today=TODAY)  # sleep left out
    nights = sleep_nights(ctx, START, TODAY)
    assert len(nights) == 6 and nights[START] == 8
    result = sleep_and_pain_between(ctx, START, TODAY)
    assert (result.days_with, result.days_without) == (3, 3)
    assert (result.pain_with, result.pain_without) == (2.3, 5.7)
    assert result.difference == -3.4  # of the shown (rounded) means, so the line adds up for the reader


def test_sleep_out_of_range_is_refused_beside_its_field_and_nothing_is_stored(ctx):
    with pytest.raises(ValidationError) as caught:
        record_morning(ctx, TODAY, {"lower_back": 3}, today=TODAY, sleep=11)
    assert "Sleep quality last night" in caught.value.errors["sleep"]
    assert sleep_nights(ctx, date(1900, 1, 1), TODAY) == {}
    record_morning(ctx, TODAY, {"lower_back": 3}, today=TODAY)
    assert sleep_nights(ctx, TODAY, TODAY) == {}

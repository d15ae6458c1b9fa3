"""Property tests: validation accepts exactly its ranges, and weights survive kg <-> lb round trips."""

from __future__ import annotations

import math
import unicodedata
from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.factories import NOW
from tracker import validation as v
from tracker.errors import ValidationError
from tracker.pain import NRS_MAX, NRS_MIN
from tracker.records import MAX_WEIGHT, MIN_WEIGHT, check_checkin, check_session
from tracker.session_input import EntryInput, PainInput, SessionInput, SetInput
from tracker.units import DISPLAY_DECIMALS, KG_PER_LB, display_weight, to_kg

MANY = settings(max_examples=200, deadline=None)
TODAY = NOW.date()
CATEGORIES = {"Leg press": "strength"}
finite = st.floats(allow_nan=False, allow_infinity=False)


def _session_with_weight(weight: object, unit: str) -> SessionInput:
    return SessionInput(
        started_at=datetime(2026, 11, 23, 10),
        entries=(EntryInput("Leg press", sets=(SetInput(weight, 10),)),),
        pains=(PainInput("lower_back", during=3),),
    )


def _checkin(pain: object) -> dict[str, object]:
    return {"day": TODAY, "region": "lower_back", "pain": pain}


@MANY
@given(st.integers(NRS_MIN, NRS_MAX))
def test_any_pain_score_on_the_scale_is_kept(pain: int) -> None:
    assert check_checkin(_checkin(pain), today=TODAY).pain == pain


@MANY
@given(st.one_of(st.integers(max_value=NRS_MIN - 1), st.integers(min_value=NRS_MAX + 1)))
def test_any_pain_score_off_the_scale_is_refused(pain: int) -> None:
    with pytest.raises(ValidationError) as caught:
        check_checkin(_checkin(pain), today=TODAY)
    assert "from 0 to 10" in caught.value.errors["pain"]


@MANY
@given(st.floats(NRS_MIN, NRS_MAX).filter(lambda x: not x.is_integer()))
def test_any_pain_score_with_a_fraction_is_refused(pain: float) -> None:
    with pytest.raises(ValidationError) as caught:
        check_checkin(_checkin(str(pain)), today=TODAY)
    assert "whole number" in caught.value.errors["pain"]


@MANY
@given(st.sampled_from(["kg", "lb"]), st.data())
def test_any_weight_in_range_is_accepted_and_any_outside_refused(unit: str, data: st.DataObject) -> None:
    weight = data.draw(finite)
    inside = MIN_WEIGHT <= weight <= MAX_WEIGHT[unit]
    raw = _session_with_weight(weight, unit)
    if inside:
        stored = check_session(raw, categories=CATEGORIES, unit=unit, now=NOW).entries[0].sets[0].weight_kg
        assert stored == round(to_kg(weight, unit), 4)
    else:
        with pytest.raises(ValidationError) as caught:
            check_session(raw, categories=CATEGORIES, unit=unit, now=NOW)
        assert f"Weight ({unit})" in caught.value.errors["entries.0.sets.0.weight"]


@MANY
@given(finite, finite, finite)
def test_a_number_is_accepted_exactly_when_it_lies_within_its_bounds(a: float, b: float, value: float) -> None:
    lo, hi = min(a, b), max(a, b)
    errors = v.Errors()
    # Typed with a decimal comma, as many keyboards do.
    parsed = v.number(errors, "x", repr(value).replace(".", ","), label="Value", lo=lo, hi=hi)
    if lo <= value <= hi:
        assert (parsed, errors) == (value, {})
    else:
        assert parsed is None
        assert errors["x"].startswith("Value must be a number from")


@MANY
@given(st.sampled_from(["nan", "NaN", "inf", "-inf", "Infinity", "-Infinity", "1e400", "-1e400"]), st.booleans())
def test_nan_and_infinity_never_pass_as_a_number(word: str, spaced: bool) -> None:
    errors = v.Errors()
    typed = f"  {word} " if spaced else word
    assert v.number(errors, "x", typed, label="Minutes", lo=1, hi=600) is None
    assert errors["x"].startswith("Minutes ")


_letters = st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="<")


@MANY
@given(st.text(_letters, min_size=v.MAX_NOTES + 1, max_size=v.MAX_NOTES + 300))
def test_any_text_over_the_limit_is_refused(notes: str) -> None:
    kept = unicodedata.normalize("NFC", notes.strip())
    errors = v.Errors()
    v.text(errors, "notes", notes, label="Notes", max_len=v.MAX_NOTES)
    if len(kept) > v.MAX_NOTES:
        assert errors["notes"] == f"Notes is {len(kept):,} characters long; shorten it to 2,000 or fewer."
    else:  # whitespace at the ends or composed accents brought it back under the limit
        assert "notes" not in errors or "characters long" not in errors["notes"]


@MANY
@given(st.text(_letters, max_size=v.MAX_NOTES).filter(lambda t: not t.strip().startswith(v.FORMULA_PREFIXES)))
def test_any_plain_text_within_the_limit_is_kept_as_typed(notes: str) -> None:
    errors = v.Errors()
    kept = v.text(errors, "notes", notes, label="Notes", max_len=v.MAX_NOTES)
    assert errors == {}
    assert kept == unicodedata.normalize("NFC", notes.strip())


@MANY
@given(st.sampled_from(["kg", "lb"]), st.integers(1, 11_000))
def test_a_weight_typed_in_either_unit_reads_back_as_typed(unit: str, tenths: int) -> None:
    typed = tenths / 10**DISPLAY_DECIMALS
    if typed > MAX_WEIGHT[unit]:
        return
    record = check_session(_session_with_weight(typed, unit), categories=CATEGORIES, unit=unit, now=NOW)
    stored_kg = record.entries[0].sets[0].weight_kg
    assert stored_kg is not None
    assert display_weight(stored_kg, unit) == typed


@MANY
@given(st.floats(0.1, MAX_WEIGHT["kg"]))
def test_switching_units_and_back_moves_a_weight_by_under_half_a_display_step(kg: float) -> None:
    shown_lb = display_weight(kg, "lb")
    back_kg = to_kg(shown_lb, "lb")
    half_step_kg = 0.5 * 10**-DISPLAY_DECIMALS * KG_PER_LB
    assert math.isclose(back_kg, kg, abs_tol=half_step_kg + 1e-9)
    assert display_weight(to_kg(display_weight(kg, "kg"), "kg"), "kg") == display_weight(kg, "kg")

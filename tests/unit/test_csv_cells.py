"""Cell rules of the CSV export and the date forms the importers read."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from formats.readers.cells import moment
from formats.readers.model import FileProblem
from formats.readers.reading import decode, read_csv
from formats.readers.workout_apps import bare_name, equipment_of
from formats.tables import cell, neutralise, restore


@given(st.text())
def test_neutralised_text_never_starts_like_a_formula_and_restores_exactly(text):
    safe = neutralise(text)
    assert not safe.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert restore(safe) == text


def test_cells_are_iso_dates_plain_numbers_and_yes_no():
    assert cell(datetime(2026, 11, 23, 18, 30)) == "2026-11-23 18:30:00"
    assert cell(datetime(2026, 11, 23).date()) == "2026-11-23"
    assert [cell(40.0), cell(40.25), cell(7), cell(None), cell(float("nan"))] == ["40", "40.25", "7", "", ""]
    assert [cell(True), cell(False)] == ["yes", "no"]
    assert cell("=1+1") == "'=1+1"


def test_dates_in_the_forms_threshold_strong_and_hevy_write():
    expected = datetime(2026, 7, 26, 7, 6)
    for text in ("2026-07-26 07:06:00", "2026-07-26T07:06", "26 Jul 2026, 07:06"):
        assert moment(text) == expected
    assert moment("26/07/2026") is None


def test_utf8_with_or_without_a_bom_and_latin1_fallback():
    assert decode("f.csv", "Café".encode()) == ("Café", "UTF-8")
    assert decode("f.csv", b"\xef\xbb\xbfCaf\xc3\xa9") == ("Café", "UTF-8")
    assert decode("f.csv", "Café".encode("latin-1")) == ("Café", "Latin-1")


def test_mixed_encodings_name_both_lines_or_say_the_one_line_is_not_text():
    with pytest.raises(FileProblem) as mixed:
        decode("f.csv", "a\nCafé\n".encode() + "Café\n".encode("latin-1"))
    assert "line 2 is UTF-8 but line 3 is not" in mixed.value.problem.message
    with pytest.raises(FileProblem) as binary:
        decode("f.csv", b"_\xb3i\xbfL\xdd\xbc\x0e\xc3\xa9\xff")
    message = binary.value.problem.message
    assert "line 1 mixes UTF-8 text with bytes that are not (is this a CSV file at all?)" in message
    assert "but line 1 is not" not in message


def test_rows_keep_the_line_they_start_on_across_quoted_line_breaks():
    table = read_csv("x.csv", b'a,b\n1,"two\nlines"\n\n3,4\n')
    assert table.header == ["a", "b"]
    assert [line for line, _cells in table.rows] == [2, 5]


def test_equipment_is_read_from_a_bracketed_suffix():
    assert equipment_of("Leg Press (Machine)") == "machine"
    assert equipment_of("Bench Press (Dumbbell)") == "dumbbell"
    assert equipment_of("Pull Up") is None
    assert bare_name("Leg Press (Machine)") == "Leg Press"

"""The export's column writer (formats/csv_write.py) writes what the per-cell writer writes."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from formats.csv_write import Written, columns_csv, looked_up, quoted
from formats.tables import BOM_ENCODING
from tests.unit.test_csv_columns import ANY_VALUE, MOMENTS, TEXT, _per_cell

CELL_TEXT = st.one_of(st.text(alphabet=",\"\r\n a'=", max_size=8), TEXT)


@settings(max_examples=300, deadline=None)
@given(st.lists(CELL_TEXT, min_size=2, max_size=4))
def test_each_cell_is_quoted_as_the_csv_module_quotes_it(row):
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(row)
    assert ",".join(map(quoted, row)) + "\r\n" == buffer.getvalue()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(ANY_VALUE, ANY_VALUE, st.integers(0, 10**6), st.none() | MOMENTS), max_size=25))
def test_a_file_written_by_columns_is_byte_identical_to_the_per_cell_writer(rows):
    header = ["a", "b", "c", "d"]
    columns = [list(column) for column in zip(*rows, strict=True)] if rows else [[], [], [], []]
    assert columns_csv(header, columns) == _per_cell(header, [list(row) for row in rows])


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(st.none(), CELL_TEXT, st.integers()), max_size=10))
def test_a_file_of_one_column_is_byte_identical_to_the_per_cell_writer(values):
    assert columns_csv(["a"], [values]) == _per_cell(["a"], [[value] for value in values])
    assert columns_csv([""], [values]) == _per_cell([""], [[value] for value in values])


def test_a_column_already_written_goes_out_as_it_is():
    day = [date(2026, 1, 2), date(2026, 1, 3)]
    started = Written(["2026-01-02 09:30:00", ""])
    text = columns_csv(["day", "started_at", "n"], [day, started, [1, None]]).decode(BOM_ENCODING)
    assert text == "day,started_at,n\r\n2026-01-02,2026-01-02 09:30:00,1\r\n2026-01-03,,\r\n"


def test_notes_with_a_comma_quote_or_line_break_are_quoted():
    notes = ['slow, then "easy"', "two\nlines", "plain"]
    text = columns_csv(["notes", "when"], [notes, [datetime(2026, 1, 2, 9, 30)] * 3]).decode(BOM_ENCODING)
    assert text.startswith('notes,when\r\n"slow, then ""easy""",2026-01-02 09:30:00\r\n"two\nlines",')


def test_looking_up_no_one_or_many_keys_gives_one_value_per_key_in_order():
    texts = {1: "a", 2: "b", None: ""}
    assert list(looked_up(texts, [])) == []
    assert list(looked_up(texts, [2])) == ["b"]
    assert list(looked_up(texts, [2, None, 1, 2])) == ["b", "", "a", "b"]

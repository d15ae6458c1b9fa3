"""The export's fast CSV writer (rules by type, a column at a time) writes exactly what the per-cell rule writes."""

from __future__ import annotations

import csv
import io
from datetime import datetime

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from formats.csv_columns import column_cells, row_cells, rows_csv
from formats.csv_export import write_csv
from formats.tables import BOM_ENCODING, cell

HOSTILE = st.sampled_from(
    [
        '=HYPERLINK("http://x")',
        "+1",
        "-2",
        "@SUM(A1)",
        "\tindent",
        "\rcarriage",
        "'quoted",
        "<script>alert(1)</script>",
        "**bold** [link](http://x)",
        "café ☕ 𝄞",
        'comma, "quote"\nnewline',
        "",
        " ",
    ]
)
TEXT = st.one_of(HOSTILE, st.text())
FLOATS = st.floats(allow_nan=True, allow_infinity=False, width=64)
MOMENTS = st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1))
ANY_VALUE = st.one_of(
    st.none(), TEXT, FLOATS, st.integers(-(2**62), 2**62), st.booleans(), MOMENTS, MOMENTS.map(datetime.date)
)


def _per_cell(header: list[str], rows: list[list[object]]) -> bytes:
    """The export's writer before it went column by column: every cell through `cell`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([cell(v) for v in row] for row in rows)
    return buffer.getvalue().encode(BOM_ENCODING)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.none(), TEXT), max_size=30))
def test_text_columns_are_guarded_like_each_cell(values):
    assert column_cells(values) == [cell(v) for v in values]


@settings(max_examples=300, deadline=None)
@given(st.lists(ANY_VALUE, max_size=20))
def test_a_column_of_any_mix_of_values_reads_like_each_cell(values):
    assert column_cells(values) == [cell(v) for v in values]
    assert row_cells(values) == [cell(v) for v in values]


@settings(max_examples=200, deadline=None)
@given(st.lists(FLOATS, max_size=30))
def test_float_columns_are_short_exact_numbers(values):
    assert column_cells(values) == [cell(v) for v in values]


def test_one_true_and_ones_stay_yes_and_numbers_in_a_mixed_column():
    assert column_cells([1, True, 1.0, None, False, 0]) == ["1", "yes", "1", "", "no", "0"]


@settings(deadline=None)
@given(st.lists(MOMENTS, max_size=10), st.lists(st.booleans(), max_size=10))
def test_datetime_and_bool_columns(moments, flags):
    assert column_cells([*moments, None]) == [cell(v) for v in [*moments, None]]
    assert column_cells(flags) == [cell(v) for v in flags]


def test_values_of_other_types_go_through_the_cell_rule():
    values = [pd.Timestamp("2026-01-02 03:04:05"), np.int64(7), np.float64(2.5), pd.NA, pd.NaT, np.bool_(True)]
    assert column_cells(values) == ["2026-01-02 03:04:05", "7", "2.5", "", "", "yes"]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 10**6), TEXT, FLOATS, st.none() | MOMENTS), max_size=25))
def test_a_whole_file_is_byte_identical_to_the_per_cell_writer(rows):
    header = ["session_id", "notes", "weight_kg", "started_at"]
    as_values = [list(r) for r in rows]
    assert rows_csv(header, rows) == _per_cell(header, as_values)
    assert write_csv(header, as_values) == _per_cell(header, as_values)


def test_formulas_get_their_guard_and_missing_values_stay_empty():
    rows = [("=1+1", 6.0), (None, float("nan")), ("fine", 7.5), ("'kept", 1e20)]
    text = rows_csv(["notes", "rpe"], rows).decode(BOM_ENCODING)
    assert text.splitlines() == ["notes,rpe", "'=1+1,6", ",", "fine,7.5", "''kept,1e+20"]


def test_a_table_without_rows_is_its_header():
    assert rows_csv(["day", "pain"], []).decode(BOM_ENCODING) == "day,pain\r\n"

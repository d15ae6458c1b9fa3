"""The column-at-a-time CSV writer writes exactly what the export's per-cell rule writes."""

from __future__ import annotations

import csv
import io
from datetime import datetime

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from formats.csv_columns import column_cells, frame_csv
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
    assert column_cells(pd.Series(values, dtype=object)) == [cell(v) for v in values]


@settings(max_examples=300, deadline=None)
@given(st.lists(ANY_VALUE, max_size=20))
def test_a_column_of_any_mix_of_values_reads_like_each_cell(values):
    assert column_cells(pd.Series(values, dtype=object)) == [cell(v) for v in values]


@settings(max_examples=200, deadline=None)
@given(st.lists(FLOATS, max_size=30))
def test_float_columns_are_short_exact_numbers(values):
    column = pd.Series(values, dtype="float64")
    assert column_cells(column) == [cell(v) for v in column.astype(object)]


@settings(deadline=None)
@given(st.lists(MOMENTS, max_size=10), st.lists(st.booleans(), max_size=10))
def test_datetime_and_bool_columns(moments, flags):
    stamps = pd.Series(pd.to_datetime([*moments, None]))
    assert column_cells(stamps) == [cell(v) for v in stamps.astype(object)]
    assert column_cells(pd.Series(flags, dtype=bool)) == [cell(v) for v in flags]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 10**6), TEXT, FLOATS, st.none() | MOMENTS), max_size=25))
def test_a_whole_file_is_byte_identical_to_the_per_cell_writer(rows):
    header = ["session_id", "notes", "weight_kg", "started_at"]
    frame = pd.DataFrame(rows, columns=header)
    if rows:
        frame = frame.astype({"session_id": "int64", "weight_kg": "float64"})
    as_values = [list(r) for r in rows]
    assert frame_csv(header, frame) == _per_cell(header, as_values)
    assert write_csv(header, as_values) == _per_cell(header, as_values)


def test_formulas_get_their_guard_and_missing_values_stay_empty():
    frame = pd.DataFrame({"notes": ["=1+1", None, "fine", "'kept"], "rpe": [6.0, np.nan, 7.5, 1e20]})
    text = frame_csv(["notes", "rpe"], frame).decode(BOM_ENCODING)
    assert text.splitlines() == ["notes,rpe", "'=1+1,6", ",", "fine,7.5", "''kept,1e+20"]

"""A large CSV's text is split into lines a chunk at a time, exactly as one StringIO over it would split it."""

from __future__ import annotations

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from formats.readers import reading
from formats.readers.reading import lines, read_csv

# Text made of the characters that decide where lines end, and a few that do not.
TEXT = st.text(alphabet=st.sampled_from(["a", ",", '"', "\r", "\n", "é"]), max_size=60)


@given(TEXT, st.integers(min_value=1, max_value=8))
def test_lines_in_chunks_are_the_lines_of_the_whole_text(text: str, chunk: int) -> None:
    original = reading.LINES_CHUNK
    reading.LINES_CHUNK = chunk
    try:
        assert list(lines(text)) == list(io.StringIO(text, newline=""))
    finally:
        reading.LINES_CHUNK = original


def test_a_quoted_cell_with_a_line_break_across_a_chunk_edge_keeps_its_rows_and_line_numbers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(reading, "LINES_CHUNK", 4)
    csv = read_csv("notes.csv", b'session_id,notes\r\n1,"first\r\nsecond"\r\n2,plain\r\n')
    assert list(csv.rows) == [(2, ["1", "first\r\nsecond"]), (4, ["2", "plain"])]

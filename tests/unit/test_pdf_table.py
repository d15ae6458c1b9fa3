"""The session log's table: every cell's text wrapped inside its column, nothing lost, rows never split."""

from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from itertools import pairwise

from fpdf import FPDF
from fpdf.fonts import TTFFont
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from formats.pdf_document import FAMILY, FONTS
from formats.pdf_table import PT_PER_MM, TableStyle, draw_table, wrap

SIZE = 8
SCALE = SIZE * 0.001 / PT_PER_MM
STYLE = TableStyle((30.0, 60.0), size=SIZE, line=4, padding=1, heading_grey=230, cut="…")


def _pdf() -> FPDF:
    pdf = FPDF(format="A4")
    pdf.add_font(FAMILY, "", FONTS / "DejaVuSans.ttf")
    pdf.add_font(FAMILY, "B", FONTS / "DejaVuSans-Bold.ttf")
    pdf.set_font(FAMILY, size=SIZE)
    pdf.add_page()
    return pdf


PDF = _pdf()


def width(text: str) -> float:
    """The text's width in mm as fpdf2 itself measures it."""
    return float(PDF.get_string_width(text))


def letters() -> Mapping[int, float]:
    font = PDF.current_font
    assert isinstance(font, TTFFont)
    return font.cw


TEXT = st.lists(st.sampled_from([*"Wmil.1 —éß€\n", "WWWWWWWW", "  "]), max_size=200).map("".join)


@given(TEXT, st.sampled_from([8.0, 20, 58]))
def test_no_line_is_wider_than_its_column_and_no_letter_is_lost(text: str, column: float) -> None:
    lines = wrap(text, column, letters(), SCALE)
    assert all(width(line) <= column + 1e-6 or len(line) == 1 for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "").replace("\n", "")


def test_words_that_fit_stay_whole_and_line_breaks_are_kept() -> None:
    first, second = "Felt stiff at the start, loosened up after the warm-up.", "Stairs fine"
    lines = wrap(f"{first}\n{second}", 40, letters(), SCALE)
    assert " ".join(lines[:-1]) == first and lines[-1] == second
    for line, after in pairwise(lines[:-1]):
        assert width(f"{line} {after.split()[0]}") > 40, "each line takes as many words as fit"
    assert wrap("", 40, letters(), SCALE) == [""]


def test_a_word_wider_than_the_column_is_broken_inside() -> None:
    lines = wrap("W" * 30, 20, letters(), SCALE)
    assert len(lines) > 1 and "".join(lines) == "W" * 30


def _table_text(rows: list[list[str]]) -> list[str]:
    pdf = _pdf()
    draw_table(pdf, FAMILY, STYLE, ["When", "Notes"], rows)
    return [page.extract_text() for page in PdfReader(BytesIO(bytes(pdf.output()))).pages]


def test_a_long_table_goes_on_over_pages_with_its_headings_and_never_splits_a_row() -> None:
    rows = [[f"day {i}", f"first line of row {i}\nsecond line of row {i}"] for i in range(120)]
    pages = _table_text(rows)
    assert len(pages) > 1
    for page in pages:
        assert page.startswith("When Notes")
        assert page.count("first line") == page.count("second line")
    assert sum(page.count("first line") for page in pages) == 120


def test_a_cell_taller_than_a_page_keeps_what_fits_and_says_it_was_cut() -> None:
    pages = _table_text([["today", "\n".join(f"line {i}" for i in range(200))]])
    assert len(pages) == 1
    assert "line 0" in pages[0] and "line 199" not in pages[0] and "…" in pages[0]

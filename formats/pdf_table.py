"""A plain table on fpdf2 pages at fixed column widths, its text wrapped here with the font's own letter widths.

fpdf2's table() sends every letter of every cell through its general line breaker (text shaping, markdown,
fragments): about 1.2 s for a year's session log. A log cell needs none of that, so each cell is wrapped once
with a table of letter widths and its lines are written with FPDF.text(): a few hundredths of a second.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from fpdf import FPDF
from fpdf.fonts import TTFFont

PT_PER_MM = 72 / 25.4
# Where fpdf2's cell() puts a line's baseline: half the line height, then 0.3 of the font size down.
BASELINE = 0.3


@dataclass(frozen=True)
class TableStyle:
    """Column widths and text size of a table (lengths in mm, the font size in points)."""

    widths: tuple[float, ...]
    size: float
    line: float
    """The height of one line of text."""
    padding: float
    """Room between a cell's text and its left and right borders."""
    heading_grey: int
    cut: str
    """Printed at the end of a cell's last line when the cell is longer than a whole page."""


def _split_word(word: str, width: float, letters: Mapping[int, float], scale: float) -> list[str]:
    """A word wider than the column, in pieces that each fit (at least one letter each)."""
    pieces, piece, used = [], "", 0.0
    for c in word:
        w = letters[ord(c)] * scale
        if piece and used + w > width:
            pieces.append(piece)
            piece, used = "", 0.0
        piece += c
        used += w
    return [*pieces, piece]


def wrap(text: str, width: float, letters: Mapping[int, float], scale: float) -> list[str]:
    """The text in lines no wider than `width` mm: broken at spaces where it can be, inside a word where a word
    alone is too wide, and at every line break. `letters` maps a code point to its width in font units."""
    lines: list[str] = []
    space = letters[32] * scale
    for paragraph in text.replace("\t", " ").splitlines() or [""]:
        line, used = "", 0.0
        for word in paragraph.split(" "):
            w = sum(letters[ord(c)] for c in word) * scale
            if line and used + space + w <= width:
                line, used = f"{line} {word}", used + space + w
                continue
            if line or used:
                lines.append(line)
            if w > width:
                *full, word = _split_word(word, width, letters, scale)
                lines.extend(full)
                w = sum(letters[ord(c)] for c in word) * scale
            line, used = word, w
        lines.append(line)
    return lines


def _row(pdf: FPDF, style: TableStyle, cells: Sequence[list[str]], *, fill: bool) -> None:
    """One row at the current position: its borders (filled grey for the heading) and its lines."""
    height = max(len(lines) for lines in cells) * style.line
    x, y = pdf.l_margin, pdf.y
    if fill:
        pdf.set_fill_color(style.heading_grey)
    first_baseline = y + style.line / 2 + BASELINE * style.size / PT_PER_MM
    for width, lines in zip(style.widths, cells, strict=True):
        pdf.rect(x, y, width, height, style="DF" if fill else "D")
        for i, line in enumerate(lines):
            if line:
                pdf.text(x + style.padding, first_baseline + i * style.line, line)
        x += width
    pdf.set_y(y + height)


def _letters(pdf: FPDF) -> Mapping[int, float]:
    """The current font's letter widths by code point (a TrueType font: the core fonts cannot print most text)."""
    font = pdf.current_font
    if not isinstance(font, TTFFont):
        raise TypeError("draw_table needs a TrueType font set with add_font()")
    return font.cw


def draw_table(
    pdf: FPDF, family: str, style: TableStyle, headings: Sequence[str], rows: Iterable[Sequence[str]]
) -> None:
    """The table from the current position down, continuing on new pages with the headings repeated.

    Every cell is wrapped to its column. A row never splits over two pages; one taller than a whole page keeps
    the lines that fit and ends with `style.cut`.
    """
    pdf.set_font(family, "B", style.size)
    # mm per unit of the font's letter widths (thousandths of the font size)
    scale = style.size * 0.001 / PT_PER_MM
    bold = _letters(pdf)
    heading = [wrap(h, w - 2 * style.padding, bold, scale) for h, w in zip(headings, style.widths, strict=True)]
    heading_height = max(len(lines) for lines in heading) * style.line
    room = int((pdf.page_break_trigger - pdf.t_margin - heading_height) / style.line)
    pdf.set_font(family, "", style.size)
    regular = _letters(pdf)

    def headings_row() -> None:
        pdf.set_font(family, "B", style.size)
        _row(pdf, style, heading, fill=True)
        pdf.set_font(family, "", style.size)

    headings_row()
    for cells in rows:
        wrapped = [wrap(c, w - 2 * style.padding, regular, scale) for c, w in zip(cells, style.widths, strict=True)]
        wrapped = [_fit(lines, room, style.cut) for lines in wrapped]
        if pdf.y + max(len(lines) for lines in wrapped) * style.line > pdf.page_break_trigger:
            pdf.add_page()
            headings_row()
        _row(pdf, style, wrapped, fill=False)


def _fit(lines: list[str], room: int, cut: str) -> list[str]:
    """At most `room` lines, the last one ending in `cut` when some were left out."""
    if len(lines) <= room:
        return lines
    return [*lines[: room - 1], lines[room - 1][:-1] + cut]

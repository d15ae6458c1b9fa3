"""The doctor's report as an fpdf2 document: A4 pages in DejaVu Sans with a footer (and a demo mark), its
paragraphs, and a ruler that measures text without writing it (formats/report_pdf.py writes the report)."""

from __future__ import annotations

from copy import copy, deepcopy
from datetime import date
from pathlib import Path
from typing import Any

from fpdf import FPDF
from fpdf.fonts import CoreFont, SubsetMap, TTFFont

from formats.pdf_table import PT_PER_MM, wrap
from tracker.advice import day_text

FONTS = Path(__file__).resolve().parent.parent / "assets" / "fonts"
FAMILY = "DejaVu"
# Printed for a character the font has no letter for (Chinese, Japanese, Korean, some symbols), so the
# reader sees that something was there rather than a silent gap.
MISSING = "\ufffd"
# On every page of a report made in demo mode (header and page 1), so a printout never passes for a real record.
DEMO_MARK = "Demo: made-up example data, not a real person's record"
DEMO_COLOUR = (170, 60, 0)


class ReportDocument(FPDF):
    """A4 pages in DejaVu Sans (so any language's letters print) with a footer on each page.

    A demo report also says so in a header on each page, and its footer does not claim a patient reported it.
    """

    def __init__(self, generated: date, *, demo: bool = False, like: ReportDocument | None = None) -> None:
        super().__init__(format="A4")
        self.generated = generated
        self.demo = demo
        if like is None:
            self.add_font(FAMILY, "", FONTS / "DejaVuSans.ttf")
            self.add_font(FAMILY, "B", FONTS / "DejaVuSans-Bold.ttf")
        else:
            # Reading the two font files costs about 0.15 s: a try at page 1 shares what `like` read.
            self.fonts.update({key: _unused(font) for key, font in like.fonts.items()})
        self.set_margins(15, 15, 15)
        self.set_auto_page_break(True, margin=15)
        self.set_font(FAMILY, size=10)
        regular, bold = (font for key, font in self.fonts.items() if isinstance(font, TTFFont))
        self.covered = {ord(c) for c in "\n\t"} | (set(regular.cmap) & set(bold.cmap))

    def printable(self, text: str) -> str:
        """The text with each character the font cannot draw shown as MISSING."""
        return "".join(c if ord(c) in self.covered else MISSING for c in text)

    def header(self) -> None:
        """In demo mode only: the demo mark at the top of the page."""
        if not self.demo:
            return
        self.set_y(6)
        self.set_font(FAMILY, "B", 8)
        self.set_text_color(*DEMO_COLOUR)
        self.cell(0, 5, f"{DEMO_MARK}.", align="C")
        self.set_text_color(0)
        self.set_font(FAMILY, size=10)
        self.set_y(self.t_margin)

    def footer(self) -> None:
        """Where the numbers come from, and the page number."""
        self.set_y(-12)
        self.set_font(FAMILY, size=7)
        self.set_text_color(110)
        source = "Made-up demo data" if self.demo else "Self-reported by the patient"
        self.cell(
            0,
            5,
            f"{source} in Threshold on {day_text(self.generated)}. Page {self.page_no()}/{{nb}}",
            align="C",
        )
        self.set_text_color(0)


def _unused(font: CoreFont | TTFFont) -> CoreFont | TTFFont:
    """A font of another document that has drawn nothing yet, for a new one: it shares the font's tables and
    letter widths, which drawing only reads (fpdf2's own copy duplicates the widths: 0.1 s a try), and keeps its
    own record of the letters used, which the new document's file embeds."""
    if not isinstance(font, TTFFont):
        return deepcopy(font)
    fresh = copy(font)
    fresh.missing_glyphs = []
    fresh.subset = SubsetMap(fresh)
    return fresh


def heading(pdf: ReportDocument, text: str, size: float = 11) -> None:
    """A bold paragraph at `size` points, in lines of half that many mm."""
    pdf.set_font(FAMILY, "B", size)
    pdf.multi_cell(0, size * 0.5, pdf.printable(text), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, size=10)


def line(pdf: ReportDocument, text: str, *, size: float = 10, indent: float = 0) -> None:
    """A paragraph at `size` points, `indent` mm in, in lines of half that many mm."""
    pdf.set_font(FAMILY, size=size)
    pdf.set_x(pdf.l_margin + indent)
    pdf.multi_cell(0, size * 0.5, pdf.printable(text), align="L", new_x="LMARGIN", new_y="NEXT")


class Ruler(ReportDocument):
    """A document that only measures how far down its page text written with `heading` and `line` would reach
    (`y`), with the letter widths fpdf2 breaks lines by: about a fiftieth of the time of writing it.

    Lines break as formats/pdf_table.wrap breaks them, which can differ from fpdf2 where a word only just fits, so
    a measure is good to about a line a paragraph.
    """

    def add_page(self, *args: Any, **kwargs: Any) -> None:
        """Start measuring at the top margin (no page is made)."""
        self.x, self.y = self.l_margin, self.t_margin

    def multi_cell(self, *args: Any, **kwargs: Any) -> Any:
        """Move down by the paragraph's lines, as fpdf2's multi_cell(w, h, text) at new_x=LMARGIN, new_y=NEXT."""
        w, h, text = args[:3]
        font = self.current_font
        assert isinstance(font, TTFFont)
        width = (w or self.w - self.r_margin - self.x) - 2 * self.c_margin
        self.x, self._lasth = self.l_margin, h
        self.y += len(wrap(text, width, font.cw, self.font_size_pt * 0.001 / PT_PER_MM)) * h

    def ln(self, h: float | None = None) -> None:
        """Move down by `h` (or the last line's height) to the left margin, as fpdf2's ln."""
        self.x = self.l_margin
        self.y += h if h is not None else self._lasth or self.font_size

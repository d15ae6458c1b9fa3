"""The doctor's report as a PDF: page 1 the summary, then the charts, then the session log as a table.

Everything comes in as plain values (services/report.py gathers them): the summary, the charts as PNG images,
and the log.
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Iterable
from datetime import date
from io import BytesIO

import pandas as pd

from formats.pdf_document import DEMO_COLOUR, DEMO_MARK, FAMILY, ReportDocument, Ruler, heading, line
from formats.pdf_table import TableStyle, draw_table
from tracker.pain import MCID_PERCENT, MCID_POINTS, WOBBLE_POINTS
from tracker.psfs import MCID_ACTIVITY, MCID_AVERAGE
from tracker.report import ReportData, regions_text, summary

LOG_WIDTHS = (22, 54, 40, 20, 9, 35)  # mm; 180 mm of an A4 page's 210 with 15 mm margins
LOG_HEADINGS = ("Date", "Exercises", "Pain (before → during → after → next morning)", "Outcome", "RPE", "Notes")
# A table row cannot continue on the next page, so each cell of the log keeps at most this many characters
# and line breaks (the rest becomes "…", or one line). At 8 pt the narrowest column of free text (notes) fits
# about 12 of the widest letters a line, so even 500 of them in 8 lines take under 50 lines of 4 mm: under 3/4 of
# a page's 267 mm.
# The CSV export keeps every word.
LOG_CELL_CHARS = 500
LOG_CELL_LINES = 8
CUT = "…"
# 8 pt text in lines of 4 mm, 1 mm from the borders, headings on light grey.
LOG_STYLE = TableStyle(LOG_WIDTHS, size=8, line=4, padding=1, heading_grey=230, cut=CUT)
CHART_WIDTH = 180
# Room for a chart's title and its two- or three-line key (mm).
KEY_ROOM = 24
# Room above a chart for the page's header line and the chart's title (mm).
TITLE_ROOM = 16
TITLE = "Exercise and pain report"
# Under the log's heading: what its outcome column says, in page 1's terms.
LOG_KEY = (
    "Outcome: tolerated (pain during within the limit and the next morning settled), over the limit (pain during "
    "above it; 'worse next morning' added when that morning was worse too), worse next morning (within the limit, "
    "but 2 or more points above the level before the session), no morning rating, or no pain rating. Page 1 counts "
    "them."
)


# Page 1 is what a doctor reads first: when its blocks do not fit at the usual size, the text and the gaps between
# blocks shrink a step at a time (down to 8.5 pt) before anything spills onto page 2.
PAGE_ONE_STEPS = ((10.0, 2.5), (9.5, 1.8), (9.0, 1.2), (8.5, 0.8))


# A step whose page 1 a ruler measures this far (mm) or more below the page's end is not tried: the ruler's lines
# may differ from fpdf2's by one in a paragraph, not by one in each of several.
SURELY_OVER = 10


def _page_one(template: ReportDocument, report: ReportData, *, measure: bool = True) -> ReportDocument:
    """A document with page 1 written at the first step that fits it on one page (else at the smallest).

    Each try starts from a copy of `template`, whose fonts have drawn nothing yet, so the try that fits is the
    document, as it would have been had page 1 been written on a fresh one. With `measure`, a step that surely
    does not fit is skipped without writing it (writing page 1 costs about 0.1 s a try).
    """
    ruler = Ruler(template.generated, demo=template.demo, like=template)
    for number, (size, gap) in enumerate(PAGE_ONE_STEPS, start=1):
        if measure and number < len(PAGE_ONE_STEPS):
            _draw_page_one(ruler, report, size, gap)
            if ruler.y > ruler.page_break_trigger + SURELY_OVER:
                continue
        pdf = ReportDocument(template.generated, demo=template.demo, like=template)
        _draw_page_one(pdf, report, size, gap)
        if pdf.page == 1:
            break
    return pdf


def _draw_page_one(pdf: ReportDocument, report: ReportData, size: float, gap: float) -> None:
    pdf.add_page()
    heading(pdf, TITLE, size=16)
    if pdf.demo:
        pdf.set_text_color(*DEMO_COLOUR)
        heading(pdf, f"{DEMO_MARK}.")
        pdf.set_text_color(0)
    pdf.ln(1)
    if report.name:
        line(pdf, f"Patient: {report.name}", size=size + 1)
    line(pdf, f"Period: {report.period_text}", size=size + 1)
    line(pdf, f"Body regions: {regions_text(report.regions)}", size=size + 1)
    if report.note:
        line(pdf, f"Note from the patient: {report.note}", size=size)
    if report.empty:
        pdf.ln(2)
        line(pdf, "Nothing was logged in this period.", size=size + 1)
    for section in summary(report):
        pdf.ln(gap)
        heading(pdf, section.title, size=size + 1)
        for text in section.lines:
            line(pdf, f"• {text}", size=size, indent=2)
    pdf.ln(gap + 0.5)
    line(
        pdf,
        f"Pain is rated 0-10 (numeric rating scale). A change counts as clinically important from "
        f"{MCID_POINTS:g} points, or from {MCID_PERCENT:g}% of the baseline when the change is also at least "
        f"{WOBBLE_POINTS:g} point (a rating's day-to-day wobble); smaller changes are reported as "
        "'no clear change'. PEG-3 is the mean of pain, interference with enjoyment of life and with general "
        "activity (0-10).",
        size=8,
    )
    if report.function is not None or report.pgic:
        line(
            pdf,
            f"PSFS (Patient-Specific Functional Scale): activities the patient named; {MCID_AVERAGE:g} points on the "
            f"average or {MCID_ACTIVITY:g} on one activity is clinically important. PGIC (Patient Global Impression "
            "of Change): 1 = very much improved, 4 = no change, 7 = very much worse.",
            size=8,
        )


def _charts(pdf: ReportDocument, charts: Iterable[tuple[str, bytes, str]]) -> None:
    for number, (title, png, key) in enumerate(charts):
        if number == 0:
            pdf.add_page()
            heading(pdf, "Charts", size=14)
        width_px, height_px = struct.unpack(">II", png[16:24])  # a PNG's IHDR chunk starts at byte 16
        # A tall picture (the stacked threshold charts) is drawn narrower so it fits one page whole with its title
        # and key: a chart split over two pages, or printed under the footer, loses its dates.
        width = min(CHART_WIDTH, (pdf.eph - KEY_ROOM - TITLE_ROOM) * width_px / height_px)
        if pdf.will_page_break(width * height_px / width_px + KEY_ROOM + TITLE_ROOM):
            pdf.add_page()  # keep each title and key on the page of its chart
        pdf.ln(2)
        heading(pdf, title)
        pdf.image(BytesIO(png), w=width)
        if key:
            line(pdf, key, size=8)


def _log(pdf: ReportDocument, log: pd.DataFrame) -> None:
    pdf.add_page()
    heading(pdf, "Session log", size=14)
    if log.empty:
        line(pdf, "No sessions in this period.")
        return
    line(pdf, LOG_KEY, size=8)
    pdf.ln(1)
    rows = (
        [
            pdf.printable(shortened(cell))
            for cell in (
                f"{row.when:%Y-%m-%d %H:%M}",
                str(row.exercises),
                str(row.pain),
                str(row.outcome),
                _effort(row.effort),
                str(row.notes or ""),
            )
        ]
        for row in log.itertuples(index=False)
    )
    draw_table(pdf, FAMILY, LOG_STYLE, LOG_HEADINGS, rows)
    pdf.set_font(FAMILY, size=10)
    if any(len(str(cell)) > LOG_CELL_CHARS for cell in log["notes"].tolist() + log["exercises"].tolist()):
        pdf.ln(2)
        line(
            pdf,
            f"Longer entries are cut at {LOG_CELL_CHARS} characters ({CUT}); the CSV export has them in full.",
            size=8,
        )


def _effort(rpe: object) -> str:
    return "" if pd.isna(rpe) else str(rpe)


def shortened(text: str) -> str:
    """The text, cut with an ellipsis when it is longer than a log cell may be, and its lines after the 8th joined."""
    lines = text.splitlines()
    if len(lines) > LOG_CELL_LINES:
        text = "\n".join(lines[: LOG_CELL_LINES - 1]) + " " + " ".join(lines[LOG_CELL_LINES - 1 :])
    return text if len(text) <= LOG_CELL_CHARS else text[: LOG_CELL_CHARS - 1].rstrip() + CUT


def render_pdf(
    report: ReportData,
    log: pd.DataFrame,
    charts: Iterable[tuple[str, bytes, str]] | Callable[[], Iterable[tuple[str, bytes, str]]] = (),
    *,
    generated: date | None = None,
    demo: bool = False,
) -> bytes:
    """The report's bytes from already gathered data: summary, charts (title, PNG, key) and the session log.

    `charts` may also be a function giving them, called once page 1 is written (while it was, another process
    may have been drawing them); each chart is laid out as it comes, so the next may still be being drawn.

    With `demo`, every page, the title and the file's metadata say the data is made up.
    """
    pdf = _page_one(ReportDocument(generated or date.today(), demo=demo), report)
    if demo:
        pdf.set_title(f"{TITLE} (demo, made-up data)")
        pdf.set_subject(DEMO_MARK)
    else:
        pdf.set_title(TITLE)
    pdf.set_creator("Threshold")
    _charts(pdf, charts() if callable(charts) else charts)
    _log(pdf, log)
    return bytes(pdf.output())

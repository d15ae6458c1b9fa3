"""Page 1 of the PDF is written at the largest text size that fits it on one page: a step the ruler measures as
surely too long is skipped, and the page is the one written had every step been tried."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

import pytest

from formats.pdf_document import ReportDocument, Ruler
from formats.report_pdf import PAGE_ONE_STEPS, _draw_page_one, _page_one
from tracker.report import Adherence, ChangeLine, ReportData

START = date(2026, 9, 1)
WORDS = "Raise the leg press by 2.5 kg after two settled sessions at the same load"
ODD = "WWWW Wmil.1 —éß€ 漢😀 " * 6


def _report(changes: int, title: str = WORDS, note: str = "") -> ReportData:
    lines = tuple(ChangeLine(START + timedelta(days=i), f"{title} ({i})") for i in range(changes))
    report = ReportData("Ann", START, date(2026, 11, 23), ("lower_back",), "kg", Adherence(24, 12, 360))
    return replace(report, changes=lines, note=note)


REPORTS = {
    "short": _report(2),
    "just over at 10 pt": _report(24),
    "over at 9.5 pt": _report(30),
    "over at every size": _report(60),
    "wide and missing letters": _report(12, title=ODD, note=ODD * 3),
}


@pytest.mark.parametrize("report", REPORTS.values(), ids=REPORTS.keys())
def test_the_ruler_measures_page_one_where_fpdf_writes_it(report: ReportData) -> None:
    template = ReportDocument(date(2026, 11, 23))
    ruler = Ruler(template.generated, like=template)
    for size, gap in PAGE_ONE_STEPS:
        written = ReportDocument(template.generated, like=template)
        _draw_page_one(written, report, size, gap)
        _draw_page_one(ruler, report, size, gap)
        if written.page == 1:
            assert ruler.y == pytest.approx(written.y, abs=size)  # at most one line apart
        else:
            assert ruler.y > ruler.page_break_trigger - size


@pytest.mark.parametrize("demo", [False, True])
@pytest.mark.parametrize("report", REPORTS.values(), ids=REPORTS.keys())
def test_page_one_is_the_page_written_had_every_size_been_tried(report: ReportData, demo: bool) -> None:
    template = ReportDocument(date(2026, 11, 23), demo=demo)
    measured = _page_one(template, report)
    tried = _page_one(template, report, measure=False)
    assert measured.page == tried.page
    assert _written(measured) == _written(tried)


def _written(pdf: ReportDocument) -> list[bytes]:
    """What each page draws, without the placeholder (random per document) the page count is later written over."""
    pages = [pdf.pages[n].contents for n in pdf.pages]
    return [re.sub(rb"::placeholder:[0-9a-f-]+::", b"", bytes(page)) for page in pages if isinstance(page, bytearray)]

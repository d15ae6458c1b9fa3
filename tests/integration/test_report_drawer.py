"""The command line's report draws its charts in a second process: the same PDF, and still a PDF if it fails."""

from __future__ import annotations

import re
import sys

import pytest

from cli import main
from formats.chart_process import ChartProcess, ChartProcessError
from services.context import ensure_profile
from services.report import report_pdf
from tests.factories import NOW
from tests.progress_history import fill_weeks

TODAY = NOW.date()
REGIONS = ("lower_back",)
GONE = (sys.executable, "-c", "pass")
SILENT = (sys.executable, "-c", "import sys; sys.stdin.buffer.read(1)")  # reads the start of a request, answers nothing


def _content(pdf: bytes) -> bytes:
    """The PDF without the moment it was written (its creation date and the file ID made from it)."""
    undated = re.sub(rb"/CreationDate \(D:[^)]*\)", b"", pdf)
    return re.sub(rb"/ID \[<[0-9A-F]+><[0-9A-F]+>\]", b"", undated)


@pytest.fixture
def owner(sqlite_db):
    """An owner with six weeks of sessions, check-ins and PEG-3 (every chart of the report has rows)."""
    ctx = ensure_profile(sqlite_db)
    return ctx, fill_weeks(ctx, end=TODAY)


def test_charts_drawn_in_the_second_process_give_the_same_pdf(owner):
    ctx, first = owner
    here = report_pdf(ctx, start=first, end=TODAY, regions=REGIONS)
    drawer = ChartProcess()
    try:
        there = report_pdf(ctx, start=first, end=TODAY, regions=REGIONS, drawer=drawer)
    finally:
        drawer.close()
    assert _content(there) == _content(here)
    assert there.count(b"/Subtype /Image") >= 5


@pytest.mark.parametrize("closed_here", [False, True])
def test_a_chart_process_that_is_gone_still_gives_the_same_pdf(owner, closed_here):
    ctx, first = owner
    here = report_pdf(ctx, start=first, end=TODAY, regions=REGIONS)
    drawer = ChartProcess(GONE)  # ends at once, without an answer
    if closed_here:
        drawer.close()
    try:
        there = report_pdf(ctx, start=first, end=TODAY, regions=REGIONS, drawer=drawer)
    finally:
        drawer.close()
    assert _content(there) == _content(here)


def test_a_chart_process_that_ends_without_images_says_so():
    drawer = ChartProcess(SILENT)
    try:
        drawer.draw([{"vl_spec": {}}])
        with pytest.raises(ChartProcessError, match="without its images"):
            drawer.images()
    finally:
        drawer.close()


def test_a_stopped_chart_process_has_ended():
    drawer = ChartProcess()
    drawer.stop()
    with pytest.raises(ChartProcessError):
        drawer.draw([{"vl_spec": {}}])


def test_the_command_line_writes_the_report_when_no_second_process_can_start(owner, tmp_path, monkeypatch, capsys):
    ctx, first = owner

    def cannot_start() -> ChartProcess:
        raise OSError("no such interpreter")

    monkeypatch.setattr("formats.chart_process.ChartProcess", cannot_start)
    out = tmp_path / "report.pdf"
    args = ["report", "--db", str(tmp_path / "only.db"), "--start", str(first), "--end", str(TODAY), "-o", str(out)]
    assert main(args) == 0
    here = report_pdf(ctx, start=first, end=TODAY, regions=REGIONS)
    assert _content(out.read_bytes()) == _content(here)
    assert "written to" in capsys.readouterr().out

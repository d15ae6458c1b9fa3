"""The command line's report draws its charts in a second process: the same PDF, and still a PDF if it fails."""

from __future__ import annotations

import io
import os
import pickle
import re
import sys
import threading
import time

import pandas as pd
import pytest

from cli import main
from formats import charts
from formats.chart_process import ChartProcess, ChartProcessError, serve
from formats.images import png_arguments
from formats.vl_engine import draw_png, png_of_svg
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


@pytest.mark.skipif(sys.platform != "linux", reason="sets a pipe's size (Linux only)")
def test_the_chart_process_goes_on_drawing_while_its_images_wait_to_be_read():
    # The report's process reads an image only when it lays its chart out; meanwhile the next ones are drawn.
    import fcntl

    frames = [pd.DataFrame({"period": pd.to_datetime(["2026-01-05", "2026-01-12"]), "peg": [n, 4.0]}) for n in (6, 7)]
    asked = [png_arguments(charts.peg_chart(frame), scale=1.0) for frame in frames]
    requests = io.BytesIO(b"".join(pickle.dumps([chart]) for chart in asked))
    read_end, write_end = os.pipe()
    fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, 4096)  # smaller than one image
    with open(read_end, "rb") as answers_in, open(write_end, "wb") as answers:
        drawing = threading.Thread(target=serve, args=(requests, answers), daemon=True)
        drawing.start()
        waited = 0.0
        while requests.tell() < len(requests.getvalue()) and waited < 20:
            time.sleep(0.05)
            waited += 0.05
        read_all_before_answering = requests.tell() == len(requests.getvalue())
        got = [pickle.load(answers_in) for _ in asked]
        drawing.join()
    assert read_all_before_answering  # every chart asked for was taken while no image had been read
    assert got == [[("png", draw_png(chart))] for chart in asked]


def test_once_told_the_report_waits_the_chart_process_answers_with_svg_of_the_same_images():
    frames = [pd.DataFrame({"period": pd.to_datetime(["2026-01-05", "2026-01-12"]), "peg": [n, 4.0]}) for n in (6, 7)]
    asked = [png_arguments(charts.peg_chart(frame), scale=1.0) for frame in frames]
    requests = io.BytesIO(b"".join(pickle.dumps([chart]) for chart in asked))
    answers = io.BytesIO()
    hurry_read, hurry_write = os.pipe()
    try:
        os.write(hurry_write, b"!")
        serve(requests, answers, hurry_read)
    finally:
        os.close(hurry_read)
        os.close(hurry_write)
    answers.seek(0)
    got = [pickle.load(answers) for _ in asked]
    assert [form for [(form, _)] in got] == ["svg", "svg"]
    assert [png_of_svg(svg.decode(), chart) for [(_, svg)], chart in zip(got, asked, strict=True)] == [
        draw_png(chart) for chart in asked
    ]


def test_the_report_process_asks_for_svg_once_it_waits_and_still_gets_the_png_images():
    frames = [
        pd.DataFrame({"period": pd.to_datetime(["2026-01-05", "2026-01-12"]), "peg": [n, 4.0]}) for n in (6, 7, 8)
    ]
    asked = [png_arguments(charts.peg_chart(frame), scale=1.0) for frame in frames]
    drawer = ChartProcess()
    try:
        for chart in asked:
            drawer.draw([chart])
        got = drawer.images()  # asked at once: the engine is still starting, so this process waits and says so
    finally:
        drawer.close()
    assert got == [draw_png(chart) for chart in asked]

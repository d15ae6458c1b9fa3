"""Chart images for downloads and the report: real PNG and SVG files, made offline."""

from __future__ import annotations

import json
import struct
import xml.etree.ElementTree as ET

import pandas as pd

from formats import chart_specs, chart_style, charts
from formats.figure import Figure
from formats.images import EXPORT_WIDTH, png_arguments, report_png_arguments, to_png, to_svg
from formats.vl_engine import draw_png, draw_svg, png_of_svg

FRAME = pd.DataFrame({"period": pd.to_datetime(["2026-01-05", "2026-01-12"]), "peg": [6.0, 4.0], "checkins": 1})


def test_png_is_a_png_twice_the_export_width():
    data = to_png(charts.peg_chart(FRAME), scale=2.0)
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert 2 * EXPORT_WIDTH <= width < 2 * EXPORT_WIDTH + 300 and height > 2 * chart_style.HEIGHT


def test_svg_is_well_formed_and_keeps_the_axis_title():
    data = to_svg(charts.peg_chart(FRAME))
    root = ET.fromstring(data)
    assert root.tag.endswith("svg")
    assert b"PEG (0-10)" in data


def test_the_chart_on_the_page_keeps_its_container_width():
    chart = charts.peg_chart(FRAME)
    to_png(chart, scale=1.0)
    assert "width" not in chart.to_dict()


def test_a_page_spec_with_arrow_rows_exports_like_the_chart():
    page = json.loads(chart_specs.spec_json("peg")) | {"datasets": {chart_specs.TABLE: chart_specs.to_arrow(FRAME)}}
    svg = to_svg(page)
    assert b"PEG (0-10)" in svg
    assert b'aria-label="period: Jan 05, 2026; PEG (0-10): 6;' in svg  # the rows were drawn
    assert to_png(page, scale=1.0)[:4] == b"\x89PNG"


def test_images_made_by_several_threads_at_once_all_come_out_whole():
    # Two doctors' reports built at the same moment on one server once failed in the converter ("SVG has an
    # invalid size"); each image must come out as if it were made alone.
    from concurrent.futures import ThreadPoolExecutor

    alone = to_png(charts.peg_chart(FRAME))
    with ThreadPoolExecutor(max_workers=4) as pool:
        made = list(pool.map(lambda _: to_png(charts.peg_chart(FRAME)), range(8)))
    assert all(image == alone for image in made)


def test_a_png_drawn_in_two_steps_is_the_same_image():
    # The chart process may hand the second step (SVG to PNG) to the report's process: the PDF must not change.
    for arguments in (png_arguments(charts.peg_chart(FRAME)), report_png_arguments([Figure("peg", FRAME)])):
        assert png_of_svg(draw_svg(arguments), arguments) == draw_png(arguments)

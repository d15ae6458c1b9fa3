"""Chart images (PNG and SVG) made offline with vl-convert, for downloads and the PDF report."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import altair as alt
import pandas as pd
import vl_convert

from formats.chart_specs import from_arrow, one_chart
from formats.chart_values import EXPORT_WIDTH, PDF_SCALE
from formats.figure import Figure
from formats.vl_engine import CONVERTING, draw_png
from formats.vl_engine import OPTIONS as _OPTIONS

_VL_VERSION = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])


Chartable = alt.TopLevelMixin | Mapping[str, Any]


def _spec(chart: Chartable, width: int) -> dict[str, Any]:
    """The Vega-Lite spec with inline rows, a fixed width and a white background for image viewers.

    A chart may be an Altair chart or a spec dict whose datasets are rows, a DataFrame or Arrow bytes.
    """
    if isinstance(chart, alt.TopLevelMixin):
        # The builders are ours and tests/unit/test_charts.py checks their specs against the schema.
        spec = chart.to_dict(validate=False)
    else:
        spec = dict(chart)
        spec["datasets"] = {name: _rows(rows) for name, rows in spec.get("datasets", {}).items()}
    if not isinstance(spec.get("width"), int | float):
        spec["width"] = width
    spec.setdefault("background", "white")
    return spec


def _rows(data: object) -> object:
    if isinstance(data, bytes):
        return from_arrow(data)
    if isinstance(data, pd.DataFrame):
        return json.loads(data.to_json(orient="records", date_format="iso"))
    return data


def png_arguments(chart: Chartable, scale: float = 2.0, *, width: int = EXPORT_WIDTH) -> dict[str, Any]:
    """What vl-convert takes to draw the chart as a PNG: plain values, so another process may draw it
    (formats/vl_engine.draw_png)."""
    return {"vl_spec": _spec(chart, width), "vl_version": _VL_VERSION, "scale": scale, **_OPTIONS}


def report_png_arguments(figures: Sequence[Figure]) -> dict[str, Any]:
    """What vl-convert takes to draw one chart of the PDF report: its figures as one image (chart_specs.one_chart)."""
    return png_arguments(one_chart(figures), scale=PDF_SCALE)


def to_png(chart: Chartable, scale: float = 2.0, *, width: int = EXPORT_WIDTH) -> bytes:
    """The chart as a PNG image; scale 2 gives sharp text on high-density screens and in print."""
    return draw_png(png_arguments(chart, scale, width=width))


def to_svg(chart: Chartable, *, width: int = EXPORT_WIDTH) -> bytes:
    """The chart as an SVG image (UTF-8 bytes)."""
    spec = _spec(chart, width)
    with CONVERTING:
        return str(vl_convert.vegalite_to_svg(spec, vl_version=_VL_VERSION, **_OPTIONS)).encode("utf-8")

"""Chart images (PNG and SVG) made offline with vl-convert, for downloads and the PDF report."""

from __future__ import annotations

from typing import Any

import altair as alt
import vl_convert

# A chart on the page takes its container's width; an image needs a fixed one (about an A4 text width).
EXPORT_WIDTH = 640
_VL_VERSION = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
_OPTIONS: dict[str, Any] = {"allowed_base_urls": []}  # data is inline: never fetch anything


def _spec(chart: alt.TopLevelMixin, width: int) -> dict[str, Any]:
    """The chart's Vega-Lite spec with a fixed width (and a white background for image viewers)."""
    spec = chart.to_dict()
    if not isinstance(spec.get("width"), int | float):
        spec["width"] = width
    spec.setdefault("background", "white")
    return spec


def to_png(chart: alt.TopLevelMixin, scale: float = 2.0, *, width: int = EXPORT_WIDTH) -> bytes:
    """The chart as a PNG image; scale 2 gives sharp text on high-density screens and in print."""
    return bytes(vl_convert.vegalite_to_png(_spec(chart, width), vl_version=_VL_VERSION, scale=scale, **_OPTIONS))


def to_svg(chart: alt.TopLevelMixin, *, width: int = EXPORT_WIDTH) -> bytes:
    """The chart as an SVG image (UTF-8 bytes)."""
    return str(vl_convert.vegalite_to_svg(_spec(chart, width), vl_version=_VL_VERSION, **_OPTIONS)).encode("utf-8")

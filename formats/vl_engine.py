"""vl-convert's JavaScript engine, shared by every chart image: one conversion at a time, started early if asked.

The engine's first start costs about 0.7 s of CPU. vl-convert keeps hold of Python's lock while it starts and
while it draws, so a background start (start_engine) only helps a process with nothing else to run meanwhile:
the command line's chart process (formats/chart_process.py), which starts it while it waits for the report's
charts. This module imports nothing heavy, so that process loads neither pandas nor Altair.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import Any

import vl_convert

# Two reports built at the same moment on one server failed inside vl-convert ("SVG has an invalid size", seen
# under load with bench/load.py); one conversion at a time costs nothing noticeable and never failed.
CONVERTING = threading.Lock()
_STARTED = threading.Event()
# Every image's data is inline: never fetch anything.
OPTIONS: dict[str, Any] = {"allowed_base_urls": []}
_TINY = {"data": {"values": [{"x": 0}]}, "mark": "point", "encoding": {"x": {"field": "x", "type": "quantitative"}}}


def _start() -> None:
    with CONVERTING:
        vl_convert.vegalite_to_svg(_TINY)


def start_engine() -> None:
    """Start the engine in a background thread, once per process (vl-convert lets go of Python while it works)."""
    if _STARTED.is_set():
        return
    _STARTED.set()
    threading.Thread(target=_start, name="vl-convert start", daemon=True).start()


def draw_png(arguments: Mapping[str, Any]) -> bytes:
    """A PNG image from vl-convert's arguments (formats/images.png_arguments makes them)."""
    with CONVERTING:
        return bytes(vl_convert.vegalite_to_png(**arguments))


# vl-convert draws a PNG as an SVG and then turns that into the PNG, without the JavaScript engine: the two steps
# apart give the same bytes as draw_png (tests/unit/test_vl_engine.py), so they may run in two processes.
_PNG_ONLY = ("scale", "ppi")


def draw_svg(arguments: Mapping[str, Any]) -> str:
    """The first half of draw_png: the chart as SVG text, from the same arguments."""
    svg_arguments = {key: value for key, value in arguments.items() if key not in _PNG_ONLY}
    with CONVERTING:
        return str(vl_convert.vegalite_to_svg(**svg_arguments))


def png_of_svg(svg: str, arguments: Mapping[str, Any]) -> bytes:
    """The second half of draw_png: the PNG image of draw_svg's text at the arguments' scale (no engine needed)."""
    png_arguments = {key: arguments[key] for key in _PNG_ONLY if key in arguments}
    with CONVERTING:
        return bytes(vl_convert.svg_to_png(svg, **png_arguments))

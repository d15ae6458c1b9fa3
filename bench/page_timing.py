"""Timing one page of the app through streamlit.testing (AppTest), and weighing the charts it sends."""

from __future__ import annotations

import os
import statistics
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import streamlit as st
from streamlit.runtime.scriptrunner import ScriptRunnerEvent
from streamlit.testing.v1 import AppTest, local_script_runner

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
PAGE = "pages/progress.py"
FALLBACK_PAGE = "pages/history.py"
CHART_TYPES = ("vega_lite_chart", "arrow_vega_lite_chart")
# The date-range control's whole-history choice reads like "All", "All history" or "All time".
ALL_PREFIX = "all"
RANGE_KEY = "prog_range"
RUN_TIMEOUT_S = 300


def measured_page() -> str:
    """The Progress page once it exists; until then a page that reads the whole history."""
    return PAGE if (ROOT / PAGE).exists() else FALLBACK_PAGE


@dataclass(frozen=True)
class PageFigures:
    """Median cold and warm run times (seconds) and the bytes of chart specs and data sent."""

    cold_s: float
    warm_s: float
    chart_bytes: int
    charts: int


def chart_bytes(at: AppTest) -> tuple[int, int]:
    """Total serialised size of every chart element (spec plus data sets) in the last run, and their count."""
    total = count = 0
    for kind in CHART_TYPES:
        for element in at.get(kind):
            proto: Any = getattr(element, "proto", None)
            if proto is not None:
                total += proto.ByteSize()
                count += 1
    return total, count


def _woken_when_done(runner: Any, timeout: float = 3) -> None:
    """Wait for an AppTest run, woken the moment its script thread shuts down.

    AppTest itself checks every millisecond, and the wait for the interpreter lock after each check can add more:
    a run of 7 ms was read as 7 or 8 whole steps, so two pages 1 ms apart came out 0 % or 17 % apart by chance.
    Waiting on an event measures the same whole run to the microsecond.
    """
    done = threading.Event()

    def on_event(sender: Any, event: ScriptRunnerEvent, **kwargs: Any) -> None:
        if event == ScriptRunnerEvent.SHUTDOWN:
            done.set()

    runner.on_event.connect(on_event, weak=False)
    try:
        if not runner.script_stopped() and not done.wait(timeout):
            runner.request_stop()
            runner.join()
            raise RuntimeError(f"AppTest script run timed out after {timeout}(s)")
    finally:
        runner.on_event.disconnect(on_event)


@contextmanager
def _timed_to_the_end() -> Iterator[None]:
    """AppTest runs inside wait with _woken_when_done (AppTest looks its waiting function up at each run); the
    process's other AppTest runs, such as tests beside a benchmark's own test, keep AppTest's own."""
    own = local_script_runner.require_widgets_deltas
    local_script_runner.require_widgets_deltas = _woken_when_done
    try:
        yield
    finally:
        local_script_runner.require_widgets_deltas = own


def _run(at: AppTest) -> float:
    started = time.perf_counter()
    at.run()
    elapsed = time.perf_counter() - started
    if at.exception:
        raise RuntimeError(f"the page raised: {at.exception[0].value}")
    return elapsed


def _options(widget: Any) -> list[str]:
    try:
        return [str(option) for option in widget.options]
    except (AttributeError, TypeError):
        return []


def choose_all_history(at: AppTest) -> bool:
    """Pick the 'all history' option of the page's date-range control; False when the page has none."""
    widgets = [*at.selectbox, *at.radio, *at.get("button_group"), *at.select_slider]
    # The Progress page's period picker first; any other control offering "All ..." after it.
    widgets.sort(key=lambda widget: getattr(widget, "key", None) != RANGE_KEY)
    for widget in widgets:
        hits = [i for i, option in enumerate(_options(widget)) if option.strip().lower().startswith(ALL_PREFIX)]
        if not hits:
            continue
        if hasattr(widget, "select_index"):
            widget.select_index(hits[0])
        else:
            widget.set_value(widget.options[hits[0]])
        return True
    return False


def open_app(database_url: str, page: str) -> AppTest:
    """An AppTest on `page` with the app pointed at the given database (the first run is not timed)."""
    os.environ["DATABASE_URL"] = database_url
    at = AppTest.from_file(APP, default_timeout=RUN_TIMEOUT_S)
    at.run()
    at.switch_page(page).run()
    if at.exception:
        raise RuntimeError(f"{page} raised: {at.exception[0].value}")
    return at


def measure(
    urls: Sequence[str], *, runs: int, all_history: bool = False, page: str | None = None
) -> dict[str, PageFigures]:
    """Per database: median run time with cleared caches (cold) and of a plain rerun (warm), and chart bytes.

    The databases take turns within each repetition, so a burst of load from elsewhere on the machine
    slows all of them alike instead of skewing one ratio.
    """
    with _timed_to_the_end():
        return _measured(urls, runs=runs, all_history=all_history, page=page)


def _measured(urls: Sequence[str], *, runs: int, all_history: bool, page: str | None) -> dict[str, PageFigures]:
    apps = {}
    for url in urls:
        apps[url] = open_app(url, page or measured_page())
        if all_history and choose_all_history(apps[url]):
            apps[url].run()
    colds: dict[str, list[float]] = {url: [] for url in urls}
    warms: dict[str, list[float]] = {url: [] for url in urls}
    for _ in range(runs):
        for url, at in apps.items():
            os.environ["DATABASE_URL"] = url
            st.cache_data.clear()
            colds[url].append(_run(at))
            warms[url].append(_run(at))
    figures = {}
    for url, at in apps.items():
        size, count = chart_bytes(at)
        figures[url] = PageFigures(statistics.median(colds[url]), statistics.median(warms[url]), size, count)
    return figures


def warm_up(database_url: str) -> None:
    """One throwaway run, so the first AppTest's imports do not count against any figure."""
    measure([database_url], runs=1)

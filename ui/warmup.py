"""Load the chart pages' libraries in the background once a server has drawn its first page.

The home page needs neither pandas nor Altair, so a server starts and draws it sooner without them; but then the
first visit to Progress or Report would wait a second or more for those imports. A daemon thread imports them
right after the first page is drawn, while the person reads it, then builds the Progress page's opening chart
specs. Only plain modules are loaded here (no Streamlit calls), so the thread needs no script context.
"""

from __future__ import annotations

import gc
import importlib
import logging
import threading

# What the chart pages import first and the home page does not: pandas and Altair come with them. Progress's
# modules first, the report's (fpdf and PIL) last: a person most often opens Progress next, and the imports
# take seconds on a busy machine.
HEAVY_MODULES = ("services.progress", "formats.chart_specs", "formats.threshold_chart", "services.report")

_lock = threading.Lock()
_started = False
_log = logging.getLogger(__name__)


def warm_up_later() -> threading.Thread | None:
    """Start the background imports once per process; the thread the first time, None after."""
    global _started
    with _lock:
        if _started:
            return None
        _started = True
    thread = threading.Thread(target=_load, name="threshold-warm-up", daemon=True)
    thread.start()
    return thread


def _load() -> None:
    for name in HEAVY_MODULES:
        try:
            importlib.import_module(name)
        except Exception:  # the page that needs the module shows its error to the person; here it only waits
            _log.debug("background import of %s failed", name, exc_info=True)
    try:
        # Building a chart's spec with Altair costs more than reading its rows: the page's opening charts are
        # built here once, so the first Progress visit only fills in its dates and rows.
        importlib.import_module("ui.progress_sections").prebuild()
    except Exception:
        _log.debug("building the Progress page's specs ahead failed", exc_info=True)
    # Everything loaded so far lives as long as the server. Moved out of the cycle collector's sight, its full
    # passes (now and then during a page's run) walk a few thousand objects instead of some 200,000: 90 ms
    # each on this machine, a few after.
    gc.freeze()

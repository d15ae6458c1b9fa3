"""What the charts' rows and specs depend on, without Altair: a chart's frame of rows, how a date axis ticks over a
span, and what the response chart's axis reads off its rows.

The report's own process builds its charts from ready specs (formats/report_specs.py) and never loads Altair
(about 0.13 s of CPU), so what it needs from the chart modules lives here; formats/chart_style.py and
formats/charts.py take these names from here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

Span = tuple[str, str] | None
# A chart on the page takes its container's width; an image needs a fixed one (about an A4 text width).
EXPORT_WIDTH = 640
# For the PDF report (formats/report_pdf.CHART_WIDTH): 640 px charts drawn at 1.5x print at about 135 dpi over
# 180 mm: sharp enough, and small files.
PDF_SCALE = 1.5
# Up to this many days (about six months) the axis ticks on days or Mondays (`day_ticks`), where daily and weekly
# points sit; up to MONTH_TICKS_DAYS on the first of each month; beyond, Vega picks (quarters, years). Left to
# itself over a few months to a year, Vega ticked weeks on Sundays, the day before each weekly point, with
# "Nov 2026" among "25 Oct" and "8 Nov".
MONDAY_TICKS_DAYS = 183
MONTH_TICKS_DAYS = 550
# Up to this many sessions in one period, the response chart lists every whole number on its axis.
SMALL_COUNT = 8


def tick_kind(span: Span) -> str:
    """Where a date axis over `span` ticks: "days" (days or Mondays), "months" (each 1st) or "auto" (Vega's pick)."""
    if span is None:
        return "auto"
    days = (date.fromisoformat(span[1]) - date.fromisoformat(span[0])).days
    if days <= MONDAY_TICKS_DAYS:
        return "days"
    return "months" if days <= MONTH_TICKS_DAYS else "auto"


def response_params(frame: pd.DataFrame) -> dict[str, Any]:
    """What the response chart's axis depends on: the most sessions in one period, when that is few."""
    most = int(frame.groupby("period")["sessions"].sum().max()) if len(frame) else 1
    return {"most": most if most <= SMALL_COUNT else 0}


def dated_frame(rows: Iterable[Sequence[object]], columns: Sequence[str]) -> pd.DataFrame:
    """A chart's frame from row tuples; the first column is the period start, as a timestamp."""
    listed = list(rows)
    if not listed:
        found = pd.DataFrame(listed, columns=list(columns))
        found[columns[0]] = pd.to_datetime(found[columns[0]])
        return found
    # Column by column in one go: replacing a column of a built frame cost a third of the frame's time.
    values: list[Any] = [list(column) for column in zip(*listed, strict=True)]
    values[0] = timestamps(values[0])
    return pd.DataFrame(dict(zip(columns, values, strict=True)))


# Day 0 of numpy's and pandas' dates, as a proleptic Gregorian ordinal (date.toordinal).
_EPOCH = date(1970, 1, 1).toordinal()


def timestamps(days: Sequence[Any]) -> Any:
    """Days as the timestamps pd.to_datetime makes of them (datetime64[s]); plain dates are counted from their
    ordinals, about five times quicker than pd.to_datetime, which every chart's rows go through."""
    if all(type(day) is date for day in days):
        ordinals = np.fromiter((day.toordinal() for day in days), dtype="int64", count=len(days))
        return (ordinals - _EPOCH).astype("datetime64[D]").astype("datetime64[s]")
    return pd.to_datetime(days)


# The stacked threshold panels in images and the PDF: about an A4 text width.
STACK_WIDTH = 560
STACK_SPACING = 24


def stacked_spec(panels: Sequence[dict[str, Any]], width: int) -> dict[str, Any]:
    """Panels' top-level Vega-Lite specs (`to_dict(validate=False)`) one above the other at a fixed width: the spec
    `threshold_chart.stacked` makes with Altair, the same dict, assembled from the panels with no copy (Altair
    deep-copies every panel to stack them: 0.3 s or more for a year's four panels)."""
    top: dict[str, Any] = {key: panels[0][key] for key in ("$schema", "config") if key in panels[0]}
    parts = []
    for panel in panels:
        part = {key: value for key, value in panel.items() if key not in ("$schema", "config", "autosize")}
        part["width"] = width
        parts.append(part)
    return {**top, "vconcat": parts, "spacing": STACK_SPACING}

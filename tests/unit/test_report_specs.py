"""The report's chart specs kept ahead (formats/report_specs.py) are the ones Altair builds, rows included."""

from __future__ import annotations

import gzip
import json

import altair as alt
import numpy as np
import pandas as pd
import pytest

from formats import images, report_specs
from formats.chart_values import tick_kind
from formats.figure import Figure


def test_the_kept_specs_are_the_ones_altair_builds_now():
    # After an upgrade of Altair this fails until `python -m formats.report_specs` writes them again.
    kept = json.loads(gzip.decompress(report_specs.KEPT.read_bytes()))
    assert kept == report_specs.built_specs()


@pytest.mark.parametrize("ticks", sorted(report_specs.STAND_INS))
def test_each_stand_in_span_ticks_like_the_spans_it_stands_for(ticks):
    assert tick_kind(report_specs.STAND_INS[ticks]) == ticks


def test_rows_are_written_into_the_spec_as_altair_writes_them():
    frame = pd.DataFrame(
        {
            "period": pd.to_datetime(["2026-01-05", None, "2026-01-19"]),
            "value": [1.5, np.nan, np.inf],
            "sessions": np.array([1, 2, 3], dtype="int64"),
            "counted": [True, False, True],
            "text": pd.Series(["a", None, "Ünïcode “quoted”"], dtype="str"),
            "mixed": [np.int64(4), None, "x"],
            "end": pd.to_datetime(["2026-01-06 12:30", "2026-01-13 00:00", None]),
        }
    )
    written = report_specs.records(frame)
    assert written == alt.utils.data.to_values(frame)["values"]
    assert json.dumps(written) == json.dumps(alt.utils.data.to_values(frame)["values"])


def test_a_chart_whose_spec_is_not_kept_is_built_with_altair_the_same():
    rows = pd.DataFrame(
        {
            "period": pd.to_datetime(["2026-01-05", "2026-01-12"]),
            "exercise": "Farmer carry",
            "status": ["tolerated", "over the limit"],
            "value": [30.0, 40.0],
            "level": [30.0, np.nan],
            "text": ["30 stone", "40 stone"],
            "sessions": [1, 2],
        }
    )
    span = ("2026-01-05", "2026-03-01")
    odd = Figure("threshold", rows, {"measure": "stone", "title": "Farmer carry", "span": span})
    assert report_specs.kept_chart([odd]) is None
    assert report_specs.report_png_arguments([odd]) == images.report_png_arguments([odd])


def test_a_panel_keeps_its_own_words_whatever_they_hold():
    rows = pd.DataFrame({"period": pd.to_datetime(["2026-01-05"]), "status": ["tolerated"], "value": [30.0]})
    span = ("2026-01-05", "2026-12-28")
    title = 'Leg "press" \\ 1901-01-07 @@subtitle@@'
    panel = Figure("threshold", rows, {"measure": "kg", "title": title, "subtitle": "+25% → 50 kg", "span": span})
    assert report_specs.kept_chart([panel]) is not None
    assert report_specs.report_png_arguments([panel]) == images.report_png_arguments([panel])


def test_a_chart_with_a_setting_no_spec_is_kept_for_is_built_with_altair():
    rows = pd.DataFrame({"period": pd.to_datetime(["2026-01-05"]), "peg": [5.0], "checkins": [1]})
    odd = Figure("peg", rows, {"span": ("2026-01-05", "2026-03-01"), "unused": object()})
    assert report_specs.kept_spec(odd, "table-0") is None

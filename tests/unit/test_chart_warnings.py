"""Every chart compiles without a Vega-Lite warning, and Vega takes no scale's range from rows that may be missing.

The browser's console printed about a hundred warnings on Progress: conflicting date domains (the range picked
named in every layer and beside each bar's end), infinite extents (a layer for one status or kind of dose with
no rows, and the bar ends' range given as text) and an opacity by unsorted names. vl-convert compiles with the
same Vega-Lite and prints its warnings to stderr.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import altair as alt
import pandas as pd
import pytest
import vl_convert

from formats import charts, health_charts, threshold_chart
from formats.chart_values import STACK_WIDTH, stacked_spec
from tests.unit.test_charts import threshold_frame
from tracker.medication import Dose, Regular
from tracker.strength import ROUGH_BASIS
from tracker.threshold import Status

# The Vega-Lite the charts are written for (as formats/images.py draws them; Streamlit's is the same major one).
VL_VERSION = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
WEEKS = pd.to_datetime(["2026-01-05", "2026-01-12", "2026-01-19"])
LONG = ("2025-02-01", "2026-01-31")
SHORT = ("2026-01-04", "2026-01-31")


def _pain() -> pd.DataFrame:
    return pd.DataFrame({"period": WEEKS, "pain": [4.0, 3, 5], "trend": [4.0, 3.5, 4], "low": 2.0, "high": 6.0})


def _medication(regular: bool, doses: bool) -> pd.DataFrame:
    spans = [Regular("Naproxen", 500, "mg", date(2026, 1, 5), date(2026, 1, 20))] if regular else []
    taken = [Dose("Paracetamol", 1000, "mg", datetime(2026, 1, 13, 9))] if doses else []
    return health_charts.pain_medication_rows(_pain().assign(days=1), spans, taken)


def _psfs(second_round: bool) -> tuple[pd.DataFrame, float | None]:
    days = [date(2026, 1, 5), date(2026, 1, 19)] if second_round else [date(2026, 1, 5)]
    activities = [("Stairs", [(day, 3 + 4 * i) for i, day in enumerate(days)])]
    rounds = [(day, 3.0 + 4 * i) for i, day in enumerate(days)]
    return health_charts.psfs_rows(activities, rounds), 3.0 if second_round else None


def _strength(rough: bool) -> pd.DataFrame:
    basis = ["sets of 1-10 reps", ROUGH_BASIS if rough else "sets of 1-10 reps", "sets of 1-10 reps"]
    return pd.DataFrame({"period": WEEKS, "exercise": "Leg press", "e1rm": [50.0, 52, 55], "basis": basis, "sets": 3})


def _doses() -> pd.DataFrame:
    week = date(2026, 1, 12)
    return health_charts.dose_count_rows([(week, "Ibuprofen", 1), (week, "Paracetamol", 2)])


def _cases(span: tuple[str, str]) -> dict[str, Callable[[], alt.TopLevelMixin]]:
    """Each chart over rows like the page's, including rows with no sessions of a status or no doses at all."""
    tolerated_only = threshold_frame()[lambda f: f["status"] == Status.TOLERATED.value]
    psfs, baseline = _psfs(True)
    first, _ = _psfs(False)
    return {
        "threshold": lambda: threshold_chart.threshold_panel(threshold_frame(), measure="kg", title="x", span=span),
        "threshold-tolerated-only": lambda: threshold_chart.threshold_panel(
            tolerated_only, measure="kg", title="x", span=span
        ),
        "pressure": lambda: charts.pressure_chart(
            pd.DataFrame({"period": WEEKS, "site": "Lower back", "kg_cm2": [3.0, 3.2, 3.5], "readings": 3}),
            span=span,
        ),
        "pain-day": lambda: charts.pain_chart(_pain().assign(days=1), "day", span=span),
        "pain-week": lambda: charts.pain_chart(_pain().assign(days=7), "week", span=span),
        "strength": lambda: charts.strength_chart(_strength(rough=True), span=span),
        "strength-no-rough": lambda: charts.strength_chart(_strength(rough=False), span=span),
        "cardio": lambda: charts.cardio_chart(
            pd.DataFrame({"period": WEEKS, "modality": ["Walk", "Bike", "Walk"], "per_week": 30.0, "total": 30.0}),
            "week",
            span=span,
        ),
        "response": lambda: charts.response_chart(
            pd.DataFrame({"period": WEEKS, "response": "settled (within 1 point)", "sessions": [2, 1, 3]}),
            "week",
            span=span,
        ),
        "peg": lambda: charts.peg_chart(pd.DataFrame({"period": WEEKS, "peg": [6.0, 5, 4], "checkins": 1}), span=span),
        "psfs": lambda: health_charts.psfs_chart(psfs, activities=["Stairs"], baseline=baseline, span=span),
        "psfs-first-round": lambda: health_charts.psfs_chart(first, activities=["Stairs"], span=span),
        "pain-medication": lambda: health_charts.pain_medication_chart(_medication(True, True), "week", span=span),
        "pain-medication-no-doses": lambda: health_charts.pain_medication_chart(
            _medication(True, False), "week", span=span
        ),
        "pain-medication-no-regular": lambda: health_charts.pain_medication_chart(
            _medication(False, True), "week", span=span
        ),
        "doses": lambda: health_charts.doses_chart(_doses(), span=span),
        "sleep": lambda: health_charts.sleep_chart(
            pd.DataFrame({"period": WEEKS, "sleep": [5.5, 7.0, 6.0], "nights": 5}), span=span
        ),
        "helps": lambda: charts.helps_chart(
            pd.DataFrame(
                {"kind": "Cardio", "side": ["after a day with it", "after a day without it"], "pain": 2.0}
            ).assign(days=3)
        ),
    }


CASES = [
    pytest.param(name, span, id=f"{name}-{'year' if span == LONG else 'weeks'}")
    for span in (LONG, SHORT)
    for name in _cases(span)
]


def _vega(chart: alt.TopLevelMixin) -> dict[str, Any]:
    compiled: dict[str, Any] = vl_convert.vegalite_to_vega(chart.to_dict(), vl_version=VL_VERSION, show_warnings=True)
    return compiled


@pytest.mark.parametrize(("name", "span"), CASES)
def test_no_chart_makes_vega_lite_warn(name, span, capfd):
    capfd.readouterr()
    _vega(_cases(span)[name]())
    warnings = [line for line in capfd.readouterr().err.splitlines() if "WARN" in line]
    assert warnings == []


def _filters(vega: dict[str, Any], name: str) -> list[str]:
    """The filters a dataset's rows pass through, from the chart's rows on."""
    sets = {data["name"]: data for data in vega["data"]}
    found: list[str] = []
    while name in sets:
        found += [t["expr"] for t in sets[name].get("transform", []) if t["type"] == "filter"]
        name = sets[name].get("source", "")
    return found


@pytest.mark.parametrize(("name", "span"), CASES)
def test_every_scale_takes_its_range_from_all_the_rows(name, span):
    """A layer for one status, one basis or one kind of medication row may have no rows: Vega then warns of an
    infinite extent. Ranges come from the rows before such a filter (dropping only empty values), and values
    written into a range are numbers or dates, never text Vega cannot place."""
    vega = _vega(_cases(span)[name]())
    for scale in vega["scales"]:
        domain = scale.get("domain")
        if not isinstance(domain, dict) or scale["type"] in ("ordinal", "band", "point"):
            continue
        refs = domain.get("fields", [domain])
        for ref in refs:
            if isinstance(ref, list):
                assert ref and all(isinstance(v, int | float) for v in ref), (scale["name"], ref)
            elif "data" in ref:
                kept = [f for f in _filters(vega, ref["data"]) if "isValid(" not in f]
                assert not kept, (scale["name"], kept)


def test_dose_shades_are_sorted_and_stand_out_against_white():
    (bars,) = [
        layer for layer in health_charts.doses_chart(_doses()).to_dict()["layer"] if "tooltip" in layer["encoding"]
    ]
    opacity = bars["encoding"]["opacity"]
    assert opacity["sort"] == "ascending"  # by unsorted names Vega-Lite warned and gave no stable shade
    assert min(opacity["scale"]["range"]) >= 0.7  # the purple at 0.7 is 3.1:1 against white


def test_a_missing_status_still_leaves_the_panel_its_range():
    spec = threshold_chart.threshold_panel(threshold_frame(), measure="kg", title="x", span=LONG).to_dict()
    ranges = [layer for layer in spec["layer"] if "domain" in layer["encoding"]["x"].get("scale", {})]
    assert len(ranges) == 1 and ranges[0]["encoding"]["y"]["scale"]["domain"] == {"unionWith": [0]}
    assert "transform" not in ranges[0]  # over every row, whatever its status


def test_the_reports_stack_of_panels_compiles_without_a_warning(capfd):
    """The PDF and images draw the threshold panels one above the other from each panel's own spec."""
    panels = [
        threshold_chart.panel_spec(f"rows-{i}", measure="kg", title=name, span=LONG)
        for i, name in enumerate(("Leg press", "Chest press"))
    ]
    spec = stacked_spec(panels, STACK_WIDTH)
    spec["datasets"] = {f"rows-{i}": alt.utils.data.to_values(threshold_frame())["values"] for i in range(2)}
    capfd.readouterr()
    vl_convert.vegalite_to_vega(spec, vl_version=VL_VERSION, show_warnings=True)
    assert "WARN" not in capfd.readouterr().err

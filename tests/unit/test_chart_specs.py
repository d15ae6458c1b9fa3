"""Page chart specs: built once per kind and parameters, rows attached as Arrow."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

import pandas as pd
import pyarrow as pa

from formats import chart_specs, charts, threshold_chart
from formats.chart_values import STACK_WIDTH
from formats.figure import Figure
from formats.spec_layers import shared_encodings
from tests.unit.test_charts import threshold_frame

PERIODS = pd.to_datetime(["2026-01-05", "2026-01-12", "2026-01-19"])


def _shared(built: dict[str, Any]) -> tuple[Any, Any]:
    compact = shared_encodings(built)
    return compact["encoding"], compact["layer"]


def test_the_page_spec_is_the_builders_spec_with_its_rows_in_a_named_dataset():
    frame = pd.DataFrame({"period": PERIODS, "peg": [6.0, 5, 4], "checkins": [2, 1, 1]})
    template = json.loads(chart_specs.spec_json("peg"))
    built = charts.peg_chart(frame).to_dict()
    assert template["data"] == {"name": chart_specs.TABLE} and "datasets" not in template and "config" not in template
    assert (template["encoding"], template["layer"]) == _shared(built)
    assert chart_specs.from_arrow(chart_specs.to_arrow(frame)) == [
        {"period": "2026-01-05T00:00:00.000", "peg": 6.0, "checkins": 2},
        {"period": "2026-01-12T00:00:00.000", "peg": 5.0, "checkins": 1},
        {"period": "2026-01-19T00:00:00.000", "peg": 4.0, "checkins": 1},
    ]


def test_a_page_spec_is_built_once_per_kind_and_parameters():
    walk = {"measure": "min", "title": "Treadmill walk"}
    assert chart_specs.spec_json("threshold", **walk) is chart_specs.spec_json("threshold", **walk)
    minutes = json.loads(chart_specs.spec_json("threshold", **walk))
    load = json.loads(chart_specs.spec_json("threshold", measure="kg", title="Leg press"))
    assert minutes["layer"][0]["encoding"]["y"]["title"] == "Minutes"
    assert load["layer"][0]["encoding"]["y"]["title"] == "Heaviest set (kg)"


def test_labels_travel_once_each_as_categories_and_come_back_as_text():
    frame = pd.DataFrame({"period": PERIODS, "exercise": ["Leg press"] * 3, "amount": [1.5, 2.25, 3.0]})
    rows = chart_specs.from_arrow(chart_specs.to_arrow(frame))
    assert [r["exercise"] for r in rows] == ["Leg press"] * 3
    assert [r["amount"] for r in rows] == [1.5, 2.25, 3.0]  # decimals are not rounded to 32 bits
    many = pd.DataFrame({"period": PERIODS.repeat(100), "exercise": "Leg press", "amount": 1.0})
    per_row = (len(chart_specs.to_arrow(many)) - len(chart_specs.to_arrow(frame))) / (len(many) - len(frame))
    assert per_row < 20  # a date, a small index into the labels and a number; not the text again


def _by_order_of_use(spec: dict[str, Any]) -> tuple[str, list[Any]]:
    """The spec without dataset names (each named by its order of first use) and the datasets in that order."""
    text = json.dumps({k: v for k, v in spec.items() if k != "datasets"}, sort_keys=True)
    names = list(dict.fromkeys(re.findall(r'"name": "([^"]+)"', text)))
    used = [name for name in names if name in spec["datasets"]]
    for i, name in enumerate(used):
        text = text.replace(f'"{name}"', f'"dataset {i}"')
    return text, [spec["datasets"][name] for name in used]


def test_an_image_spec_is_altairs_own_spec_over_the_rows_with_each_panel_its_rows():
    legs, walk = threshold_frame("Leg press"), threshold_frame("Treadmill walk")
    figures = [
        Figure("threshold", legs, {"measure": "kg", "title": "Leg press", "subtitle": "up 17%"}),
        Figure("threshold", walk, {"measure": "min", "title": "Treadmill walk"}),
    ]
    stack = threshold_chart.stacked([chart_specs.chart(f) for f in figures], STACK_WIDTH)
    assert _by_order_of_use(chart_specs.one_chart(figures)) == _by_order_of_use(stack.to_dict())
    response = pd.DataFrame({"period": PERIODS, "response": ["settled (within 1 point)"] * 3, "sessions": [2, 5, 1]})
    one = Figure("response", response, {"bucket": "week"})
    assert _by_order_of_use(chart_specs.one_chart([one])) == _by_order_of_use(chart_specs.chart(one).to_dict())


def test_chart_rows_are_the_bytes_pyarrow_makes_from_the_frame() -> None:
    frame = pd.DataFrame(
        {
            "period": pd.to_datetime([date(2026, 3, 2), date(2026, 3, 9), date(2026, 3, 16)]),
            "level": [62.5, float("nan"), 60.0],
            "text": ["62.5 kg × 10", None, "60 kg × 12"],
            "sessions": [2, 1, 3],
            "nothing": [None, None, None],
        }
    )
    for part in (frame, frame.iloc[0:0]):
        expected = chart_specs._stream(pa.Table.from_pandas(part, preserve_index=False))
        assert chart_specs.to_arrow(part) == expected

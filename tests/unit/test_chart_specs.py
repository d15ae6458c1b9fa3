"""Page chart specs: built once per kind and parameters, rows attached as Arrow."""

from __future__ import annotations

import json

import pandas as pd

from formats import chart_specs, charts

PERIODS = pd.to_datetime(["2026-01-05", "2026-01-12", "2026-01-19"])


def test_the_page_spec_is_the_builders_spec_with_its_rows_in_a_named_dataset():
    frame = pd.DataFrame({"period": PERIODS, "peg": [6.0, 5, 4], "checkins": [2, 1, 1]})
    template = json.loads(chart_specs.spec_json("peg"))
    built = charts.peg_chart(frame).to_dict()
    assert template["data"] == {"name": chart_specs.TABLE} and "datasets" not in template and "config" not in template
    assert template["encoding"] == built["encoding"] and template["mark"] == built["mark"]
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

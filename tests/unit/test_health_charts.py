"""Function goals (PSFS), medication and sleep charts: what a reader sees in the drawn picture and tooltips."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from typing import Any

import pandas as pd
import pyarrow as pa

from formats import chart_specs
from formats.health_charts import (
    AVERAGE,
    MEDICATION_COLUMNS,
    dose_count_rows,
    doses_chart,
    pain_medication_chart,
    pain_medication_rows,
    psfs_chart,
    psfs_rows,
    sleep_chart,
)
from formats.images import to_svg
from tracker.advice import day_text
from tracker.medication import Dose, Regular, doses_per_week

D1, D2, D3 = date(2026, 3, 2), date(2026, 3, 16), date(2026, 3, 30)
STAIRS, SHOPPING = "Climb two flights of stairs", "Carry the shopping home"
SPAN = ("2026-03-01", "2026-03-31")


def _psfs() -> pd.DataFrame:
    return psfs_rows(
        [(STAIRS, [(D1, 3), (D2, 4), (D3, 6)]), (SHOPPING, [(D1, 5), (D3, 7)])], [(D1, 4.0), (D2, 4.0), (D3, 6.5)]
    )


def _layers(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """The drawn layers, without the one that sets the date axis's range (chart_style.span_layer)."""
    return [layer for layer in spec["layer"] if layer["mark"].get("opacity") != 0]


def _tooltip_titles(spec: dict[str, Any]) -> set[str]:
    return {t["title"] for layer in _layers(spec) for t in layer.get("encoding", {}).get("tooltip", [])}


def test_psfs_rows_ring_only_a_latest_rating_that_moved_enough_to_matter():
    rows = psfs_rows([(STAIRS, [(D1, 2), (D2, 6), (D3, 5)])], [(D1, 2.0), (D2, 6.0), (D3, 3.0)])
    ringed = rows[rows["important"]]
    assert list(zip(ringed["series"], ringed["period"], strict=True)) == [(STAIRS, pd.Timestamp(D3))]
    assert rows.loc[(rows["series"] == AVERAGE) & (rows["period"] == pd.Timestamp(D2)), "meaning"].item() == (
        "large enough to matter (better)"
    ), "an earlier rating still says what its change means"


def test_psfs_rows_ring_each_series_by_its_own_threshold():
    rows = _psfs()
    ringed = rows[rows["important"]]
    # Stairs +3 (an activity needs 3) and the average +2.5 (it needs 2); shopping +2 stays unringed.
    assert sorted(ringed["series"]) == sorted([STAIRS, AVERAGE])
    assert set(ringed["period"]) == {pd.Timestamp(D3)}
    shopping = rows[rows["series"] == SHOPPING]
    assert list(shopping["meaning"]) == ["first rating in this period", "within the usual ups and downs"]
    assert rows.loc[(rows["series"] == STAIRS) & (rows["period"] == pd.Timestamp(D3)), "meaning"].item() == (
        "large enough to matter (better)"
    )


def test_psfs_chart_draws_each_activity_the_average_and_the_band_from_the_first_average():
    spec = psfs_chart(_psfs(), activities=(STAIRS, SHOPPING), baseline=4.0, span=SPAN).to_dict()
    colour = next(layer["encoding"]["color"] for layer in _layers(spec) if "color" in layer.get("encoding", {}))
    assert colour["scale"]["domain"] == [STAIRS, SHOPPING, AVERAGE]
    band = next(layer for layer in _layers(spec) if layer["mark"]["type"] == "rect")
    assert (band["encoding"]["y"]["datum"], band["encoding"]["y2"]["datum"]) == (2.0, 6.0)
    label = next(layer for layer in _layers(spec) if layer["mark"]["type"] == "text")
    assert label["encoding"]["text"]["value"] == "Average 6+: clearly better"
    assert {"Rated on", "Activity", "Rating (0-10)", "Since the first rating", "That is"} <= _tooltip_titles(spec)


def test_psfs_chart_without_a_second_round_has_no_band():
    rows = psfs_rows([(STAIRS, [(D1, 3)])], [(D1, 3.0)])
    spec = psfs_chart(rows, activities=(STAIRS,)).to_dict()
    assert [layer["mark"]["type"] for layer in _layers(spec)] == ["line", "point"]


def test_psfs_picture_reads_its_labels_and_no_null():
    svg = to_svg(psfs_chart(_psfs(), activities=(STAIRS, SHOPPING), baseline=4.0, span=SPAN)).decode()
    for text in ("Average 6+: clearly better", STAIRS, SHOPPING, AVERAGE, "Can do (0 unable, 10 as before)"):
        assert text in svg
    assert "null" not in svg and "NaN" not in svg


def _medication() -> pd.DataFrame:
    pain = pd.DataFrame(
        {
            "period": pd.to_datetime([D1, D2]),
            "pain": [4.0, 3.0],
            "trend": [4.0, 3.5],
            "low": [4.0, 3.0],
            "high": [4.0, 4.0],
            "days": [1, 1],
        }
    )
    regular = [Regular("Naproxen", 500, "mg", D1, D2 - timedelta(days=1)), Regular("Naproxen", 250, "mg", D2, D3)]
    doses = [Dose("Paracetamol", 1000, "mg", datetime(2026, 3, 4, 9, 30))]
    return pain_medication_rows(pain, regular, doses)


def test_medication_rows_keep_the_pain_trend_and_add_spans_to_the_end_of_their_last_day_and_doses():
    rows = _medication()
    assert list(rows["layer"]) == ["pain", "pain", "regular", "regular", "dose"]
    spans = rows[rows["layer"] == "regular"]
    assert list(spans["medication"]) == ["Naproxen 500 mg (regular)", "Naproxen 250 mg (regular)"]
    assert list(spans["end"]) == [pd.Timestamp(D2), pd.Timestamp(D3 + timedelta(days=1))]
    dose = rows[rows["layer"] == "dose"].iloc[0]
    assert (dose["as_needed"], dose["amount"], dose["until"]) == (
        "Paracetamol (as needed)",
        "1000 mg",
        "4 Mar 2026 09:30",
    )


def _concatenated(pain: pd.DataFrame, regular: list[Regular], doses: list[Dose]) -> pd.DataFrame:
    """The plain way to the same rows: the medication as a frame of its own, appended to the pain rows."""
    meds = [
        ("regular", r.start, (r.end or r.start) + timedelta(days=1), f"{r.name} {r.amount} (regular)", None,
         r.amount, f"{day_text(r.start)} to {day_text(r.end or r.start)}")
        for r in regular
    ] + [
        ("dose", d.taken_at, None, None, f"{d.name} (as needed)", f"{d.dose:g} {d.unit}",
         f"{day_text(d.taken_at.date())} {d.taken_at:%H:%M}")
        for d in doses
    ]  # fmt: skip
    extra = pd.DataFrame(meds, columns=list(MEDICATION_COLUMNS))
    for column in ("period", "end"):
        extra[column] = pd.to_datetime(extra[column])
    frame = pain.assign(layer="pain")
    return pd.concat([frame, extra], ignore_index=True) if len(extra) else frame


def _sent(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """What the chart receives, row by row (a time is the same time in any unit of Arrow's)."""
    return list(pa.ipc.open_stream(chart_specs.to_arrow(frame)).read_all().to_pylist())


def test_medication_rows_send_the_chart_the_pain_rows_with_the_medication_rows_appended():
    pain = _medication().iloc[:2, :6]
    regular = [Regular("Naproxen", 500, "mg", D1, None), Regular("Codeine", 30, "mg", D2, D3)]
    doses = [
        Dose("Paracetamol", 1000, "mg", datetime(2026, 3, 4, 9, 30)),
        Dose("Ibuprofen", 2.5, "g", datetime(2026, 3, 5)),
    ]
    for days in (pain, pain.iloc[0:0]):
        for spans, taken in ((regular, doses), (regular, []), ([], doses), ([], [])):
            made, plain = pain_medication_rows(days, spans, taken), _concatenated(days, spans, taken)
            assert list(made.columns) == list(plain.columns)
            assert _sent(made) == _sent(plain), (len(days), len(spans), len(taken))


def test_medication_on_the_pain_trend_draws_pain_only_from_pain_rows_and_names_each_dose():
    spec = pain_medication_chart(_medication(), "day", span=SPAN).to_dict()
    marks = [layer["mark"]["type"] for layer in _layers(spec)]
    assert marks[0] == "rect" and marks[-1] == "point"
    pain_layers = _layers(spec)[1:-1]
    assert pain_layers and all("layer" in json.dumps(layer["transform"]) for layer in pain_layers)
    assert {"Taken regularly", "When", "Taken", "Amount", "At", "Pain (mean of ratings)"} <= _tooltip_titles(spec)
    svg = to_svg(pain_medication_chart(_medication(), "day", span=SPAN)).decode()
    assert "Naproxen 500 mg (regular)" in svg and "Naproxen 250 mg (regular)" in svg
    assert "null" not in svg and "NaN" not in svg


def test_medication_dose_counts_per_week_show_whole_numbers():
    doses = [Dose("Paracetamol", 1000, "mg", datetime(2026, 3, d, 9)) for d in (2, 4, 5, 17)]
    counts = [(week, name, n) for (week, name), n in doses_per_week(doses).items()]
    rows = dose_count_rows(counts)
    assert list(rows["doses"]) == [3, 1]
    spec = doses_chart(rows, span=SPAN).to_dict()
    (bars,) = _layers(spec)
    assert bars["encoding"]["y"]["axis"]["format"] == "d"
    svg = to_svg(doses_chart(rows, span=SPAN)).decode()
    assert "Per week" in svg and "null" not in svg


def test_sleep_chart_marks_where_a_night_counts_as_good():
    rows = pd.DataFrame({"period": pd.to_datetime([D1, D2]), "sleep": [5.5, 7.0], "nights": [4, 6]})
    spec = sleep_chart(rows, span=SPAN).to_dict()
    rule = next(layer for layer in _layers(spec) if layer["mark"]["type"] == "rule")
    assert rule["encoding"]["y"]["datum"] == 6
    assert {"Sleep quality (mean)", "Nights rated"} <= _tooltip_titles(spec)
    svg = to_svg(sleep_chart(rows, span=SPAN)).decode()
    assert "6+: a good night" in svg and "Sleep quality (0-10)" in svg


def test_psfs_medication_and_sleep_specs_are_built_once_for_the_page():
    params = {"activities": (STAIRS, SHOPPING), "baseline": 4.0, "span": SPAN}
    assert chart_specs.spec_json("psfs", **params) is chart_specs.spec_json("psfs", **params)
    for kind, extra in (("pain_medication", {"bucket": "day"}), ("doses", {}), ("sleep", {})):
        assert json.loads(chart_specs.spec_json(kind, span=SPAN, **extra))["data"] == {"name": chart_specs.TABLE}


def test_the_sleep_and_psfs_reference_lines_are_decoration_a_screen_reader_skips():
    # axe (e2e every-page walk) flagged the dashed reference rules as unnamed graphics; their meaning is in the
    # label beside them and in the chart's description.
    rows = pd.DataFrame({"period": pd.to_datetime([D1, D2]), "sleep": [5.5, 7.0], "nights": [4, 6]})
    svg = to_svg(sleep_chart(rows, span=SPAN)).decode()
    assert 'aria-roledescription="rule mark container"' not in svg and "6+: a good night" in svg
    params = {"activities": (STAIRS, SHOPPING), "baseline": 4.0, "span": SPAN}
    drawn = json.loads(chart_specs.spec_json("psfs", **params))
    assert [layer["mark"].get("aria") for layer in drawn["layer"][:2]] == [False, False]  # the band and its edge


def test_the_medication_legend_reads_in_the_order_taken_not_in_the_alphabet():
    # Naproxen 500 mg first, then 250 mg: by name, 250 mg would come first and take the first colour.
    svg = to_svg(pain_medication_chart(_medication(), "day", span=SPAN)).decode()
    legend = svg[svg.index("role-legend") :]
    first, then = legend.find("Naproxen 500 mg (regular)"), legend.find("Naproxen 250 mg (regular)")
    assert -1 < first < then

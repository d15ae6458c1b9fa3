"""A layered spec with its shared channels named once above the layers compiles to the very same Vega as the spec
Altair writes (so every chart draws the same), in less text."""

from __future__ import annotations

import json
from typing import Any

import pytest
import vl_convert

from formats.spec_layers import shared_encodings
from tests.unit.test_chart_warnings import CASES, LONG, VL_VERSION, _cases


def _vega(spec: dict[str, Any]) -> dict[str, Any]:
    compiled: dict[str, Any] = vl_convert.vegalite_to_vega(spec, vl_version=VL_VERSION)
    return compiled


@pytest.mark.parametrize(("name", "span"), CASES)
def test_every_chart_compiles_to_the_same_vega_with_its_shared_channels_hoisted(name, span):
    written = _cases(span)[name]().to_dict()
    compact = shared_encodings(written)
    assert _vega(compact) == _vega(written)


def test_a_threshold_panel_is_less_than_half_the_text():
    written = _cases(LONG)["threshold"]().to_dict()
    written.pop("datasets")
    assert len(json.dumps(shared_encodings(written))) < len(json.dumps(written)) / 2


def _layered(*encodings: dict[str, Any]) -> dict[str, Any]:
    return {"layer": [{"mark": "point", "encoding": dict(e)} for e in encodings]}


X = {"field": "day", "type": "temporal"}
TIP = [{"field": "day", "type": "temporal"}]


def test_a_channel_a_layer_leaves_out_is_hoisted_only_if_leaving_it_out_means_none():
    compact = shared_encodings(_layered({"x": X, "tooltip": TIP}, {"x": X, "tooltip": TIP}, {"tooltip": TIP}))
    # Hoisting x would give the third layer an x it did not have; a tooltip left out is the same as null.
    assert compact["encoding"] == {"tooltip": TIP}
    assert [layer.get("encoding") for layer in compact["layer"]] == [{"x": X}, {"x": X}, None]
    spared = shared_encodings(_layered({"x": X, "tooltip": TIP}, {"x": X, "tooltip": TIP}, {"x": X}))
    assert spared["encoding"] == {"x": X, "tooltip": TIP}
    assert [layer.get("encoding") for layer in spared["layer"]] == [None, None, {"tooltip": None}]


def test_a_layer_that_differs_keeps_its_own_channel():
    other = {"field": "end", "type": "temporal"}
    compact = shared_encodings(_layered({"x": X}, {"x": X}, {"x": other}))
    assert compact["encoding"] == {"x": X}
    assert [layer.get("encoding") for layer in compact["layer"]] == [None, None, {"x": other}]


def test_specs_it_cannot_shorten_safely_are_left_as_they_are():
    single = {"mark": "point", "encoding": {"x": X}}
    assert shared_encodings(single) == single
    above = {"encoding": {"y": X}, "layer": [{"mark": "point", "encoding": {"x": X}}] * 2}
    assert shared_encodings(above) == above
    once = _layered({"x": X}, {"y": X})
    assert shared_encodings(once) == once

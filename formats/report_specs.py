"""The PDF report's charts as vl-convert's arguments, from specs built ahead and kept in report_specs.json.gz, so the
report's process never loads Altair (about 0.13 s of CPU, and 0.1 s more building five charts' specs).

A spec depends only on its chart's kind and settings and on how its date axis ticks (chart_values.tick_kind), not
on the dates themselves: each is kept built over stand-in first and last days, with stand-in words for a panel's
title and subtitle, and the report's own are put in its JSON (as ui/progress_sections.spec_for does on the page).
A chart whose spec is not kept (an unusual unit, say) is built with Altair as before (chart_specs.one_chart); tests
hold every kept spec equal to what Altair builds. After upgrading Altair, run `python -m formats.report_specs`.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from formats.chart_values import (
    EXPORT_WIDTH,
    PDF_SCALE,
    SMALL_COUNT,
    STACK_WIDTH,
    response_params,
    stacked_spec,
    tick_kind,
)
from formats.figure import Figure
from formats.vl_engine import OPTIONS

# Gzipped: the 87 specs are about 430 KB of JSON, mostly the same layers again, and 7 KB packed.
KEPT = Path(__file__).with_name("report_specs.json.gz")
# The name each figure's rows go by, as chart_specs.one_chart names them.
TABLE = "table"
# Stand-ins for the name of a figure's rows and for a panel's words.
DATA = "@@data@@"
# Stand-in first and last days, one pair per kind of date axis (chart_values.tick_kind).
STAND_INS = {
    "days": ("1901-01-07", "1901-03-30"),
    "months": ("1901-01-07", "1901-12-30"),
    "auto": ("1901-01-07", "1904-12-30"),
}
# A panel's own words, put in its spec's JSON.
WORDS = ("title", "subtitle")
# The units of a threshold panel's axis the specs are kept for.
MEASURES = ("kg", "lb", "min", "reps")
# (bucket, tick kind) of the report's charts: a report is drawn at least weekly (tracker.trends.at_least_weekly).
REPORT_AXES = (("week", "days"), ("week", "months"), ("week", "auto"), ("month", "auto"), ("quarter", "auto"))


def report_png_arguments(figures: Sequence[Figure]) -> dict[str, Any]:
    """What vl-convert takes to draw one chart of the PDF report (formats/images.report_png_arguments gives the
    same), from the kept specs where they hold every figure."""
    spec = kept_chart(figures)
    if spec is None:
        from formats.images import report_png_arguments as built

        return built(figures)
    if not isinstance(spec.get("width"), int | float):
        spec["width"] = EXPORT_WIDTH
    spec.setdefault("background", "white")
    return {"vl_spec": spec, "vl_version": _kept()["vl_version"], "scale": PDF_SCALE, **OPTIONS}


def kept_chart(figures: Sequence[Figure]) -> dict[str, Any] | None:
    """chart_specs.one_chart(figures), from the kept specs; None when one of them is not kept."""
    names = [f"{TABLE}-{i}" for i in range(len(figures))]
    parts = [kept_spec(f, n) for f, n in zip(figures, names, strict=True)]
    if any(part is None for part in parts):
        return None
    kept = [part for part in parts if part is not None]
    spec = kept[0] if len(kept) == 1 else stacked_spec(kept, STACK_WIDTH)
    spec["datasets"] = {n: records(f.rows) for f, n in zip(figures, names, strict=True)}
    return spec


def kept_spec(figure: Figure, name: str) -> dict[str, Any] | None:
    """A figure's spec over the dataset `name` (chart_specs._named_spec), if kept."""
    try:
        key, words = _key(figure.kind, _params(figure))
    except TypeError:  # a setting that is not a JSON value: no spec is kept for it
        return None
    found = _kept()["specs"].get(key)
    if found is None:
        return None
    own = {_quoted(DATA): _quoted(name)} | {stand_in: json.dumps(text)[1:-1] for stand_in, text in words.items()}
    # In one pass: a title may hold a stand-in's letters, which must stay as they are.
    stand_ins = re.compile("|".join(re.escape(stand_in) for stand_in in own))
    spec: dict[str, Any] = json.loads(stand_ins.sub(lambda match: own[match[0]], found))
    return spec


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as Altair writes them into a spec (`alt.utils.data.to_values`): dates as ISO text (a missing one as ""),
    missing and infinite numbers as null, numpy's values as Python's."""
    columns: dict[str, Any] = {}
    for name, column in frame.items():
        kind = column.dtype
        if not isinstance(kind, np.dtype) and str(kind) not in ("str", "string"):
            from formats.chart_specs import _values  # a kind of column the report's charts do not have

            return _values(frame)
        if kind.kind == "M":
            columns[str(name)] = ["" if pd.isna(v) else v.isoformat() for v in column]
        elif kind.kind == "f":
            values = column.to_numpy()
            bad = np.isnan(values) | np.isinf(values)
            columns[str(name)] = [None if b else v for v, b in zip(values.tolist(), bad.tolist(), strict=True)]
        elif kind.kind in "iub":
            columns[str(name)] = column.to_numpy().tolist()
        elif kind.kind == "O" or str(kind) in ("str", "string"):
            columns[str(name)] = [None if _missing(v) else _plain(v) for v in column.astype(object)]
        else:
            from formats.chart_specs import _values  # a kind of column the report's charts do not have

            return _values(frame)
    names = list(columns)
    return [dict(zip(names, row, strict=True)) for row in zip(*columns.values(), strict=True)]


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and value != value) or value is pd.NaT or value is pd.NA


def _plain(value: object) -> object:
    """A value as pandas' `to_dict` gives it from a column of objects: numpy's arrays and numbers as Python's."""
    return value.tolist() if isinstance(value, np.ndarray | np.generic) else value


def _params(figure: Figure) -> dict[str, Any]:
    """The figure's settings, with those its chart reads off its rows (chart_specs._params)."""
    derived = response_params(figure.rows) if figure.kind == "response" else {}
    return {**derived, **figure.params}


def _key(kind: str, params: Mapping[str, Any]) -> tuple[str, dict[str, str]]:
    """The kept spec's key for a chart's settings, and each stand-in with what replaces it in the spec's JSON."""
    shown = dict(params)
    words: dict[str, str] = {}
    span = shown.get("span")
    if span is not None:
        stand_in = STAND_INS[tick_kind(span)]
        shown["span"] = list(stand_in)
        words |= {stand_in[0]: span[0], stand_in[1]: span[1]}
    for name in WORDS:
        if shown.get(name):
            words[_stand_in_word(name)] = shown[name]
            shown[name] = _stand_in_word(name)
    return json.dumps([kind, shown], sort_keys=True), words


def _stand_in_word(name: str) -> str:
    return f"@@{name}@@"


def _quoted(text: str) -> str:
    return json.dumps(text)


@cache
def _kept() -> dict[str, Any]:
    try:
        kept: dict[str, Any] = json.loads(gzip.decompress(KEPT.read_bytes()))
    except FileNotFoundError:
        kept = {"specs": {}, "vl_version": ""}
    return kept


def kept_settings() -> Iterator[tuple[str, dict[str, Any]]]:
    """Each chart kind and settings a spec is kept for (the report's charts over the report's date axes)."""
    for bucket, ticks in REPORT_AXES:
        span = STAND_INS[ticks]
        yield "pain", {"bucket": bucket, "span": span}
        yield "pain_medication", {"bucket": bucket, "span": span}
        yield "cardio", {"bucket": bucket, "span": span}
        for most in range(SMALL_COUNT + 1):  # response_params: 0 (many) or the most sessions in a period
            yield "response", {"bucket": bucket, "span": span, "most": most}
    for span in STAND_INS.values():
        yield "peg", {"span": span}
        for measure in MEASURES:
            for subtitle in ("", _stand_in_word("subtitle")):
                words = {"title": _stand_in_word("title"), "subtitle": subtitle}
                yield "threshold", {"measure": measure, **words, "span": span}


def built_specs() -> dict[str, Any]:
    """The specs to keep, built with Altair (what `python -m formats.report_specs` writes to KEPT)."""
    import altair as alt

    from formats import chart_specs

    specs = {}
    for kind, params in kept_settings():
        rows = pd.DataFrame({"period": pd.to_datetime([]), "sessions": []})
        spec = chart_specs._named_spec(Figure(kind, rows, params), DATA)
        specs[_key(kind, params)[0]] = json.dumps(spec)
    return {
        "altair": alt.__version__,
        "vl_version": ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2]),
        "specs": specs,
    }


def pack(specs: Mapping[str, Any]) -> bytes:
    """The file KEPT holds: the specs as JSON, gzipped with no date in it (the same specs give the same bytes)."""
    return gzip.compress(json.dumps(specs, indent=0, sort_keys=True).encode(), compresslevel=9, mtime=0)


if __name__ == "__main__":
    KEPT.write_bytes(pack(built_specs()))

"""Charts from plain values: for the page, each chart's Vega-Lite spec built once per process with its rows
attached as Arrow; for the report, a Figure drawn whole.

Building and validating an Altair chart costs more than the queries behind it, so a rerun must not do
it: the spec depends only on the chart kind and a few parameters, the rows are cached with the data.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import altair as alt
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from formats import charts, health_charts, threshold_chart
from formats.chart_values import STACK_WIDTH, stacked_spec
from formats.figure import Figure
from formats.spec_layers import shared_encodings

TABLE = "table"


BUILDERS: dict[str, Any] = {
    "threshold": threshold_chart.threshold_panel,
    "pressure": charts.pressure_chart,
    "pain": charts.pain_chart,
    "strength": charts.strength_chart,
    "cardio": charts.cardio_chart,
    "response": charts.response_chart,
    "helps": charts.helps_chart,
    "peg": charts.peg_chart,
    "psfs": health_charts.psfs_chart,
    "pain_medication": health_charts.pain_medication_chart,
    "doses": health_charts.doses_chart,
    "sleep": health_charts.sleep_chart,
}
# Builders that size something from their rows get it from them when drawn over a named dataset instead.
ROW_PARAMS: dict[str, Any] = {"response": charts.response_params}


def chart(figure: Figure) -> alt.Chart | alt.LayerChart:
    """The Altair chart a figure describes, with its rows inline."""
    built: alt.Chart | alt.LayerChart = BUILDERS[figure.kind](figure.rows, **figure.params)
    return built


def one_chart(figures: Sequence[Figure]) -> dict[str, Any]:
    """One figure's chart, or several stacked at a fixed width, as a Vega-Lite spec with its rows: one image of
    them all, for a file or the PDF.

    Each chart is built over a named dataset and its rows join the spec at the end, as Altair would have put
    them there: building over the rows themselves made Altair copy every row with each layer (0.25 s for the
    four panels of a year's threshold picture), and checking the spec against the schema again took as long.
    """
    names = [f"{TABLE}-{i}" for i in range(len(figures))]
    parts = [_named_spec(f, n) for f, n in zip(figures, names, strict=True)]
    spec = parts[0] if len(parts) == 1 else stacked_spec(parts, STACK_WIDTH)
    spec["datasets"] = {n: _values(f.rows) for f, n in zip(figures, names, strict=True)}
    return spec


def _named_spec(figure: Figure, name: str) -> dict[str, Any]:
    """A figure's top-level spec drawn over the dataset `name` (not validated: tests/unit/test_charts.py checks the
    builders' specs)."""
    if figure.kind == "threshold":
        return threshold_chart.panel_spec(name, **figure.params)
    spec: dict[str, Any] = BUILDERS[figure.kind](alt.NamedData(name=name), **_params(figure)).to_dict(validate=False)
    return spec


def _params(figure: Figure) -> dict[str, Any]:
    """The builder's arguments, with those a builder would otherwise work out from its rows."""
    derived = ROW_PARAMS.get(figure.kind)
    return {**(derived(figure.rows) if derived else {}), **figure.params}


def _values(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as Altair writes them into a spec (dates as ISO text, missing values as null)."""
    values: Any = alt.utils.data.to_values(frame)["values"]
    return list(values)


@lru_cache(maxsize=256)
def _template(kind: str, params: tuple[tuple[str, Any], ...]) -> str:
    spec = BUILDERS[kind](alt.NamedData(name=TABLE), **dict(params)).to_dict()
    spec.pop("config", None)  # Altair's default theme sizes; the page and the export size charts themselves
    # Each shared channel written once above the layers: the page serialises and sends less than half the text.
    return json.dumps(shared_encodings(spec))


def spec_json(kind: str, **params: Any) -> str:
    """A chart's Vega-Lite spec as JSON, reading its rows from the dataset named TABLE (built once per process)."""
    return _template(kind, tuple(sorted(params.items())))


def _compact(table: pa.Table) -> pa.Table:
    """Repeated labels as dictionaries (each label sent once) and 32-bit counts: about a third of the bytes.

    Decimals stay 64-bit, so a tooltip never shows 2.0999999 for 2.1.
    """
    columns = []
    for column in table.columns:
        kind = column.type
        if pa.types.is_string(kind) or pa.types.is_large_string(kind):
            column = pc.dictionary_encode(column)
        elif pa.types.is_integer(kind):
            column = column.cast(pa.int32())
        columns.append(column)
    return pa.table(columns, names=table.column_names)


def to_arrow(frame: pd.DataFrame) -> bytes:
    """A chart's rows as Arrow IPC stream bytes: the form Streamlit sends chart data to the browser in."""
    return _stream(_table(frame))


def _table(frame: pd.DataFrame) -> pa.Table:
    """The frame's columns as an Arrow table (gaps as nulls), without the notes on pandas' own column types that
    `pa.Table.from_pandas` works out and attaches: a chart does not read them, and they cost most of the time."""
    return pa.table({str(name): pa.array(frame[name], from_pandas=True) for name in frame.columns})


def to_arrow_parts(frame: pd.DataFrame, column: str, values: Sequence[object]) -> dict[object, bytes]:
    """Per value of `column` among `values`: the rows holding it as `to_arrow` would give them (none: left out).

    The frame is converted once and split in Arrow: converting each part from pandas again cost more than
    the reads behind a whole chart of small panels.
    """
    table = _table(frame)
    parts = {}
    for value in values:
        part = table.filter(pc.equal(table[column], pa.scalar(value, table.schema.field(column).type)))
        if part.num_rows:
            parts[value] = _stream(part)
    return parts


def _stream(whole: pa.Table) -> bytes:
    table = _compact(whole)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return bytes(sink.getvalue().to_pybytes())


def from_arrow(data: bytes) -> list[dict[str, Any]]:
    """Rows back from Arrow bytes, as JSON-ready records (dates in ISO form), e.g. for image export."""
    frame = pa.ipc.open_stream(data).read_all().to_pandas()
    return list(json.loads(frame.to_json(orient="records", date_format="iso")))

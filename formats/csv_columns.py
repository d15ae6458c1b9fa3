"""The export's cell rules (formats.tables.cell) applied a column at a time.

Sending each of a million cells through `cell` costs a chain of type checks per cell; a column of one kind
needs the check once. Every path here writes exactly what `cell` writes for each value (a test holds them
together); a column of values this module does not recognise goes through `cell` itself.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

from formats.tables import BOM_ENCODING, DATETIME_FORMAT, GUARD, cell, number
from tracker.validation import FORMULA_PREFIXES

_GUARDED = (*FORMULA_PREFIXES, GUARD)
# Whole floats below this are written as integers by `number`; above it, as Python writes the float.
_WHOLE_LIMIT = 1e15


def _text(value: object) -> str:
    text = str(value)
    return GUARD + text if text.startswith(_GUARDED) else text


def _floats(values: np.ndarray) -> list[str]:
    missing = np.isnan(values)
    whole = ~missing & (np.floor(values) == values) & (np.abs(values) < _WHOLE_LIMIT)
    out = np.full(len(values), "", dtype=object)
    out[whole] = list(map(str, values[whole].astype(np.int64).tolist()))
    other = ~missing & ~whole
    out[other] = [repr(v) for v in values[other].tolist()]
    return out.tolist()  # type: ignore[no-any-return]


# What each kind of object column (as pandas infers it, missing values aside) becomes, value by value.
_BY_KIND: dict[str, Callable[[object], str]] = {
    "string": _text,
    "integer": lambda v: str(int(v)),  # type: ignore[call-overload]
    "floating": lambda v: number(float(v)),  # type: ignore[arg-type]
    "mixed-integer-float": lambda v: number(float(v)),  # type: ignore[arg-type]
    "boolean": lambda v: "yes" if v else "no",
    "datetime": lambda v: v.strftime(DATETIME_FORMAT),  # type: ignore[attr-defined]
}


def column_cells(column: pd.Series) -> list[str]:
    """The CSV text of every value in the column, as `cell` writes each one."""
    dtype = column.dtype
    if isinstance(dtype, np.dtype):
        if dtype.kind == "f":
            return _floats(column.to_numpy())
        if dtype.kind in "iu":
            return list(map(str, column.to_numpy().tolist()))
        if dtype.kind == "b":
            return np.where(column.to_numpy(), "yes", "no").tolist()  # type: ignore[no-any-return]
        if dtype.kind == "M":
            return column.dt.strftime(DATETIME_FORMAT).fillna("").tolist()  # type: ignore[no-any-return]
    if pd.api.types.is_object_dtype(dtype) or isinstance(dtype, pd.StringDtype):
        kind = "string" if isinstance(dtype, pd.StringDtype) else pd.api.types.infer_dtype(column, skipna=True)
        rule = _BY_KIND.get(kind)
        if rule is not None:
            missing = column.isna().to_numpy()
            values = column.tolist()
            if not missing.any():
                if kind == "string":  # the bulk of an export: notes, names and regions
                    return [GUARD + v if v.startswith(_GUARDED) else v for v in map(str, values)]
                return [rule(v) for v in values]
            return ["" if gone else rule(v) for v, gone in zip(values, missing.tolist(), strict=True)]
        if kind == "empty":
            return [""] * len(column)
    return [cell(v) for v in column.tolist()]


def frame_csv(header: Sequence[str], frame: pd.DataFrame) -> bytes:
    """The frame's columns in order under `header`, as the export writes a CSV file (BOM, CRLF)."""
    columns = [column_cells(frame.iloc[:, i]) for i in range(frame.shape[1])]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(zip(*columns, strict=True))
    return buffer.getvalue().encode(BOM_ENCODING)

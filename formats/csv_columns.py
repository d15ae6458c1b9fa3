"""The export's cell rules (formats.tables.cell) applied to rows as the database hands them out.

Sending each of a million cells through `cell` costs a chain of isinstance checks per cell (the numbers ABCs
are slow). A row from the database holds only a few exact types, so one dictionary look-up on the value's type
finds its rule; every rule here writes exactly what `cell` writes (a test holds them together) and a value of
any other type (a pandas Timestamp, a numpy number, a Decimal) goes through `cell` itself.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime

from formats.tables import BOM_ENCODING, DATETIME_FORMAT, GUARD, cell, number
from tracker.validation import FORMULA_PREFIXES

_GUARDED = (*FORMULA_PREFIXES, GUARD)


def guarded_text(value: str) -> str:
    """Text as `cell` writes it: an apostrophe in front of what a spreadsheet would run as a formula."""
    return GUARD + value if value.startswith(_GUARDED) else value


def _float(value: float) -> str:
    return "" if value != value else number(value)  # NaN is the one float unequal to itself


def _moment(value: datetime) -> str:
    # isoformat writes the same as strftime(DATETIME_FORMAT) for a naive datetime of a four-digit year, and
    # in a fifth of the time (the export writes a session's start on each of its sets).
    if value.tzinfo is None and value.year >= 1000:
        return value.isoformat(" ", "seconds")
    return value.strftime(DATETIME_FORMAT)


_NONE = type(None)
BY_TYPE: dict[type, Callable[[object], str]] = {  # the rule of `cell` for each exact type a database hands out
    _NONE: lambda _value: "",
    str: guarded_text,  # type: ignore[dict-item]
    int: str,
    float: _float,  # type: ignore[dict-item]
    bool: lambda value: "yes" if value else "no",
    datetime: _moment,  # type: ignore[dict-item]
    date: lambda value: value.isoformat(),  # type: ignore[attr-defined]
}


def row_cells(row: Iterable[object]) -> list[str]:
    """The CSV text of every value in the row, as `cell` writes each one."""
    rules = BY_TYPE
    return [rules.get(type(value), cell)(value) for value in row]


def column_cells(values: Sequence[object]) -> list[str]:
    """The CSV text of every value in a column, as `cell` writes each one.

    A column of one type (missing values aside) is written value by distinct value: a history repeats its
    session ids, starts, exercises, regions and ratings on many rows. Columns of mixed types go value by value,
    as 1, 1.0 and True are one key to a dictionary but three texts.
    """
    kinds = set(map(type, values))
    kinds.discard(_NONE)
    rule = BY_TYPE.get(kinds.pop()) if len(kinds) == 1 else None
    if rule is None or kinds:
        return row_cells(values)
    distinct = set(values)
    distinct.discard(None)
    texts = {value: rule(value) for value in distinct}
    texts[None] = ""
    return list(map(texts.__getitem__, values))


def rows_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """The rows under `header`, as the export writes a CSV file (UTF-8 with a byte-order mark, CRLF)."""
    return cells_csv(header, [column_cells(column) for column in zip(*rows, strict=True)])


def cells_csv(header: Sequence[str], columns: Sequence[Sequence[object]]) -> bytes:
    """The same file from columns already written as cells: text, or whole numbers and None, which the csv
    module itself writes as `cell` does ("7" and empty)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(zip(*columns, strict=True))
    return buffer.getvalue().encode(BOM_ENCODING)

"""The export's tables written from their columns: every value through the cell rules, then CSV.

formats/csv_columns.py holds the cell rules and the csv module's writer. A ten-year export is mostly cells
without a comma, quote or line break (numbers, days, times, names), and for those a line is its cells joined by
commas: joined here in a fraction of the csv module's time, which still writes any file that needs quotes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from formats.csv_columns import cells_csv, column_cells
from formats.tables import BOM_ENCODING

Columns = Sequence[Sequence[Any]]


class Written(list[str | None]):
    """A column already written as the export's cells (None for an empty one)."""


_NONE = type(None)


def columns_csv(header: Sequence[str], columns: Columns) -> bytes:
    """One CSV file from its columns, each value through the export's cell rules (formats/csv_columns.py)."""
    cells = [_cells(column) for column in columns]
    return joined_csv(header, cells) or cells_csv(header, cells)


def joined_csv(header: Sequence[str], cells: Sequence[Sequence[object]]) -> bytes | None:
    """What `cells_csv` writes, joined straight from the cells; None where a cell needs quotes (the counts of
    commas, quotes and line breaks in the joined text tell whether any cell held one)."""
    if len(cells) < 2:  # the csv module writes a line of one empty cell as ""
        return None
    lines = [",".join(header), *map(",".join, zip(*map(_texts, cells), strict=True))]
    text = "\r\n".join(lines) + "\r\n"
    commas = len(lines) * (len(cells) - 1)
    if text.count(",") != commas or '"' in text or text.count("\n") != len(lines) or text.count("\r") != len(lines):
        return None
    return text.encode(BOM_ENCODING)


def _texts(cells: Sequence[object]) -> Sequence[str]:
    """The cells as the csv module writes them: text as it is, whole numbers in digits, None empty."""
    if set(map(type, cells)) <= {str}:
        return cells  # type: ignore[return-value]
    known = {cell: "" if cell is None else str(cell) for cell in set(cells)}
    return list(map(known.__getitem__, cells))


def _cells(column: Sequence[Any]) -> Sequence[object]:
    """The column as cells; whole numbers stay as they are, since the csv module writes them as `cell` does."""
    if isinstance(column, Written):
        return column
    kinds = set(map(type, column))
    kinds.discard(_NONE)
    return column if kinds == {int} else column_cells(column)

"""The export's tables written from their columns: every value through the cell rules, then CSV.

formats/csv_columns.py holds the cell rules and the csv module's writer. A column repeats its values (session
ids, starts, exercises, ratings), so each distinct value is written once, already quoted as the csv module
quotes it (only text can hold a comma, quote or line break); a line is then its cells joined by commas, which
costs a fraction of the csv module's time and writes the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from operator import itemgetter
from typing import Any, TypeVar

from formats.csv_columns import BY_TYPE, guarded_text, row_cells
from formats.tables import BOM_ENCODING

Columns = Sequence[Sequence[Any]]
K = TypeVar("K")
V = TypeVar("V")


class Written(list[str]):
    """A column already written as the export's cells, quoted where needed ("" for an empty one); a cell may
    hold several cells joined by commas (a set's session and entry number, taken from its entry)."""


_NONE = type(None)
_SPECIAL = frozenset(',"\r\n')


def looked_up(mapping: Mapping[K, V], keys: Sequence[K]) -> Sequence[V]:
    """`mapping[key]` for each key, in order: itemgetter does the look-ups in C, in half the time of a map."""
    if len(keys) < 2:  # itemgetter of one key hands out the value itself, not a tuple of one
        return [mapping[key] for key in keys]
    return itemgetter(*keys)(mapping)  # type: ignore[no-any-return]


def quoted(text: str) -> str:
    """A cell as the csv module writes it (minimal quoting): in quotes, quotes doubled, where it holds a comma,
    a quote or a line break."""
    if _SPECIAL.isdisjoint(text):
        return text
    return '"' + text.replace('"', '""') + '"'


def _guarded(value: str) -> str:
    return quoted(guarded_text(value))


def columns_csv(header: Sequence[str], columns: Columns) -> bytes:
    """One CSV file from its columns, each value through the export's cell rules (formats/csv_columns.py)."""
    lines = [",".join(map(quoted, header)), *map(",".join, zip(*map(cells, columns), strict=True))]
    if len(header) == 1:  # the csv module writes a line of one empty cell as ""
        lines = [line or '""' for line in lines]
    lines.append("")
    return "\r\n".join(lines).encode(BOM_ENCODING)


def cells(column: Sequence[Any]) -> Sequence[str]:
    """The column as CSV cells, each distinct value written once (the rules of `cell`, then quoted)."""
    if not column:
        return column
    if isinstance(column, Written):
        return column
    kinds = set(map(type, column))
    kinds.discard(_NONE)
    if len(kinds) != 1:  # 1, 1.0 and True are one key to a dictionary but three texts
        return [quoted(text) for text in row_cells(column)] if kinds else [""] * len(column)
    kind = kinds.pop()
    rule: Callable[[Any], str] | None = _guarded if kind is str else BY_TYPE.get(kind)
    if rule is None:  # a type without a rule here (a Decimal, a numpy number) goes through `cell`
        return [quoted(text) for text in row_cells(column)]
    distinct = set(column)
    distinct.discard(None)
    texts = {value: rule(value) for value in distinct}
    texts[None] = ""
    return looked_up(texts, column)

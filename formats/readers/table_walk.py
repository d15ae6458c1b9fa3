"""A table whose rows each belong to a session, walked for one slice of sessions after another.

Threshold's entries.csv, sets.csv and pain_ratings.csv name their session in a session_id column; the reader
(formats/readers/threshold_sessions.py) asks each for the rows of sessions lo to hi - 1 in turn.
"""

from __future__ import annotations

from collections.abc import Iterator

from formats.readers.cells import fitted
from formats.readers.model import Problems
from formats.readers.reading import CsvText

Row = tuple[int | None, int, list[str]]
"""A row's session's place in sessions.csv (None when no session has its id), its line and its cells."""


def in_order(csv: CsvText, ids: dict[str, int]) -> bool:
    """True when the table's rows come in the order of their sessions in sessions.csv (unknown ids aside)."""
    column = csv.column("session_id")
    if column is None:
        return True
    # The runs kept when the file was checked, else a walk of every row.
    keys = csv.runs if csv.runs is not None else (c[column] if column < len(c) else "" for c in csv.raw_rows())
    last_id, last = None, -1
    for key in keys:
        if key == last_id:
            continue
        last_id = key
        at = ids.get(key.strip())
        if at is not None:
            if at < last:
                return False
            last = at
    return True


class TableWalk:
    """entries.csv, sets.csv or pain_ratings.csv, walked for the rows of one slice of sessions after another."""

    def __init__(self, csv: CsvText, ids: dict[str, int], ordered: bool, problems: Problems) -> None:
        self.csv, self.ids, self.ordered = csv, ids, ordered
        self.column = {name.strip().lower(): i for i, name in enumerate(csv.header)}
        self._problems = problems
        self._lines = csv.rows  # the one walk of a table in order, left where the last slice ended
        self._last: tuple[str | None, int | None] = (None, None)  # the last row's session_id and its place
        self._pending: Row | None = None

    def _rows(self, problems: Problems) -> Iterator[Row]:
        key, width, last_key, last = self.column["session_id"], len(self.csv.header), None, None
        for line, found in self.csv.rows:
            cells = found if len(found) == width else fitted(self.csv, line, found, problems)
            if cells is None:
                continue
            if cells[key] != last_key:  # a session's rows follow each other: one look-up for them all
                last_key = cells[key]
                last = self.ids.get(last_key.strip())
            yield last, line, cells

    def rows(self, lo: int, hi: int, problems: Problems) -> Iterator[Row]:
        """The rows of sessions lo to hi - 1, and (once, with the first slice) those of no session."""
        if not self.ordered:
            # Rows of no session, and rows that cannot be split, are reported by the walk of the first slice only.
            for found in self._rows(problems if lo == 0 else Problems()):
                at = found[0]
                if (lo <= at < hi) if at is not None else lo == 0:
                    yield found
            return
        if self._pending is not None:
            if self._pending[0] is not None and self._pending[0] >= hi:
                return
            yield self._pending
            self._pending = None
        # _rows' walk written out here: a generator less between the csv module and the reader of every row.
        key, width, ids = self.column["session_id"], len(self.csv.header), self.ids
        last_key, last = self._last
        try:
            for line, read in self._lines:  # leaving this loop leaves the walk where it is, for the next slice
                cells = read if len(read) == width else fitted(self.csv, line, read, self._problems)
                if cells is None:
                    continue
                if cells[key] != last_key:  # a session's rows follow each other: one look-up for them all
                    last_key = cells[key]
                    last = ids.get(last_key.strip())
                if last is not None and last >= hi:
                    self._pending = (last, line, cells)
                    return
                yield last, line, cells
        finally:
            self._last = (last_key, last)

    def session_id(self, cells: list[str]) -> str:
        """The row's session id as written."""
        return cells[self.column["session_id"]].strip()

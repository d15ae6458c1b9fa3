"""Reading single cells: dates in the forms the supported files use, and rows as dictionaries."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

from formats.readers.model import Problem
from formats.readers.reading import CsvText, cells_of, row_width_problem, wrong_separator

# Hevy writes '26 Jul 2025, 07:06'; some of its versions add seconds.
OTHER_MOMENTS = ("%d %b %Y, %H:%M", "%d %b %Y, %H:%M:%S", "%d %B %Y, %H:%M")


def moment(text: str) -> datetime | None:
    """A date and time from ISO text ('2026-11-23 18:30:00', 'T' allowed) or Hevy's form; None if neither."""
    text = text.strip()
    try:
        found = datetime.fromisoformat(text)
    except ValueError:
        pass
    else:
        return found if found.tzinfo is None else found.replace(tzinfo=None)
    for form in OTHER_MOMENTS:
        try:
            return datetime.strptime(text, form)
        except ValueError:
            continue
    return None


def day(text: str) -> date | None:
    """A calendar day from ISO text ('2026-11-23'); None when it is not one."""
    text = text.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        found = moment(text)
        return found.date() if found is not None and found.time() == datetime.min.time() else None


def bad_moment(column: str, text: str) -> str:
    """The message for a cell that should hold a date and time."""
    if not text.strip():
        return f"{column} is empty: enter a date and time like 2026-11-23 18:30:00."
    return f"{column} {text.strip()[:30]!r} is not a date and time; write it like 2026-11-23 18:30:00."


def bad_day(column: str, text: str) -> str:
    """The message for a cell that should hold a day."""
    if not text.strip():
        return f"{column} is empty: enter a date like 2026-11-23."
    return f"{column} {text.strip()[:30]!r} is not a date; write it like 2026-11-23."


def whole(text: str) -> int | None:
    """A whole number from text ('3', '3.0'); None when it is not one."""
    try:
        return int(text)
    except ValueError:
        pass
    try:
        value = float(text.strip().replace(",", "."))
    except ValueError:
        return None
    return int(value) if value.is_integer() else None


def fitted(table: CsvText, line: int, cells: list[str], problems: list[Problem]) -> list[str] | None:
    """A row of another width than the header's padded to it, or None (and a problem) when it cannot be split."""
    message = wrong_separator(table, cells) or row_width_problem(table, line, cells)
    if message:
        problems.append(Problem(table.file, line, message))
        return None
    return cells_of(table, cells)


def cell_rows(table: CsvText, problems: list[Problem]) -> Iterator[tuple[int, list[str]]]:
    """Each row's cells, as many as the header has columns; rows that cannot be split right become problems."""
    width = len(table.header)
    for line, cells in table.rows:
        if len(cells) == width:  # the usual case, kept fast for large files
            yield line, cells
            continue
        found = fitted(table, line, cells, problems)
        if found is not None:
            yield line, found


def records(table: CsvText, problems: list[Problem]) -> Iterator[tuple[int, dict[str, str]]]:
    """Each row as {lower-case column: cell}; rows that cannot be split right become problems instead."""
    names = [c.strip().lower() for c in table.header]
    for line, cells in cell_rows(table, problems):
        yield line, dict(zip(names, cells, strict=True))

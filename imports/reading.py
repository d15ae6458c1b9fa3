"""Bytes to rows: encodings, the column separator, and line numbers a person can find."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from imports.model import FileProblem

SEPARATORS = {",": "commas", ";": "semicolons", "\t": "tabs"}


@dataclass(frozen=True)
class CsvText:
    """A CSV file read into a header and rows; each row keeps the line it starts on."""

    file: str
    header: list[str]
    rows: list[tuple[int, list[str]]]
    separator: str
    encoding: str

    def column(self, name: str) -> int | None:
        """The index of a column by its name, ignoring case and surrounding spaces."""
        wanted = name.strip().lower()
        for i, column in enumerate(self.header):
            if column.strip().lower() == wanted:
                return i
        return None


def decode(data: bytes) -> tuple[str, str]:
    """Text and the encoding it was in: UTF-8 (with or without a byte-order mark), else Latin-1."""
    try:
        return data.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        # Latin-1 maps every byte to a character, so it always reads; it is what older Windows tools write.
        return data.decode("latin-1"), "Latin-1"


def _separator(file: str, header: str) -> str:
    counts = {sep: _count_outside_quotes(header, sep) for sep in SEPARATORS}
    best = max(counts, key=lambda sep: counts[sep])
    if counts[best] == 0:
        others = sorted({ch for ch in header if ch in "|:^~#"})
        seen = f" It seems to use {' '.join(repr(o) for o in others)} instead." if others else ""
        raise FileProblem(
            file,
            "The first line has no commas, semicolons or tabs between column names, so its columns cannot be told "
            f"apart.{seen} Save the file as CSV with commas between the columns.",
            1,
        )
    return best


def _count_outside_quotes(line: str, sep: str) -> int:
    count, quoted = 0, False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif ch == sep and not quoted:
            count += 1
    return count


def read_csv(file: str, data: bytes) -> CsvText:
    """Parse a CSV upload, or raise FileProblem saying what to fix."""
    text, encoding = decode(data)
    if not text.strip():
        raise FileProblem(file, "The file is empty: export your data again and upload the new file.")
    first = next(line for line in text.splitlines() if line.strip())
    separator = _separator(file, first)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    rows: list[tuple[int, list[str]]] = []
    header: list[str] | None = None
    start = 1
    try:
        for cells in reader:
            if any(c.strip() for c in cells):
                if header is None:
                    header = [c.strip() for c in cells]
                else:
                    rows.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as error:
        raise FileProblem(file, f"The file is not valid CSV ({error}); export it again.", start) from error
    assert header is not None
    return CsvText(file, header, rows, separator, encoding)


def row_width_problem(table: CsvText, line: int, cells: list[str]) -> str | None:
    """A message when a row has more cells than the header has columns (a stray separator), else None."""
    if len(cells) <= len(table.header):
        return None
    if len(cells) == 1 or len(table.header) == 1:
        return None
    return (
        f"this row has {len(cells)} cells but the header has {len(table.header)} columns; "
        f"check for a stray {SEPARATORS[table.separator][:-1]} or quote the text that contains one."
    )


def cells_of(table: CsvText, cells: list[str]) -> list[str]:
    """Cells padded with empty ones to the header's width (some programs drop trailing empty cells)."""
    return cells + [""] * (len(table.header) - len(cells)) if len(cells) < len(table.header) else cells


def wrong_separator(table: CsvText, cells: list[str]) -> str | None:
    """A message when a row is one cell that holds another separator (the rows and header disagree)."""
    if len(table.header) > 1 and len(cells) == 1:
        for sep, name in SEPARATORS.items():
            if sep != table.separator and sep in cells[0]:
                return (
                    f"this row uses {name} between its cells but the header uses {SEPARATORS[table.separator]}; "
                    "save the whole file with one kind of separator."
                )
    return None

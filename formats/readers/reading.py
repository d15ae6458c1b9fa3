"""Bytes to rows: encodings, the column separator, and line numbers a person can find."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain

from formats.readers.model import FileProblem

SEPARATORS = {",": "commas", ";": "semicolons", "\t": "tabs"}
# The column whose runs the checking walk keeps (CsvText.runs): a reader learns from them whether a table's rows
# follow its sessions without parsing the table once more. A table in session order has one run per session.
RUN_COLUMN = "session_id"
MAX_RUNS = 200_000


@dataclass(frozen=True)
class CsvText:
    """A CSV file checked and read up to its header; its rows are parsed again each time they are walked.

    Keeping the text (one string) rather than a list of cells per row holds a million-row file in tens of
    megabytes instead of hundreds.
    """

    file: str
    header: list[str]
    text: str = field(repr=False)
    separator: str
    encoding: str
    runs: list[str] | None = field(default=None, repr=False)
    """The session_id cells of every row (the header's too), each run of equal ones once, as the walk that
    checked the file kept them; None for a table without that column or with more than MAX_RUNS runs."""

    @property
    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """Each row after the header, with the line it starts on (the file was checked to parse when read)."""
        rows = _rows(self.text, self.separator)
        next(rows)  # the header
        return rows

    def raw_rows(self) -> Iterator[list[str]]:
        """Every row's cells, the header's and blank rows included, without line numbers: the quickest walk."""
        return csv.reader(lines(self.text), delimiter=self.separator)

    def column(self, name: str) -> int | None:
        """The index of a column by its name, ignoring case and surrounding spaces."""
        wanted = name.strip().lower()
        for i, column in enumerate(self.header):
            if column.strip().lower() == wanted:
                return i
        return None


# A character of two to four bytes as UTF-8 writes it; Latin-1 text almost never holds such a pair by chance.
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode(file: str, data: bytes) -> tuple[str, str]:
    """Text and the encoding it was in: UTF-8 (with or without a byte-order mark), else Latin-1.

    One encoding per file: a file that is UTF-8 in places and not in others is refused, rather than read
    whole as Latin-1 (which would turn every 'café' written as UTF-8 into 'cafÃ©').
    """
    try:
        return data.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError as error:
        utf8 = _UTF8_MULTIBYTE.search(data)
        if utf8 is not None:
            good, bad = _line_of(data, utf8.start()), _line_of(data, error.start)
            where = (
                f"line {bad} mixes UTF-8 text with bytes that are not (is this a CSV file at all?)"
                if good == bad
                else f"the file mixes two text encodings: line {good} is UTF-8 but line {bad} is not"
            )
            raise FileProblem(
                file,
                f"{where}. Open it in a spreadsheet or text editor and save it again as CSV UTF-8.",
                bad,
            ) from None
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
    text, encoding = decode(file, data)
    if not text.strip():
        raise FileProblem(file, "The file is empty: export your data again and upload the new file.")
    nul = text.find("\x00")
    if nul >= 0:
        # No database stores a NUL in text (PostgreSQL refuses it), and no export writes one: it is not a CSV.
        line = text.count("\n", 0, nul) + 1
        raise FileProblem(file, "The file is not valid CSV (it holds a NUL character); export it again.", line)
    first = next(line for line in lines(text) if line.strip())
    separator = _separator(file, first)
    try:
        # Walked once here, so that walking the rows later cannot fail; only the header is kept.
        header = next(((cells for _line, cells in _rows(text, separator))), None)
        names = [c.strip().lower() for c in header or ()]
        parses, runs = _parses(text, separator, names.index(RUN_COLUMN) if RUN_COLUMN in names else None)
        if not parses:
            for _row in _rows(text, separator):  # again, slowly, to say on which line it fails
                pass
    except _NotCsv as error:
        raise FileProblem(file, f"The file is not valid CSV ({error.reason}); export it again.", error.line) from None
    if header is None:
        raise FileProblem(file, "The file is empty: export your data again and upload the new file.")
    return CsvText(file, [c.strip() for c in header], text, separator, encoding, runs)


class _NotCsv(ValueError):
    """Where and why the csv module gave up on the text."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(reason)
        self.line, self.reason = line, reason


# Characters of text turned into lines at a time. A StringIO holds four bytes a character, so one over a whole
# large file would hold four times its text for as long as its rows are walked.
LINES_CHUNK = 1 << 20


def lines(text: str) -> Iterator[str]:
    """The text's lines with their endings, as io.StringIO(text, newline="") gives them, a chunk at a time."""
    # chain hands the lines on in C: a generator that yielded each one cost as much as the csv module's parsing.
    return chain.from_iterable(io.StringIO(chunk, newline="") for chunk in _chunks(text))


def _chunks(text: str) -> Iterator[str]:
    start = 0
    while start < len(text):
        # Cut just after a newline, so that no line (nor a '\r\n' pair) is split between two chunks.
        cut = text.find("\n", start + LINES_CHUNK)
        end = len(text) if cut < 0 else cut + 1
        yield text[start:end]
        start = end


def _parses(text: str, separator: str, column: int | None) -> tuple[bool, list[str] | None]:
    """True when the csv module reads the whole text (the quick walk: no line numbers, blank rows kept), and the
    runs of the column's cells (see CsvText.runs) when a column is given."""
    runs: list[str] | None = None if column is None else []
    at, last = column or 0, None
    try:
        for cells in csv.reader(lines(text), delimiter=separator):
            if runs is not None:
                key = cells[at] if at < len(cells) else ""
                if key != last:
                    last = key
                    runs.append(key)
                    runs = runs if len(runs) <= MAX_RUNS else None
    except csv.Error:
        return False, None
    return True, runs


def _rows(text: str, separator: str) -> Iterator[tuple[int, list[str]]]:
    """Each non-blank row with the line it starts on (raises _NotCsv where the text is not CSV)."""
    reader = csv.reader(lines(text), delimiter=separator)
    start = 1
    try:
        for cells in reader:
            # A row of nothing but separators and spaces is a blank line (the first test is the usual row's, quick).
            if (len(cells) > 1 and cells[0]) or (
                any(cells) and (len(cells) > 1 or cells[0].strip() or any(c.strip() for c in cells))
            ):
                yield start, cells
            start = reader.line_num + 1
    except csv.Error as error:
        raise _NotCsv(start, str(error)) from None


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

"""Which kind of file was uploaded (Threshold zip or CSV, Strong, Hevy), read into raw input."""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePath

from formats.readers.app_rows import hevy_rows, is_hevy, is_strong, strong_rows
from formats.readers.archive import MAX_BYTES, zip_members
from formats.readers.model import FileProblem, Parsed, Problems
from formats.readers.reading import CsvText, read_csv
from formats.readers.threshold import parse_threshold, which_table
from formats.readers.workout_apps import sessions_from


def parse_upload(filename: str, data: bytes) -> Parsed:
    """Read an upload into raw input, or raise FileProblem when it cannot be read at all."""
    if len(data) > MAX_BYTES:
        raise FileProblem(filename, f"the file is larger than {MAX_BYTES // 2**20} MB; split it up.")
    is_zip = data[:4] == b"PK\x03\x04" or filename.lower().endswith(".zip")
    members = zip_members(filename, data) if is_zip else {PurePath(filename).name or "upload.csv": data}
    tables = {name: read_csv(name, content) for name, content in members.items()}
    if len(tables) == 1:
        table = next(iter(tables.values()))
        for is_app, rows_of, source in ((is_strong, strong_rows, "Strong"), (is_hevy, hevy_rows, "Hevy")):
            if is_app(table.header):
                problems = Problems()
                rows, unit = rows_of(table, problems)
                parsed = sessions_from(rows, table.file, source, unit)
                problems += parsed.problems
                parsed.problems = problems
                return _noted(parsed, tables)
    apps = [t for t in tables.values() if is_strong(t.header) or is_hevy(t.header)]
    if apps and len(tables) > 1:
        # Each app export is a history of its own: read together, one would be taken for a Threshold table.
        raise FileProblem(
            apps[0].file,
            f"{len(tables)} files were given together, and this one is a Strong or Hevy export. Import one Strong or "
            "Hevy file at a time: remove the others from the upload box, check and import it, then add the next.",
            1,
        )
    unknown = [t for t in tables.values() if which_table(t.file, t.header) is None]
    if unknown:
        first = unknown[0]
        raise FileProblem(
            first.file,
            f"the columns ({', '.join(first.header[:6])}{'...' if len(first.header) > 6 else ''}) are not those of a "
            "Threshold, Strong or Hevy export. Upload Threshold's zip or one of its CSV files, or the CSV file "
            "that Strong or Hevy exported.",
            1,
        )
    return _noted(parse_threshold(tables), tables)


def _noted(parsed: Parsed, tables: dict[str, CsvText]) -> Parsed:
    latin = [t.file for t in tables.values() if t.encoding != "UTF-8"]
    if latin:
        parsed.notes.append(f"{', '.join(latin)} was not UTF-8; it was read as Latin-1 (Western European).")
    return parsed


def bundle(files: list[tuple[str, bytes]]) -> tuple[str, bytes]:
    """Several uploaded CSV files of one export as one zip (a single file is passed on as it is)."""
    if len(files) == 1:
        return files[0]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files:
            archive.writestr(PurePath(name).name, content)
    return "upload.zip", buffer.getvalue()

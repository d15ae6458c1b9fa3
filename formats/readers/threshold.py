"""Threshold's own export read back: the zip's tables (or some of them) into raw input."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from formats import tables as t
from formats.readers.cells import bad_day, bad_moment, day, moment, records
from formats.readers.model import Parsed, Problem, RawItem
from formats.readers.reading import CsvText
from formats.readers.threshold_sessions import SESSION_PARTS, WEIGHT_COLUMNS, SessionStream, restored


def _required(table: t.Table) -> set[str]:
    return {c for c in table.required if c != "weight_UNIT"}


def which_table(filename: str, header: list[str]) -> t.Table | None:
    """The export table a CSV file is: by its name, else by its columns."""
    name = PurePath(filename).name.lower()
    if name in t.BY_FILE:
        return t.BY_FILE[name]
    columns = {c.strip().lower() for c in header}
    fits = [table for table in t.TABLES if _required(table) <= columns]
    return max(fits, key=lambda table: len(_required(table)), default=None)


def column_problems(table: t.Table, csv: CsvText) -> list[Problem]:
    """Missing, unknown and repeated columns of one export table."""
    columns = [c.strip().lower() for c in csv.header]
    problems = []
    missing = sorted(_required(table) - set(columns))
    weights = [c for c in columns if c in WEIGHT_COLUMNS]
    if "weight_UNIT" in table.required and len(weights) != 1:
        missing.append("weight_kg or weight_lb (one of them)")
    if missing:
        them = "it" if len(missing) == 1 else "them"
        problems.append(
            Problem(
                csv.file, 1, f"missing {_columns(len(missing))}: {', '.join(missing)}; add {them} to the first line."
            )
        )
    allowed = _required(table) | set(table.optional) | set(WEIGHT_COLUMNS)
    extra = [c for c in columns if c not in allowed]
    if extra:
        problems.append(
            Problem(
                csv.file,
                1,
                f"{_columns(len(extra))} {', '.join(repr(c) for c in extra)} {'is' if len(extra) == 1 else 'are'} "
                f"not part of Threshold's {table.file}; remove {'it' if len(extra) == 1 else 'them'} (its columns "
                f"are: {', '.join(table.columns('kg'))}).",
            )
        )
    repeated = sorted({c for c in columns if columns.count(c) > 1})
    if repeated:
        appear = "appears" if len(repeated) == 1 else "appear"
        problems.append(
            Problem(csv.file, 1, f"{_columns(len(repeated))} {', '.join(repeated)} {appear} more than once.")
        )
    return problems


def _columns(n: int) -> str:
    return "column" if n == 1 else "columns"


def parse_threshold(files: dict[str, CsvText]) -> Parsed:
    """Turn the export's tables into raw input; problems for what cannot even be read."""
    parsed = Parsed("Threshold export")
    tables: dict[t.Table, CsvText] = {}
    for name, csv in files.items():
        table = which_table(name, csv.header)
        if table is None:
            parsed.problems.append(Problem(name, 1, "this is not one of the files of a Threshold export."))
            continue
        parsed.problems.extend(column_problems(table, csv))
        tables[table] = csv
    if parsed.problems:
        return parsed
    if t.SESSIONS not in tables and any(part in tables for part in SESSION_PARTS):
        file = next(tables[part].file for part in SESSION_PARTS if part in tables)
        parsed.problems.append(Problem(file, 0, "this file needs sessions.csv beside it: upload the whole zip."))
        return parsed
    if t.SESSIONS in tables:
        parsed.stream = SessionStream(tables, parsed.problems)
    for table, target, reader in (
        (t.CHECKINS, parsed.checkins, _checkin),
        (t.PEGS, parsed.pegs, _peg),
        (t.PRESSURES, parsed.pressures, _pressure),
        (t.EXERCISES, parsed.exercises, _exercise),
        (t.GOALS, parsed.goals, _goal),
        (t.PSFS, parsed.psfs, _psfs),
        (t.PGIC, parsed.pgic, _pgic),
        (t.MEDICATIONS, parsed.medications, _medication),
        (t.DOSES, parsed.doses, _dose),
    ):
        if table in tables:
            for line, row in records(tables[table], parsed.problems):
                raw = reader(row, tables[table].file, line, parsed.problems)
                if raw is not None:
                    target.append(RawItem(raw, (tables[table].file, line)))
    return parsed


def _day_of(row: dict[str, str], file: str, line: int, problems: list[Problem]) -> Any:
    found = day(row["day"])
    if found is None:
        problems.append(Problem(file, line, bad_day("day", row["day"])))
    return found


def _checkin(row: dict[str, str], file: str, line: int, problems: list[Problem]) -> dict[str, Any] | None:
    found = _day_of(row, file, line, problems)
    link = row["session_started_at"].strip()
    started = moment(link) if link else None
    if link and started is None:
        problems.append(Problem(file, line, bad_moment("session_started_at", link)))
    if found is None or (link and started is None):
        return None
    raw = {"day": found, "region": row["region"].strip(), "pain": row["pain"], "session_started_at": started}
    return raw | {"sleep": row.get("sleep_quality", "").strip()}


def _peg(row: dict[str, str], file: str, line: int, problems: list[Problem]) -> dict[str, Any] | None:
    found = _day_of(row, file, line, problems)
    return None if found is None else {"day": found} | {k: row[k] for k in ("pain", "enjoyment", "activity")}


def _pressure(row: dict[str, str], file: str, line: int, problems: list[Problem]) -> dict[str, Any] | None:
    found = _day_of(row, file, line, problems)
    trials = {f"trial{i}": row[f"trial{i}_kg_cm2"] for i in (1, 2, 3)}
    return None if found is None else {"day": found, "site": restored(row, "site")} | trials


def _exercise(row: dict[str, str], file: str, line: int, problems: list[Problem]) -> dict[str, Any] | None:
    one_sided = row["one_sided"].strip().lower()
    if one_sided not in ("yes", "no", "true", "false", "1", "0", ""):
        problems.append(Problem(file, line, f"one_sided must be yes or no, not {one_sided[:20]!r}."))
        return None
    return {
        "name": restored(row, "name"),
        "category": row["category"].strip(),
        "equipment": row["equipment"].strip(),
        "impact": row["impact"].strip(),
        "one_sided": one_sided in ("yes", "true", "1"),
        "counterpart": restored(row, "counterpart"),
    }


def _days(row: dict[str, str], file: str, line: int, problems: list[Problem], *columns: str) -> list[Any] | None:
    """The columns as days (None for an empty optional one, the last column); None when one is not a day."""
    found, fine = [], True
    for i, column in enumerate(columns):
        text = row[column].strip()
        value = day(text) if text or i == 0 else None
        if (text or i == 0) and value is None:
            problems.append(Problem(file, line, bad_day(column, text)))
            fine = False
        found.append(value)
    return found if fine else None


def _goal(row: dict[str, str], file: str, line: int, problems: list[Problem]) -> dict[str, Any] | None:
    found = _days(row, file, line, problems, "created_on", "retired_on")
    if found is None:
        return None
    return {"activity": restored(row, "activity"), "created_on": found[0], "retired_on": found[1]}


def _psfs(row: dict[str, str], file: str, line: int, problems: list[Problem]) -> dict[str, Any] | None:
    rated = _day_of(row, file, line, problems)
    added = _days(row, file, line, problems, "activity_created_on")
    if rated is None or added is None:
        return None
    return {"day": rated, "activity": restored(row, "activity"), "activity_created_on": added[0], "score": row["score"]}


def _pgic(row: dict[str, str], file: str, line: int, problems: list[Problem]) -> dict[str, Any] | None:
    found = _day_of(row, file, line, problems)
    return None if found is None else {"day": found, "score": row["score"]}


def _medication(row: dict[str, str], file: str, line: int, problems: list[Problem]) -> dict[str, Any] | None:
    found = _days(row, file, line, problems, "start_day", "end_day")
    amount = {"name": restored(row, "name"), "dose": row["dose"], "unit": row["unit"].strip()}
    return None if found is None else amount | {"start": found[0], "end": found[1]}


def _dose(row: dict[str, str], file: str, line: int, problems: list[Problem]) -> dict[str, Any] | None:
    taken = moment(row["taken_at"])
    if taken is None:
        problems.append(Problem(file, line, bad_moment("taken_at", row["taken_at"])))
        return None
    return {"name": restored(row, "name"), "dose": row["dose"], "unit": row["unit"].strip(), "taken_at": taken}

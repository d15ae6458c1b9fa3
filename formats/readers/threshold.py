"""Threshold's own export read back: the zip's tables (or some of them) into raw input."""

from __future__ import annotations

from array import array
from collections import defaultdict
from itertools import pairwise
from pathlib import PurePath
from typing import Any, NamedTuple

from formats import tables as t
from formats.readers.cells import bad_day, bad_moment, day, moment, records, whole
from formats.readers.model import Parsed, Problem, RawItem, RawSession, Where
from formats.readers.reading import CsvText

WEIGHT_COLUMNS = {"weight_kg": "kg", "weight_lb": "lb"}
SESSION_PARTS = (t.ENTRIES, t.SETS, t.PAINS)


class RawSet(NamedTuple):
    """One set's cells as read (check_session input reads it like a mapping): a third of a dict's memory."""

    weight: str
    reps: str

    def get(self, key: str, default: object = None) -> object:
        """The cell named `key` ('weight' or 'reps'), like dict.get."""
        return getattr(self, key, default) if key in self._fields else default


class _SetPlaces(dict[str, Where]):
    """A session's places, its sets' lines kept as an array of numbers per entry (4 bytes a set, not 90)."""

    def __init__(self, places: dict[str, Where], file: str) -> None:
        super().__init__(places)
        self.file = file
        self.set_lines: dict[int, array[int]] = {}

    def get(self, key: str, default: Any = None) -> Any:
        """The place of `key`, a set's ('entries.0.sets.2') included."""
        found = super().get(key)
        if found is not None:
            return found
        parts = key.split(".")
        if len(parts) == 4 and parts[0] == "entries" and parts[2] == "sets" and (parts[1] + parts[3]).isdigit():
            lines = self.set_lines.get(int(parts[1]))
            if lines is not None and int(parts[3]) < len(lines):
                return (self.file, lines[int(parts[3])])
        return default

    def clear(self) -> None:
        """Forget every place."""
        super().clear()
        self.set_lines.clear()


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
        problems.append(Problem(csv.file, 1, f"missing column(s): {', '.join(missing)}; add them to the first line."))
    allowed = _required(table) | set(table.optional) | set(WEIGHT_COLUMNS)
    extra = [c for c in columns if c not in allowed]
    if extra:
        problems.append(
            Problem(
                csv.file,
                1,
                f"column(s) {', '.join(repr(c) for c in extra)} are not part of Threshold's {table.file}; "
                f"remove them (its columns are: {', '.join(table.columns('kg'))}).",
            )
        )
    repeated = sorted({c for c in columns if columns.count(c) > 1})
    if repeated:
        problems.append(Problem(csv.file, 1, f"column(s) {', '.join(repeated)} appear more than once."))
    return problems


def _text(row: dict[str, str], column: str) -> str:
    return t.restore(row.get(column, ""))


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
        _sessions(tables, parsed)
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


def _sessions(tables: dict[t.Table, CsvText], parsed: Parsed) -> None:
    problems = parsed.problems
    csv = tables[t.SESSIONS]
    by_id: dict[str, RawSession] = {}
    for line, row in records(csv, problems):
        started = moment(row["started_at"])
        key = row["session_id"].strip()
        if started is None:
            problems.append(Problem(csv.file, line, bad_moment("started_at", row["started_at"])))
        if key in by_id:
            problems.append(Problem(csv.file, line, f"session_id {key} appears twice; each session needs its own."))
            continue
        raw: dict[str, Any] = {
            "started_at": started,
            "notes": _text(row, "notes"),
            "rpe": row["effort_rpe"],
            "entries": [],
            "pains": [],
        }
        by_id[key] = RawSession(raw, None, {"": (csv.file, line)})
    entries: dict[tuple[str, int], dict[str, Any]] = {}
    ordered: dict[str, list[tuple[int, int, dict[str, Any]]]] = defaultdict(list)
    if t.ENTRIES in tables:
        csv = tables[t.ENTRIES]
        for line, row in records(csv, problems):
            found = _owner(by_id, row, csv.file, line, problems)
            number = whole(row["entry_number"])
            if number is None:
                problems.append(Problem(csv.file, line, f"entry_number {row['entry_number']!r} is not a whole number."))
            if found is None or number is None:
                continue
            if (row["session_id"].strip(), number) in entries:
                problems.append(Problem(csv.file, line, f"entry_number {number} appears twice in this session."))
                continue
            entry: dict[str, Any] = {
                "exercise": _text(row, "exercise"),
                "sets": [],
                "minutes": row["minutes"],
                "distance_km": row["distance_km"],
                "intensity": row["intensity"].strip() or None,
            }
            entries[(row["session_id"].strip(), number)] = entry
            ordered[row["session_id"].strip()].append((number, line, entry))
    index_of: dict[tuple[str, int], int] = {}
    for key, items in ordered.items():
        session = by_id[key]
        for i, (number, line, entry) in enumerate(sorted(items, key=lambda item: item[0])):
            session.raw["entries"].append(entry)
            session.places[f"entries.{i}"] = (tables[t.ENTRIES].file, line)
            index_of[(key, number)] = i
    if t.SETS in tables:
        _sets(tables[t.SETS], by_id, entries, index_of, problems)
    if t.PAINS in tables:
        csv = tables[t.PAINS]
        for line, row in records(csv, problems):
            found = _owner(by_id, row, csv.file, line, problems)
            if found is not None:
                pain = {k: row[k] for k in ("before", "during", "after")} | {"region": row["region"].strip()}
                found.places[f"pains.{len(found.raw['pains'])}"] = (csv.file, line)
                found.raw["pains"].append(pain)
    parsed.sessions.extend(by_id.values())


def _sets(
    csv: CsvText,
    by_id: dict[str, RawSession],
    entries: dict[tuple[str, int], dict[str, Any]],
    index_of: dict[tuple[str, int], int],
    problems: list[Problem],
) -> None:
    weight_column = next(c.strip().lower() for c in csv.header if c.strip().lower() in WEIGHT_COLUMNS)
    unit = WEIGHT_COLUMNS[weight_column]
    # Each set goes straight into its entry, its number and line beside it: no tuple per set on the way.
    numbers: dict[tuple[str, int], list[int]] = defaultdict(list)
    lines: dict[tuple[str, int], array[int]] = defaultdict(lambda: array("I"))
    # A million sets hold a few hundred distinct weights and rep counts: one string each, shared.
    shared: dict[str, str] = {}
    for line, row in records(csv, problems):
        session = _owner(by_id, row, csv.file, line, problems)
        entry_number, set_number = whole(row["entry_number"]), whole(row["set_number"])
        if entry_number is None or set_number is None:
            problems.append(Problem(csv.file, line, "entry_number and set_number must be whole numbers."))
            continue
        if session is None:
            continue
        key = (row["session_id"].strip(), entry_number)
        if key not in entries:
            problems.append(Problem(csv.file, line, f"entry {entry_number} of session {key[0]} is not in entries.csv."))
            continue
        session.unit = unit
        weight, reps = row[weight_column], row["reps"]
        entries[key]["sets"].append(RawSet(shared.setdefault(weight, weight), shared.setdefault(reps, reps)))
        numbers[key].append(set_number)
        lines[key].append(line)
    for key, found in numbers.items():
        session, at = by_id[key[0]], lines[key]
        if any(a > b for a, b in pairwise(found)):  # rows not in set order: put them in it
            order = sorted(range(len(found)), key=found.__getitem__)
            sets = entries[key]["sets"]
            entries[key]["sets"] = [sets[i] for i in order]
            at = array("I", (at[i] for i in order))
        if not isinstance(session.places, _SetPlaces):
            session.places = _SetPlaces(session.places, csv.file)
        session.places.set_lines[index_of[key]] = at


def _owner(
    by_id: dict[str, RawSession], row: dict[str, str], file: str, line: int, problems: list[Problem]
) -> RawSession | None:
    found = by_id.get(row["session_id"].strip())
    if found is None:
        problems.append(Problem(file, line, f"session_id {row['session_id'].strip()!r} is not in sessions.csv."))
    return found


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
    return None if found is None else {"day": found, "site": _text(row, "site")} | trials


def _exercise(row: dict[str, str], file: str, line: int, problems: list[Problem]) -> dict[str, Any] | None:
    one_sided = row["one_sided"].strip().lower()
    if one_sided not in ("yes", "no", "true", "false", "1", "0", ""):
        problems.append(Problem(file, line, f"one_sided must be yes or no, not {one_sided[:20]!r}."))
        return None
    return {
        "name": _text(row, "name"),
        "category": row["category"].strip(),
        "equipment": row["equipment"].strip(),
        "impact": row["impact"].strip(),
        "one_sided": one_sided in ("yes", "true", "1"),
        "counterpart": _text(row, "counterpart"),
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
    return (
        None if found is None else {"activity": _text(row, "activity"), "created_on": found[0], "retired_on": found[1]}
    )


def _psfs(row: dict[str, str], file: str, line: int, problems: list[Problem]) -> dict[str, Any] | None:
    rated = _day_of(row, file, line, problems)
    added = _days(row, file, line, problems, "activity_created_on")
    if rated is None or added is None:
        return None
    return {"day": rated, "activity": _text(row, "activity"), "activity_created_on": added[0], "score": row["score"]}


def _pgic(row: dict[str, str], file: str, line: int, problems: list[Problem]) -> dict[str, Any] | None:
    found = _day_of(row, file, line, problems)
    return None if found is None else {"day": found, "score": row["score"]}


def _medication(row: dict[str, str], file: str, line: int, problems: list[Problem]) -> dict[str, Any] | None:
    found = _days(row, file, line, problems, "start_day", "end_day")
    amount = {"name": _text(row, "name"), "dose": row["dose"], "unit": row["unit"].strip()}
    return None if found is None else amount | {"start": found[0], "end": found[1]}


def _dose(row: dict[str, str], file: str, line: int, problems: list[Problem]) -> dict[str, Any] | None:
    taken = moment(row["taken_at"])
    if taken is None:
        problems.append(Problem(file, line, bad_moment("taken_at", row["taken_at"])))
        return None
    return {"name": _text(row, "name"), "dose": row["dose"], "unit": row["unit"].strip(), "taken_at": taken}

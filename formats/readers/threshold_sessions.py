"""A Threshold export's sessions read a slice at a time, so that memory holds one slice whatever the file's size.

When the file is read, sessions.csv is walked once (each session id's place in it) and so is entries.csv (the
exercise names, which matching needs before any session is checked); sets.csv and pain_ratings.csv are only
looked at to see whether their rows follow the order of sessions.csv. The sessions themselves are built as the
import asks for each batch: a table in session order (as Threshold writes it) is walked once, beside
sessions.csv; a table in any other order is walked again for every slice of SCAN_SLICE sessions.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from dataclasses import replace
from functools import partial
from itertools import islice
from typing import Any

from formats import tables as t
from formats.readers.cells import bad_moment, cell_rows, moment, whole
from formats.readers.model import NamePlace, Problem, Problems, RawSession, Where
from formats.readers.reading import CsvText
from formats.readers.table_walk import TableWalk, in_order
from tracker.session_input import SetInput

WEIGHT_COLUMNS = {"weight_kg": "kg", "weight_lb": "lb"}
SESSION_PARTS = (t.ENTRIES, t.SETS, t.PAINS)
# Sessions built at a time from a table whose rows are not in session order: each slice walks that table
# once more, so a larger slice means fewer walks and more memory (about 1.5 KB a session of ten sets).
SCAN_SLICE = 20_000


def restored(row: dict[str, str], column: str) -> str:
    """A text cell as it was before the export guarded it against spreadsheet formulas."""
    return t.restore(row.get(column, ""))


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


class SessionStream:
    """The sessions of a Threshold export (see the module's docstring); walk it with batches()."""

    def __init__(self, tables: dict[t.Table, CsvText], problems: Problems) -> None:
        self.tables = tables
        self.ids: dict[str, int] = {}
        self.lines = array("I")  # the line of each session, by its place
        csv = tables[t.SESSIONS]
        # Cells by column position, not a dict per row: this walk and _heads' cover every session of the file.
        c = _columns(csv)
        key_at, started_at = c["session_id"], c["started_at"]
        for line, cells in cell_rows(csv, problems):
            key = cells[key_at].strip()
            if moment(cells[started_at]) is None:
                problems.append(Problem(csv.file, line, bad_moment("started_at", cells[started_at])))
            if key in self.ids:
                problems.append(Problem(csv.file, line, f"session_id {key} appears twice; each session needs its own."))
                continue
            self.ids[key] = len(self.lines)
            self.lines.append(line)
        self.exercise_lines: dict[str, array[int]] = {}
        self.ordered = {t.ENTRIES: self._index_entries(tables[t.ENTRIES], problems)} if t.ENTRIES in tables else {}
        # Only reading the tables' order here: their rows' problems are found as each slice is built.
        self.ordered |= {part: in_order(tables[part], self.ids) for part in SESSION_PARTS[1:] if part in tables}
        # The session id runs kept when each table was checked served for the order above: let them go.
        self.tables = {table: replace(csv, runs=None) for table, csv in tables.items()}

    def _index_entries(self, csv: CsvText, problems: Problems) -> bool:
        """Report what is wrong with entries.csv's rows, note each exercise name's lines; True if in session order."""
        seen: set[tuple[int, int]] = set()
        last, ordered = -1, True
        c = _columns(csv)
        key_at, number_at, exercise_at = c["session_id"], c["entry_number"], c["exercise"]
        ids, lines_of = self.ids, self.exercise_lines
        for line, cells in cell_rows(csv, problems):
            at = ids.get(cells[key_at].strip())
            if at is None:
                problems.append(Problem(csv.file, line, _no_session(cells[key_at].strip())))
            elif at < last:
                ordered = False
            else:
                last = at
            number = whole(cells[number_at])
            if number is None:
                problems.append(Problem(csv.file, line, f"entry_number {cells[number_at]!r} is not a whole number."))
            if at is None or number is None:
                continue
            if (at, number) in seen:
                problems.append(Problem(csv.file, line, f"entry_number {number} appears twice in this session."))
                continue
            seen.add((at, number))
            name = t.restore(cells[exercise_at])
            found = lines_of.get(name)
            if found is None:
                found = lines_of[name] = array("I")
            found.append(line)
        return ordered

    def __len__(self) -> int:
        """How many sessions sessions.csv holds (each id once)."""
        return len(self.lines)

    def __iter__(self) -> Iterator[RawSession]:
        """Each session, built slice by slice."""
        for batch in self.batches(SCAN_SLICE, Problems()):
            yield from batch

    def names(self) -> Iterator[NamePlace]:
        """Each entry's exercise name, with its line in entries.csv."""
        file = self.tables[t.ENTRIES].file if t.ENTRIES in self.tables else ""
        for name, lines in self.exercise_lines.items():
            for line in lines:
                yield name, partial(_place, file, line)

    def batches(self, size: int, problems: Problems) -> Iterator[list[RawSession]]:
        """The sessions `size` at a time, in the order of sessions.csv, with their entries, sets and pains."""
        quiet = Problems()  # sessions.csv and entries.csv were reported on when the file was read
        walks = {
            part: TableWalk(self.tables[part], self.ids, ordered, quiet if part == t.ENTRIES else problems)
            for part, ordered in self.ordered.items()
        }
        heads = self._heads(quiet)
        step = size if all(self.ordered.values()) else max(size, SCAN_SLICE)
        if not len(self):
            _Slice(0, [], walks, problems).fill()  # rows naming sessions that sessions.csv does not hold
        for lo in range(0, len(self), step):
            hi = min(len(self), lo + step)
            sessions = list(islice(heads, hi - lo))
            _Slice(lo, sessions, walks, problems).fill()
            for first in range(0, len(sessions), size):
                yield sessions[first : first + size]

    def _heads(self, quiet: Problems) -> Iterator[RawSession]:
        """Each session as sessions.csv gives it, without its entries and pains yet (repeated ids left out)."""
        csv = self.tables[t.SESSIONS]
        c = _columns(csv)
        key_at, started_at, rpe_at, notes_at = c["session_id"], c["started_at"], c["effort_rpe"], c["notes"]
        ids, lines, file = self.ids, self.lines, csv.file
        for line, cells in cell_rows(csv, quiet):
            at = ids.get(cells[key_at].strip())
            if at is None or lines[at] != line:
                continue
            raw: dict[str, Any] = {
                "started_at": moment(cells[started_at]),
                "notes": t.restore(cells[notes_at]),
                "rpe": cells[rpe_at],
                "entries": [],
                "pains": [],
            }
            yield RawSession(raw, None, {"": (file, line)})


def _columns(csv: CsvText) -> dict[str, int]:
    """Each column's position by its name in lower case (a Threshold table's names were checked when read)."""
    return {name.strip().lower(): i for i, name in enumerate(csv.header)}


def _place(file: str, line: int) -> Where:
    return file, line


def _no_session(session_id: str) -> str:
    return f"session_id {session_id!r} is not in sessions.csv."


class _Slice:
    """Sessions lo, lo + 1, ... being given their entries, sets and pain ratings."""

    def __init__(
        self, lo: int, sessions: list[RawSession], walks: dict[t.Table, TableWalk], problems: Problems
    ) -> None:
        self.lo, self.sessions, self.walks, self.problems = lo, sessions, walks, problems
        self.hi = lo + len(sessions)
        # Per session of the slice: entry_number -> the entry's index in the session.
        self.index: list[dict[int, int]] = [{} for _ in sessions]

    def fill(self) -> None:
        """Read the slice's rows of each table into its sessions."""
        if t.ENTRIES in self.walks:
            self._entries(self.walks[t.ENTRIES])
        if t.SETS in self.walks:
            self._sets(self.walks[t.SETS])
        if t.PAINS in self.walks:
            self._pains(self.walks[t.PAINS])

    def _entries(self, table: TableWalk) -> None:
        c = table.column
        numbered: list[dict[int, tuple[int, dict[str, Any]]]] = [{} for _ in self.sessions]
        for at, line, cells in table.rows(self.lo, self.hi, Problems()):
            number = whole(cells[c["entry_number"]])
            if at is None or number is None or number in numbered[at - self.lo]:
                continue  # reported when the file was read
            entry: dict[str, Any] = {
                "exercise": t.restore(cells[c["exercise"]]),
                "sets": [],
                "minutes": cells[c["minutes"]],
                "distance_km": cells[c["distance_km"]],
                "intensity": cells[c["intensity"]].strip() or None,
            }
            numbered[at - self.lo][number] = (line, entry)
        for session, index, found in zip(self.sessions, self.index, numbered, strict=True):
            for i, number in enumerate(sorted(found)):
                line, entry = found[number]
                session.raw["entries"].append(entry)
                session.places[f"entries.{i}"] = (table.csv.file, line)
                index[number] = i

    def _sets(self, table: TableWalk) -> None:
        csv, problems, c = table.csv, self.problems, table.column
        weight = next(c[name] for name in WEIGHT_COLUMNS if name in c)
        unit = WEIGHT_COLUMNS[csv.header[weight].strip().lower()]
        entry_at, set_at, reps = c["entry_number"], c["set_number"], c["reps"]
        # The sets of one entry, their numbers and their lines, by (session, entry index).
        groups: dict[tuple[int, int], tuple[list[SetInput], list[int], array[int]]] = {}
        # The previous row's session and entry_number: an entry's sets follow each other, so one look-up serves.
        last_at, last_entry = None, None
        # One SetInput (immutable) per distinct weight and reps cells: a file repeats a few hundred of them.
        made: dict[tuple[str, str], SetInput] = {}
        for at, line, cells in table.rows(self.lo, self.hi, problems):
            if at is None:
                problems.append(Problem(csv.file, line, _no_session(table.session_id(cells))))
            try:
                entry_number, set_number = int(cells[entry_at]), int(cells[set_at])  # whole()'s first try, inline
            except ValueError:
                entry_number, set_number = whole(cells[entry_at]), whole(cells[set_at])  # type: ignore[assignment]
            if entry_number is None or set_number is None:
                problems.append(Problem(csv.file, line, "entry_number and set_number must be whole numbers."))
                continue
            if at is None:
                continue
            if at != last_at or entry_number != last_entry:
                i = self.index[at - self.lo].get(entry_number)
                if i is None:
                    message = f"entry {entry_number} of session {table.session_id(cells)} is not in entries.csv."
                    problems.append(Problem(csv.file, line, message))
                    last_at = None
                    continue
                last_at, last_entry = at, entry_number
                group = groups.get((at, i))
                if group is None:
                    session = self.sessions[at - self.lo]
                    session.unit = unit
                    group = groups[(at, i)] = (session.raw["entries"][i]["sets"], [], array("I"))
                sets, numbers, lines = group
            pair = (cells[weight], cells[reps])
            given = made.get(pair)
            if given is None:
                given = made[pair] = SetInput(*pair)
            sets.append(given)
            numbers.append(set_number)
            lines.append(line)
        for (at, i), (sets, numbers, lines) in groups.items():
            session, placed = self.sessions[at - self.lo], lines
            if numbers != sorted(numbers):  # rows not in set order: put them in it
                order = sorted(range(len(numbers)), key=numbers.__getitem__)
                session.raw["entries"][i]["sets"] = [sets[k] for k in order]
                placed = array("I", (lines[k] for k in order))
            if not isinstance(session.places, _SetPlaces):
                session.places = _SetPlaces(session.places, csv.file)
            session.places.set_lines[i] = placed

    def _pains(self, table: TableWalk) -> None:
        c, file = table.column, table.csv.file
        region, before, during, after = c["region"], c["before"], c["during"], c["after"]
        for at, line, cells in table.rows(self.lo, self.hi, self.problems):
            if at is None:
                self.problems.append(Problem(file, line, _no_session(table.session_id(cells))))
                continue
            session = self.sessions[at - self.lo]
            pains = session.raw["pains"]
            session.places[f"pains.{len(pains)}"] = (file, line)
            pains.append(
                {
                    "before": cells[before],
                    "during": cells[during],
                    "after": cells[after],
                    "region": cells[region].strip(),
                }
            )

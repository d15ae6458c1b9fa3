"""What a parser hands to the import use case: raw input with the file and line it came from."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Protocol, Self

# Enough to see what is wrong and fix it; a file with millions of bad rows must not fill the memory with messages.
MAX_PROBLEMS = 200

Where = tuple[str, int]
"""A file name and a line number in it (1 is the header line)."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the upload, and where."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        place = f"{self.file}, line {self.line}" if self.line else self.file
        return f"{place}: {self.message}"


class Problems(list[Problem]):
    """A problem list that keeps the first MAX_PROBLEMS and only counts the rest."""

    def __init__(self, problems: Iterable[Problem] = ()) -> None:
        super().__init__()
        self.more = 0
        self.extend(problems)

    @property
    def total(self) -> int:
        """Every problem found, kept or only counted."""
        return len(self) + self.more

    def append(self, problem: Problem) -> None:
        """Keep the problem while there is room, else count it."""
        if len(self) < MAX_PROBLEMS:
            super().append(problem)
        else:
            self.more += 1

    def extend(self, problems: Iterable[Problem]) -> None:
        """Append each problem (see append); another Problems brings its count of the ones it dropped."""
        for problem in problems:
            self.append(problem)
        self.more += problems.more if isinstance(problems, Problems) else 0

    def __iadd__(self, problems: Iterable[Problem]) -> Self:  # type: ignore[override,misc]
        self.extend(problems)
        return self


class FileProblem(ValueError):
    """The file as a whole cannot be read (empty, not CSV, unknown layout...)."""

    def __init__(self, file: str, message: str, line: int = 0) -> None:
        self.problem = Problem(file, line, message)
        super().__init__(str(self.problem))


@dataclass
class RawSession:
    """One session as check_session input, with where each part of it was read from."""

    raw: dict[str, Any]
    unit: str | None
    """The unit its weights are written in; None means the importing person's own unit."""
    places: dict[str, Where]
    """Where each part came from, keyed by field path ('' for the session, 'entries.0.sets.1', 'pains.0')."""

    def where(self, field_path: str) -> Where:
        """The file and line of a validation message's field ('entries.0.sets.2.reps' -> that set's line)."""
        parts = field_path.split(".")
        for size in range(len(parts), 0, -1):
            found = self.places.get(".".join(parts[:size]))
            if found is not None:
                return found
        return self.places[""]


NamePlace = tuple[str, Callable[[], Where]]
"""An exercise name as an entry gives it, and how to find that entry's place (asked only when it is needed)."""


class SessionSource(Protocol):
    """The sessions of an upload as the import walks them: counted, in batches, and their exercise names."""

    def __len__(self) -> int:
        """How many sessions there are."""
        ...

    def __iter__(self) -> Iterator[RawSession]:
        """Each session (the problems met on the way are not kept)."""
        ...

    def batches(self, size: int, problems: Problems) -> Iterator[list[RawSession]]:
        """The sessions `size` at a time, in order; what is wrong with a row on the way goes to `problems`."""
        ...

    def names(self) -> Iterator[NamePlace]:
        """Each entry's exercise name, with its place."""
        ...


class SessionList(list[RawSession]):
    """Sessions a reader holds all at once (workout apps, Apple Health): small beside a Threshold export's sets."""

    def batches(self, size: int, problems: Problems) -> Iterator[list[RawSession]]:
        """Slices of `size` sessions (their problems were found when the file was read)."""
        for first in range(0, len(self), size):
            yield self[first : first + size]

    def names(self) -> Iterator[NamePlace]:
        """Each entry's exercise name, with its place."""
        for session in self:
            for i, entry in enumerate(session.raw["entries"]):
                yield str(entry.get("exercise", "")), partial(session.where, f"entries.{i}")


@dataclass
class RawItem:
    """One check-in, PEG, pressure threshold or exercise row as raw input."""

    raw: dict[str, Any]
    where: Where


@dataclass
class Guess:
    """What a workout app's file says about an exercise Threshold may not know."""

    category: str
    equipment: str | None
    """None when the name does not say; the person is asked."""
    where: Where


@dataclass
class Parsed:
    """Everything read from one upload, not yet checked against the rules or the database."""

    source: str
    sessions: SessionList = field(default_factory=SessionList)
    stream: SessionSource | None = None
    """A Threshold export's sessions, read from the file a batch at a time; `sessions` then stays empty."""
    checkins: list[RawItem] = field(default_factory=list)
    pegs: list[RawItem] = field(default_factory=list)
    pressures: list[RawItem] = field(default_factory=list)
    exercises: list[RawItem] = field(default_factory=list)
    goals: list[RawItem] = field(default_factory=list)
    psfs: list[RawItem] = field(default_factory=list)
    pgic: list[RawItem] = field(default_factory=list)
    medications: list[RawItem] = field(default_factory=list)
    doses: list[RawItem] = field(default_factory=list)
    """Function goals, their ratings, PGIC answers, regular medication and as-needed doses (Threshold's export)."""
    guesses: dict[str, Guess] = field(default_factory=dict)
    """Exercises named by a workout app, by the name as written in the file."""
    problems: Problems = field(default_factory=Problems)
    notes: list[str] = field(default_factory=list)
    unit_unknown: bool = False
    """True when the file does not say which unit its weights are in (older Strong): the person is asked."""

    @property
    def all_sessions(self) -> SessionSource:
        """The sessions to check and write, however the reader holds them."""
        return self.stream if self.stream is not None else self.sessions

"""What an import would add, shown before anything is saved: counts, dates, each exercise's mapping, the unit.

Built by services/transfer.py from the checked rows; no database here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from statistics import median
from typing import Any

from formats.readers.model import Parsed, RawSession
from services.import_matching import HOW, Matched
from tracker.records import SessionRecord
from tracker.units import from_kg

# Loads that a misread unit produces. A pound history read as kilograms makes typical working sets of
# 40-200 "kg"; a kilogram history read as pounds makes nearly every set lighter than a small dumbbell.
HEAVY_MEDIAN = {"kg": 75.0}
HEAVY_TOP = {"kg": 200.0}
LIGHT_MEDIAN = {"lb": 15.0}
# Too few sets say nothing about a unit.
MIN_SETS_TO_JUDGE = 5


@dataclass(frozen=True)
class Mapped:
    """One exercise name of the file and what it becomes in the person's list."""

    name: str
    target: str
    how: str
    """A key of services.import_matching.HOW: same name, alias table, same words, your choice, or new."""
    category: str
    sessions: int
    closest: tuple[str, ...] = ()
    """For a new exercise: the listed ones of its kind whose names come closest."""

    @property
    def how_text(self) -> str:
        """How the mapping was found, in words."""
        return HOW[self.how]


@dataclass(frozen=True)
class Preview:
    """What the import would add."""

    sessions: int
    sets: int
    first: date | None
    last: date | None
    exercises: tuple[Mapped, ...]
    unit: str | None
    """'kg' or 'lb' when one unit holds for the whole file, 'per row' when each row says, None if unknown."""
    unit_from_file: bool
    """False when the file does not say and the unit is the one the person chose."""
    with_pain: int
    """Sessions that carry pain ratings."""
    warnings: tuple[str, ...] = ()
    already_stored: int = 0
    """Sessions of the file that are already in the person's data: the import leaves them alone."""
    others: tuple[tuple[int, str, str], ...] = ()
    """The file's other rows: (how many, one's name, several's name), e.g. (698, "morning check-in", ...)."""
    regions_note: str = ""
    """The body regions the import would start tracking, and why (services/import_regions.preview_note)."""

    @property
    def new_sessions(self) -> int:
        """Sessions the import would add."""
        return self.sessions - self.already_stored


@dataclass
class Tally:
    """What the preview needs of the checked sessions, added up a batch at a time (the records themselves go)."""

    keep_loads: bool = False
    """Keep every load (for load_warning): only when the file does not say its unit."""
    sessions: int = 0
    sets: int = 0
    with_pain: int = 0
    first: date | None = None
    last: date | None = None
    per_exercise: Counter[str] = field(default_factory=Counter)
    """Sessions naming each exercise, by the name the file gives."""
    units: set[str] = field(default_factory=set)
    """The units the sessions' weights were written in (those that say)."""
    loads_kg: list[float] = field(default_factory=list)
    stored: Counter[Any] | None = None
    """The person's sessions by `key` (counted down as the file's sessions match them), for the preview only."""
    key: Callable[[SessionRecord], Any] | None = None
    already: int = 0
    regions: set[str] = field(default_factory=set)
    """The body regions the sessions' pain ratings name."""

    def read(self, session: RawSession) -> None:
        """Count a session as the file gives it: the exercises it names and its unit."""
        self.per_exercise.update({str(e["exercise"]) for e in session.raw["entries"]})
        if session.unit is not None:
            self.units.add(session.unit)

    def add(self, records: Sequence[SessionRecord]) -> None:
        """Count a batch of checked sessions."""
        for r in records:
            day = r.started_at.date()
            self.first = day if self.first is None or day < self.first else self.first
            self.last = day if self.last is None or day > self.last else self.last
            self.sets += sum(len(e.sets) for e in r.entries)
            rated = {p.region for p in r.pains if {p.before, p.during, p.after} != {None}}
            self.with_pain += bool(rated)
            self.regions |= rated
            if self.keep_loads:
                self.loads_kg.extend(s.weight_kg for e in r.entries for s in e.sets if s.weight_kg)
            if self.stored is not None and self.key is not None and self.stored[(found := self.key(r))] > 0:
                self.stored[found] -= 1  # as the import counts them: each stored session accounts for one
                self.already += 1
        self.sessions += len(records)


def load_warning(tally: Tally, unit: str) -> str | None:
    """A warning when the loads look implausible in `unit` (a sign the unit was misread), else None."""
    loads = [from_kg(kg, unit) for kg in tally.loads_kg]
    if len(loads) < MIN_SETS_TO_JUDGE:
        return None
    middle, top = median(loads), max(loads)
    if unit in HEAVY_MEDIAN and (middle > HEAVY_MEDIAN[unit] or top > HEAVY_TOP[unit]):
        return (
            f"These loads look heavy for kilograms (typical set {middle:.0f} kg, heaviest {top:.0f} kg). "
            "If the app was set to pounds, import it as lb (the unit choice here, or --unit lb on the command line)."
        )
    if unit in LIGHT_MEDIAN and middle < LIGHT_MEDIAN[unit]:
        return (
            f"These loads look light for pounds (typical set {middle:.0f} lb). If the app was set to kilograms, "
            "import it as kg (the unit choice here, or --unit kg on the command line)."
        )
    return None


def build(
    parsed: Parsed,
    matched: Matched,
    tally: Tally,
    unit: str | None,
    warnings: Sequence[str] = (),
    others: Sequence[tuple[int, str, str]] = (),
) -> Preview:
    """The preview of the checked sessions, with how each of the file's exercise names was mapped."""
    per_exercise = tally.per_exercise
    mapped = tuple(
        Mapped(
            name,
            matched.names.get(name, name),
            matched.how.get(name, "same"),
            guess.category,
            per_exercise[name],
            matched.closest.get(name, ()),
        )
        for name, guess in parsed.guesses.items()
        if per_exercise[name]
    )
    return Preview(
        sessions=tally.sessions,
        sets=tally.sets,
        first=tally.first,
        last=tally.last,
        exercises=tuple(sorted(mapped, key=lambda m: (m.how != "new", -m.sessions, m.name))),
        unit=unit,
        unit_from_file=not parsed.unit_unknown,
        with_pain=tally.with_pain,
        warnings=tuple(warnings),
        already_stored=tally.already,
        others=tuple(other for other in others if other[0]),
    )


def without_pain(preview: Preview) -> str | None:
    """What a history without pain ratings shows already and what waits for them; None when there is pain."""
    if preview.with_pain or not preview.sessions:
        return None
    return (
        "These workouts carry no pain ratings. Progress already shows them: strength (estimated one-rep max), "
        "cardio minutes per week, and the work of each session as grey squares (pain not rated) on the pain "
        "threshold chart. What needs pain ratings is the threshold itself (work done while pain stayed within your "
        "limit and settled by the next morning) and every suggestion that depends on pain, such as raising a load or "
        "moving a machine exercise to free weights. Log your next sessions with pain before, during and after, and "
        "check in the next morning: a few such sessions are enough for your imported history to count."
    )


def already_text(preview: Preview) -> str:
    """What an import leaves alone because it is stored already; empty when nothing is."""
    if not preview.already_stored:
        return ""
    if not preview.new_sessions:
        return (
            f"All {preview.sessions:,} sessions in this file are already in your data: importing it adds no "
            "sessions (check-ins and other rows not yet stored are still added)."
        )
    verb = "is" if preview.already_stored == 1 else "are"
    return (
        f"{preview.already_stored:,} of these {preview.sessions:,} sessions {verb} already in your data and left "
        f"alone; importing adds the other {preview.new_sessions:,}."
    )


def others_text(preview: Preview) -> str:
    """The file's rows besides sessions, in one sentence; empty when it holds none."""
    if not preview.others:
        return ""
    parts = [f"{count:,} {one if count == 1 else several}" for count, one, several in preview.others]
    listed = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"
    return f"The file also holds {listed}; any already in your data are left alone."

"""Exercise names in an upload matched to the person's list; the rest become their own exercises.

Part of the import use case (services/transfer.py reads the list and hands it in): no database here.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from formats.readers.aliases import catalogue_name, name_key
from formats.readers.model import Parsed, Problem, Problems
from formats.readers.workout_apps import bare_name, equipment_of
from tracker.catalog import CATEGORIES, EQUIPMENT
from tracker.errors import ValidationError
from tracker.records import ExerciseRecord, check_exercise


@dataclass(frozen=True)
class Known:
    """An exercise already in the person's list."""

    name: str
    category: str
    equipment: str


@dataclass
class Matched:
    """How every exercise name in the upload resolves."""

    names: dict[str, str] = field(default_factory=dict)
    """Name as written in the file -> name in the person's list (existing or about to be created)."""
    new: list[ExerciseRecord] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    """Names whose equipment nobody knows yet: the person is asked machine or free weight."""
    problems: Problems = field(default_factory=Problems)
    unknown: set[str] = field(default_factory=set)
    """Names of a Threshold file found nowhere (each already has a problem of its own)."""
    existing: int = 0
    """Rows of exercises.csv that were already in the list."""
    how: dict[str, str] = field(default_factory=dict)
    """For a workout app's name: how it was mapped (one of HOW's keys)."""
    closest: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """For a name that matched nothing: the listed exercises of its kind whose names come closest."""


HOW = {
    "chosen": "your choice",
    "same": "same name",
    "alias": "alias table",
    "words": "same words",
    "new": "new exercise of your own",
}
CLOSEST = 3
# difflib's similarity (0-1) a listed name must reach to be offered for an unmatched one.
CLOSE_ENOUGH = 0.5


def _lookup(known: Mapping[str, Known]) -> dict[str, Known]:
    return {name.casefold(): k for name, k in known.items()}


def find(name: str, folded: dict[str, Known]) -> Known | None:
    """The listed exercise a file's name stands for: same name ignoring case, or the same name without a
    bracketed equipment suffix when that equipment agrees ('Leg Press (Machine)' -> 'Leg press')."""
    found = folded.get(name.strip().casefold())
    if found is not None:
        return found
    bare = folded.get(bare_name(name).casefold())
    said = equipment_of(name)
    return bare if bare is not None and said is not None and bare.equipment == said else None


def _by_key(folded: dict[str, Known]) -> dict[str, Known]:
    return {name_key(k.name): k for k in folded.values()}


def resolve(name: str, category: str, folded: dict[str, Known], keyed: dict[str, Known]) -> tuple[Known, str] | None:
    """The listed exercise of the same kind that an app's name stands for, and how it was found; else None.

    Tried in turn: the same name, the alias table, the same words in any order ('Press, Leg'), and the name
    without its equipment suffix when the equipment agrees.
    """
    same = folded.get(name.strip().casefold())
    alias = catalogue_name(name)
    words = keyed.get(name_key(name))
    bare = find(name, folded)
    for found, how in (
        (same, "same"),
        (folded.get(alias.casefold()) if alias else None, "alias"),
        (words, "words"),
        (bare, "words"),
    ):
        if found is not None and fits(found.category, category):
            return found, how
    return None


def fits(listed: str, guessed: str) -> bool:
    """Whether a file's exercise, of the kind its rows suggest, can be one of the person's of kind `listed`.

    A file's timed exercise without a distance reads as flexibility, but it may well be cardio (a bike ride
    logged by time alone): both keep minutes, so it joins a cardio exercise of the same name too.
    """
    return listed == guessed or (guessed == "flexibility" and listed == "cardio")


def closest(name: str, category: str, known: Mapping[str, Known]) -> tuple[str, ...]:
    """Up to three listed exercises of the same kind whose names come closest to `name`."""
    names = {name_key(k.name): k.name for k in known.values() if k.category == category}
    near = difflib.get_close_matches(name_key(bare_name(name)), list(names), n=CLOSEST, cutoff=CLOSE_ENOUGH)
    return tuple(names[key] for key in near)


def _answer(name: str, answers: Mapping[str, str]) -> str | None:
    folded = {k.casefold(): v for k, v in answers.items()}
    return folded.get(name.casefold())


def match(
    parsed: Parsed,
    known: Mapping[str, Known],
    answers: Mapping[str, str] | None = None,
    chosen: Mapping[str, str] | None = None,
) -> Matched:
    """Resolve every exercise the upload names; new ones are checked like the Settings form checks them.

    `answers` gives the equipment of names nobody could tell; `chosen` maps a file's name onto a listed
    exercise the person picked in the preview, overriding what matching would find.
    """
    folded = _lookup(known)
    keyed = _by_key(folded)
    picked = {k.casefold(): v for k, v in (chosen or {}).items()}
    result = Matched()
    exact = dict(known)
    for item in parsed.exercises:
        name = str(item.raw.get("name", "")).strip()
        if name in exact:
            result.existing += 1
            continue
        record = _checked(item.raw, item.where, result)
        if record is not None and record.name not in exact:
            exact[record.name] = folded[record.name.casefold()] = Known(record.name, record.category, record.equipment)
            result.new.append(record)
    for name, guess in parsed.guesses.items():
        choice = picked.get(name.casefold())
        target = folded.get(choice.casefold()) if choice else None
        if choice and (target is None or not fits(target.category, guess.category)):
            message = f"{choice!r} is not one of your {guess.category} exercises, so {name!r} cannot be mapped onto it."
            result.problems.append(Problem(guess.where[0], guess.where[1], message))
            continue
        hit = (target, "chosen") if target is not None else resolve(name, guess.category, folded, keyed)
        if hit is not None:
            result.names[name], result.how[name] = hit[0].name, hit[1]
            continue
        result.how[name] = "new"
        result.closest[name] = closest(name, guess.category, folded)
        equipment = guess.equipment or _answer(name, answers or {})
        if equipment is None:
            result.questions.append(name)
            continue
        if equipment not in EQUIPMENT:
            result.problems.append(
                Problem(guess.where[0], guess.where[1], f"{equipment!r} is not a kind of equipment.")
            )
            continue
        # A listed exercise of another kind may already have this name (a Plank logged as reps): keep both apart.
        own = f"{name} ({CATEGORIES[guess.category]})" if name.strip().casefold() in folded else name
        raw = {"name": own, "category": guess.category, "equipment": equipment}
        record = _checked(raw, guess.where, result)
        if record is not None:
            folded[record.name.casefold()] = Known(record.name, record.category, record.equipment)
            result.new.append(record)
            result.names[name] = record.name
    for name, place in parsed.all_sessions.names():
        if name in result.names or name in parsed.guesses:
            continue
        found = exact.get(name.strip()) or folded.get(name.strip().casefold())
        if found is not None:
            result.names[name] = found.name
        elif name.strip():
            result.unknown.add(name)
            file, line = place()
            message = f"exercise {name!r} is neither in your exercise list nor in exercises.csv; add it there."
            result.problems.append(Problem(file, line, message))
    return result


def _checked(raw: Mapping[str, Any], where: tuple[str, int], result: Matched) -> ExerciseRecord | None:
    try:
        return check_exercise(raw)
    except ValidationError as error:
        result.problems.extend(Problem(where[0], where[1], message) for message in error.errors.values())
        return None

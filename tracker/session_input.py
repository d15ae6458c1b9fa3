"""One session as given, before it is checked: the shape the log form fills, check_session reads and the
edit form is filled from.

Values stay as they arrived (a number, the text of a cell, None for an empty field), so that
tracker.records.check_session can say what is wrong with each in words the person can act on.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

Given = object
"""A value as typed or read from a file: check_session decides whether it is a valid number, time or name."""


@dataclass(frozen=True, slots=True)
class SetInput:
    """One set: weight in the person's unit (None for an unloaded set) and repetitions.

    With slots: a large import makes a million of them, each then made in half the time and memory.
    """

    weight: Given = None
    reps: Given = None


@dataclass(frozen=True, slots=True)
class EntryInput:
    """One exercise: sets for strength work; minutes, distance in km and intensity for the rest."""

    exercise: Given = None
    sets: tuple[SetInput, ...] = ()
    minutes: Given = None
    distance_km: Given = None
    intensity: Given = None


@dataclass(frozen=True, slots=True)
class PainInput:
    """Pain in one body region before, at its peak during, and after the session (0-10)."""

    region: Given = None
    before: Given = None
    during: Given = None
    after: Given = None


@dataclass(frozen=True, slots=True)
class SessionInput:
    """A whole session as given: when, notes, effort, the exercises done and pain around them."""

    started_at: datetime | None = None
    notes: Given = ""
    rpe: Given = None
    entries: tuple[EntryInput, ...] = ()
    pains: tuple[PainInput, ...] = ()

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any]) -> SessionInput:
        """The input a file reader or a backup hands over as nested dicts, keyed like these fields.

        A set may come as a SetInput already (a large file's reader makes them as it reads, to save a copy).
        """
        # Positional arguments and lists built in place: an import makes a session, its entries and pains this way
        # for every session of the file.
        return cls(
            raw.get("started_at"),
            raw.get("notes"),
            raw.get("rpe"),
            tuple(
                [
                    EntryInput(
                        e.get("exercise"),
                        tuple(map(_set, e.get("sets") or ())),
                        e.get("minutes"),
                        e.get("distance_km"),
                        e.get("intensity"),
                    )
                    for e in raw.get("entries") or ()
                ]
            ),
            tuple(
                [
                    PainInput(p.get("region"), p.get("before"), p.get("during"), p.get("after"))
                    for p in raw.get("pains") or ()
                ]
            ),
        )


def _set(given: Mapping[str, Any] | SetInput) -> SetInput:
    return given if type(given) is SetInput else SetInput(given.get("weight"), given.get("reps"))  # type: ignore[union-attr]

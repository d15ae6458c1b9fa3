"""What an import did, would do (a preview), or why it did nothing."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from formats.readers.model import Problem
from services.import_preview import Preview, without_pain
from tracker.describe import counted, was_were


@dataclass(frozen=True)
class ImportResult:
    """What an import did, or why it did nothing."""

    source: str
    sessions_added: int = 0
    sets_added: int = 0
    checkins_added: int = 0
    pegs_added: int = 0
    pressures_added: int = 0
    exercises_created: tuple[str, ...] = ()
    health_parts: tuple[tuple[int, str, str], ...] = ()
    """Function goals, their ratings, PGIC answers, regular medication and as-needed doses added, by kind:
    (how many, one's name, several's name)."""
    already_there: int = 0
    """Rows skipped because the same session, check-in or measurement is already stored."""
    problems: tuple[Problem, ...] = ()
    """The first MAX_PROBLEMS problems found."""
    more_problems: int = 0
    """Problems found beyond those listed."""
    needs_equipment: tuple[str, ...] = ()
    """Exercise names to ask about (machine or free weight) before anything is written."""
    closest: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """For each name asked about: the person's exercises of its kind whose names come closest (to pick instead)."""
    notes: tuple[str, ...] = ()
    needs_unit: bool = False
    """The file does not say whether its weights are kg or lb: ask before anything is checked or written."""
    preview: Preview | None = None
    """What the file holds and how its exercises map, once every row passed the checks."""
    checked_only: bool = False
    """A preview: everything was checked and nothing written."""

    @property
    def health_added(self) -> int:
        """Function goals, their ratings, PGIC answers, regular medication and as-needed doses added."""
        return sum(n for n, _one, _many in self.health_parts)

    @property
    def ready(self) -> bool:
        """True when nothing is left to fix or answer: the import can go ahead (or went through)."""
        return not self.problems and not self.needs_equipment and not self.needs_unit

    @property
    def written(self) -> bool:
        """True when the import went through (possibly adding nothing, when all was there already)."""
        return self.ready and not self.checked_only

    @property
    def problem_count(self) -> int:
        """Every problem found, listed or not."""
        return len(self.problems) + self.more_problems

    @property
    def pain_note(self) -> str | None:
        """For a history without pain ratings: what it shows already and what waits for ratings."""
        return without_pain(self.preview) if self.preview is not None else None

    def summary(self) -> str:
        """One sentence on what was added."""
        parts = [f"{counted(self.sessions_added, 'session')} with {counted(self.sets_added, 'set')}"]
        others = (
            (self.checkins_added, "morning check-in"),
            (self.pegs_added, "PEG check-in"),
            (self.pressures_added, "pressure threshold"),
            (len(self.exercises_created), "new exercise"),
        )
        parts += [counted(n, word) for n, word in others if n]
        parts += [counted(n, one, many) for n, one, many in self.health_parts if n]
        there = self.already_there
        skipped = (
            f" {counted(there, 'row')} of the file {was_were(there)} already in your data and left alone."
            if there
            else ""
        )
        return f"Added {', '.join(parts)}.{skipped}"

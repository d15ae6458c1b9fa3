"""What a FHIR export for a clinic holds, as plain values: the same shapes go in and come back out."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from tracker.pain import NRS_MAX, NRS_MIN, REGIONS, peg_score

PSFS_MIN, PSFS_MAX = 0, 10
# PGIC's seven answers, 1 "very much improved" to 7 "very much worse" (Guy 1976, as commonly used).
PGIC_MIN, PGIC_MAX = 1, 7


class Side(StrEnum):
    """The side of the body a region is on; NONE for regions on the midline (back, neck)."""

    LEFT = "left"
    RIGHT = "right"
    NONE = "none"


class Context(StrEnum):
    """When a pain rating was taken, which changes what it says (a peak during exercise is not pain at rest)."""

    BEFORE = "before session"
    DURING = "during session"
    AFTER = "after session"
    MORNING = "morning"


def split_region(app_key: str) -> tuple[str, Side]:
    """The app's stored region key ('left_knee') as a region without side ('knee') and its side."""
    for side in (Side.LEFT, Side.RIGHT):
        prefix = f"{side.value}_"
        if app_key.startswith(prefix):
            return app_key.removeprefix(prefix), side
    return app_key, Side.NONE


def region_label(region: str, side: Side) -> str:
    """Readable words for a region with its side, as the app shows them ('Left knee', 'Lower back')."""
    key = region if side is Side.NONE else f"{side.value}_{region}"
    return REGIONS.get(key) or key.replace("_", " ").capitalize()


def _score(name: str, value: int, low: int, high: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValueError(f"{name} must be a whole number from {low} to {high}, not {value!r}.")


@dataclass(frozen=True)
class PainEntry:
    """One 0-10 pain rating in one region: at a session's time, or on a morning (a day, no time)."""

    when: datetime | date
    score: int
    region: str
    side: Side = Side.NONE
    context: Context = Context.MORNING

    def __post_init__(self) -> None:
        _score("Pain", self.score, NRS_MIN, NRS_MAX)
        if not self.region.strip():
            raise ValueError("A pain rating needs a body region.")


@dataclass(frozen=True)
class PegEntry:
    """A PEG-3 check-in: average pain, interference with enjoyment of life and with general activity (0-10)."""

    day: date
    pain: int
    enjoyment: int
    activity: int

    def __post_init__(self) -> None:
        for name, value in (
            ("PEG pain", self.pain),
            ("PEG enjoyment", self.enjoyment),
            ("PEG activity", self.activity),
        ):
            _score(name, value, NRS_MIN, NRS_MAX)

    @property
    def score(self) -> float:
        """The PEG-3 score, computed as the tracker computes it."""
        return peg_score(self.pain, self.enjoyment, self.activity)


@dataclass(frozen=True)
class ExerciseEntry:
    """One exercise done in a session: its name as the person logged it, and minutes when timed."""

    when: datetime
    name: str
    minutes: float | None = None

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError("An exercise needs a name.")
        if self.minutes is not None and not self.minutes > 0:
            raise ValueError(f"Exercise minutes must be more than 0, not {self.minutes!r}.")


@dataclass(frozen=True)
class PsfsEntry:
    """A Patient-Specific Functional Scale rating: an activity in the person's words, 0 unable to 10 as before."""

    day: date
    activity: str
    score: int

    def __post_init__(self) -> None:
        _score("PSFS score", self.score, PSFS_MIN, PSFS_MAX)
        if not self.activity.strip():
            raise ValueError("A PSFS rating needs the activity it is about.")


@dataclass(frozen=True)
class PgicEntry:
    """A Patient Global Impression of Change answer, 1 very much improved to 7 very much worse."""

    day: date
    score: int

    def __post_init__(self) -> None:
        _score("PGIC answer", self.score, PGIC_MIN, PGIC_MAX)


@dataclass(frozen=True)
class RegularMedication:
    """A medication taken regularly from `start`, until `end` when it was stopped."""

    name: str
    dose: float
    unit: str
    start: date
    end: date | None = None

    def __post_init__(self) -> None:
        _medication(self.name, self.dose, self.unit)
        if self.end is not None and self.end < self.start:
            raise ValueError(f"{self.name}: the end date {self.end} is before the start {self.start}.")


@dataclass(frozen=True)
class AsNeededDose:
    """One dose of an as-needed medication, with the time it was taken."""

    name: str
    dose: float
    unit: str
    taken: datetime

    def __post_init__(self) -> None:
        _medication(self.name, self.dose, self.unit)


def _medication(name: str, dose: float, unit: str) -> None:
    if not name.strip():
        raise ValueError("A medication needs a name.")
    if not dose > 0:
        raise ValueError(f"{name}: the dose must be more than 0, not {dose!r}.")
    if not unit.strip():
        raise ValueError(f"{name}: the dose needs a unit (mg, ml, tablets).")


@dataclass(frozen=True)
class ClinicRecord:
    """Everything one export holds; the person is named only by the display name they chose (may be empty)."""

    name: str = ""
    pains: tuple[PainEntry, ...] = ()
    pegs: tuple[PegEntry, ...] = ()
    exercises: tuple[ExerciseEntry, ...] = ()
    psfs: tuple[PsfsEntry, ...] = ()
    pgic: tuple[PgicEntry, ...] = ()
    regular: tuple[RegularMedication, ...] = ()
    as_needed: tuple[AsNeededDose, ...] = field(default=())
    demo: bool = False
    """Made-up demo data: every resource carries FHIR's "test health data" label, so it never passes for a record."""

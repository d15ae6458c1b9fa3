"""Checked records, ready to store: what every entry point turns raw input into."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from statistics import fmean
from typing import Any

from tracker import validation as v
from tracker.catalog import CATEGORIES, EQUIPMENT, IMPACTS, INTENSITIES
from tracker.errors import ValidationError
from tracker.pain import NRS_MAX, NRS_MIN, REGIONS
from tracker.session_input import EntryInput, PainInput, SessionInput, SetInput
from tracker.units import to_kg

MAX_WEIGHT = {"kg": 500.0, "lb": 1100.0}
# The lightest load that exists (a 100 g wrist weight); anything lighter is a typing slip.
MIN_WEIGHT = 0.1
MAX_REPS = 100
MIN_MINUTES = 1
MAX_MINUTES = 600
MAX_DISTANCE_KM = 300
MAX_SETS = 20
MAX_PPT = 20.0  # kg/cm2; algometers top out well below this


@dataclass(frozen=True)
class SetRecord:
    """One set: load in kilograms (None when unloaded) and repetitions."""

    weight_kg: float | None
    reps: int


@dataclass(frozen=True)
class EntryRecord:
    """One exercise done in a session."""

    exercise: str
    category: str
    sets: tuple[SetRecord, ...] = ()
    minutes: float | None = None
    distance_km: float | None = None
    intensity: str | None = None


@dataclass(frozen=True)
class PainRecord:
    """Pain in one body region around a session (0-10; None when not rated)."""

    region: str
    before: int | None
    during: int | None
    after: int | None


@dataclass(frozen=True)
class SessionRecord:
    """A whole session as it will be stored."""

    started_at: datetime
    notes: str
    rpe: int | None
    entries: tuple[EntryRecord, ...]
    pains: tuple[PainRecord, ...]


def _pain(errors: v.Errors, field: str, value: object, label: str, required: bool = True) -> int | None:
    result = v.number(errors, field, value, label=label, lo=NRS_MIN, hi=NRS_MAX, integer=True, required=required)
    return None if result is None else int(result)


def check_session(
    given: SessionInput, *, categories: Mapping[str, str], unit: str, now: datetime, stored: bool = False
) -> SessionRecord:
    """Turn a session as given into a SessionRecord, or raise ValidationError listing every problem.

    Each message is keyed by its field's path ('started_at', 'entries.0.sets.2.reps', 'pains.1.during'), so
    the form shows it beside that field and an import names the line it came from. The log form asks for
    peak pain during the session; `stored=True` checks history read back from an export instead, where a
    region may lack any of its three ratings, as the database allows.
    """
    errors = v.Errors()
    started = v.moment(errors, "started_at", given.started_at, label="Date and time", now=now)
    notes = v.text(errors, "notes", given.notes, label="Notes", max_len=v.MAX_NOTES)
    rpe = v.number(errors, "rpe", given.rpe, label="Effort (RPE)", lo=1, hi=10, integer=True, required=False)
    if not given.entries:
        errors["entries"] = "Add at least one exercise."
    entries = tuple(_entry(errors, f"entries.{i}", e, categories, unit) for i, e in enumerate(given.entries))
    pains = tuple(
        _pain_record(errors, f"pains.{i}", p, stored) if (known := _known_pain(p, stored)) is None else known
        for i, p in enumerate(given.pains)
    )
    regions = [p.region for p in pains]
    if len(set(regions)) != len(regions):
        errors["pains"] = "Each body region can be rated once per session."
    if errors:
        raise ValidationError(errors)
    assert started is not None
    return SessionRecord(started, notes, None if rpe is None else int(rpe), entries, pains)


def _entry(errors: v.Errors, f: str, given: EntryInput, categories: Mapping[str, str], unit: str) -> EntryRecord:
    name = v.text(errors, f"{f}.exercise", given.exercise, label="Exercise", max_len=v.MAX_NAME, required=True)
    category = categories.get(name, "")
    if name and f"{f}.exercise" not in errors and not category:
        errors[f"{f}.exercise"] = f"{name!r} is not in your exercise list; pick one or add it first."
    if category == "strength":
        if not given.sets:
            errors[f"{f}.sets"] = "Add at least one set (weight and reps)."
        elif len(given.sets) > MAX_SETS:
            errors[f"{f}.sets"] = f"At most {MAX_SETS} sets per exercise."
        return EntryRecord(name, category, sets=_sets(errors, f, given.sets[:MAX_SETS], unit))
    if not category:
        return EntryRecord(name, category)  # unknown exercise: its own message says what to fix
    minutes = v.number(errors, f"{f}.minutes", given.minutes, label="Minutes", lo=MIN_MINUTES, hi=MAX_MINUTES)
    distance = v.number(
        errors,
        f"{f}.distance_km",
        given.distance_km,
        label="Distance (km)",
        lo=0,
        hi=MAX_DISTANCE_KM,
        required=False,
        above_lo=True,
    )
    intensity = None
    if given.intensity:  # an empty choice means not rated
        intensity = v.choice(errors, f"{f}.intensity", given.intensity, label="Intensity", options=INTENSITIES)
    return EntryRecord(name, category, minutes=minutes, distance_km=distance, intensity=intensity or None)


def _sets(errors: v.Errors, f: str, given: tuple[SetInput, ...], unit: str) -> tuple[SetRecord, ...]:
    found = []
    for j, s in enumerate(given):
        record = _fine_set(s.weight, s.reps, unit) if type(s.weight) in _PLAIN and type(s.reps) in _PLAIN else None
        found.append(_set(errors, f"{f}.sets.{j}", s, unit) if record is None else record)
    return tuple(found)


# Values whose set verdict can be remembered: hashable, and told apart by type (typed=True keeps 1, 1.0 apart).
_PLAIN = frozenset({str, int, float, type(None)})


# An import of a million sets holds a few hundred distinct weight and reps cells: each pair is judged once per unit
# and its record (immutable) shared. A set with a problem is judged again where its field's name is known.
@lru_cache(maxsize=v.CACHED_VERDICTS, typed=True)
def _fine_set(weight: object, reps: object, unit: str) -> SetRecord | None:
    errors = v.Errors()
    record = _set(errors, "", SetInput(weight, reps), unit)
    return None if errors else record


def _set(errors: v.Errors, f: str, given: SetInput, unit: str) -> SetRecord:
    weight = v.number(
        errors,
        f"{f}.weight",
        given.weight,
        label=f"Weight ({unit})",
        lo=MIN_WEIGHT,
        hi=MAX_WEIGHT[unit],
        required=False,
    )
    reps = v.number(errors, f"{f}.reps", given.reps, label="Reps", lo=1, hi=MAX_REPS, integer=True)
    return SetRecord(None if weight is None else round(to_kg(weight, unit), 4), int(reps or 0))


def _known_pain(given: PainInput, stored: bool) -> PainRecord | None:
    """The shared record of ratings that pass their checks (judged once, like sets), else None."""
    region, before, during, after = given.region, given.before, given.during, given.after
    if type(region) in _PLAIN and type(before) in _PLAIN and type(during) in _PLAIN and type(after) in _PLAIN:
        return _fine_pain(region, before, during, after, stored)
    return None


@lru_cache(maxsize=v.CACHED_VERDICTS, typed=True)
def _fine_pain(region: object, before: object, during: object, after: object, stored: bool) -> PainRecord | None:
    errors = v.Errors()
    record = _pain_record(errors, "", PainInput(region, before, during, after), stored)
    return None if errors else record


def _pain_record(errors: v.Errors, f: str, given: PainInput, stored: bool) -> PainRecord:
    region = v.choice(errors, f"{f}.region", given.region, label="Body region", options=REGIONS)
    before = _pain(errors, f"{f}.before", given.before, "Pain before", required=False)
    during = _pain(errors, f"{f}.during", given.during, "Peak pain during", required=not stored)
    after = _pain(errors, f"{f}.after", given.after, "Pain after", required=False)
    return PainRecord(region, before, during, after)


@dataclass(frozen=True)
class CheckinRecord:
    """Pain on waking in one region, the morning after a session."""

    day: date
    region: str
    pain: int


def check_checkin(raw: Mapping[str, Any], *, today: date) -> CheckinRecord:
    """Validate a next-morning check-in."""
    errors = v.Errors()
    d = v.day(errors, "day", raw.get("day"), label="Date", today=today)
    region = v.choice(errors, "region", raw.get("region"), label="Body region", options=REGIONS)
    pain = _pain(errors, "pain", raw.get("pain"), "Pain on waking")
    if errors:
        raise ValidationError(errors)
    assert d is not None and pain is not None
    return CheckinRecord(d, region, pain)


@dataclass(frozen=True)
class PegRecord:
    """A weekly PEG-3: average pain, interference with enjoyment and with general activity."""

    day: date
    pain: int
    enjoyment: int
    activity: int


def check_peg(raw: Mapping[str, Any], *, today: date) -> PegRecord:
    """Validate a weekly PEG-3 check-in."""
    errors = v.Errors()
    d = v.day(errors, "day", raw.get("day"), label="Date", today=today)
    pain = _pain(errors, "pain", raw.get("pain"), "Average pain")
    enjoyment = _pain(errors, "enjoyment", raw.get("enjoyment"), "Interference with enjoyment of life")
    activity = _pain(errors, "activity", raw.get("activity"), "Interference with general activity")
    if errors:
        raise ValidationError(errors)
    assert d is not None and pain is not None and enjoyment is not None and activity is not None
    return PegRecord(d, pain, enjoyment, activity)


@dataclass(frozen=True)
class PressureRecord:
    """Pressure pain threshold at one site: three trials in kg/cm2."""

    day: date
    site: str
    trials: tuple[float, float, float]

    @property
    def mean(self) -> float:
        """The value kept for trends: the mean of the three trials."""
        return round(fmean(self.trials), 2)


def check_pressure(raw: Mapping[str, Any], *, today: date) -> PressureRecord:
    """Validate a pressure pain threshold entry (3 trials at a named site)."""
    errors = v.Errors()
    d = v.day(errors, "day", raw.get("day"), label="Date", today=today)
    site = v.text(errors, "site", raw.get("site"), label="Site", max_len=v.MAX_NAME, required=True)
    trials = [
        v.number(
            errors, f"trial{i}", raw.get(f"trial{i}"), label=f"Trial {i} (kg/cm²)", lo=0, hi=MAX_PPT, above_lo=True
        )
        for i in (1, 2, 3)
    ]
    if errors:
        raise ValidationError(errors)
    assert d is not None
    t1, t2, t3 = (float(t or 0) for t in trials)
    return PressureRecord(d, site, (t1, t2, t3))


@dataclass(frozen=True)
class ExerciseRecord:
    """A user-made exercise."""

    name: str
    category: str
    equipment: str
    impact: str
    one_sided: bool
    counterpart: str | None


def check_exercise(raw: Mapping[str, Any]) -> ExerciseRecord:
    """Validate a new exercise the user adds to their list."""
    errors = v.Errors()
    name = v.text(errors, "name", raw.get("name"), label="Exercise name", max_len=v.MAX_NAME, required=True)
    category = v.choice(errors, "category", raw.get("category"), label="Type", options=CATEGORIES)
    equipment = v.choice(errors, "equipment", raw.get("equipment") or "none", label="Equipment", options=EQUIPMENT)
    impact = v.choice(errors, "impact", raw.get("impact") or "low", label="Impact", options=IMPACTS)
    counterpart = v.text(
        errors, "counterpart", raw.get("counterpart"), label="Free-weight counterpart", max_len=v.MAX_NAME
    )
    if errors:
        raise ValidationError(errors)
    return ExerciseRecord(name, category, equipment, impact, bool(raw.get("one_sided")), counterpart or None)

"""Medication: regular ones as spans of days, as-needed ones as single doses; what changed in a date range."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from tracker import validation as v
from tracker.errors import ValidationError

# The largest single dose that is plausible in each unit; anything above is a typing slip (a missing
# decimal point, grams typed as milligrams). Generous on purpose: the check is for slips, not for advice.
UNITS: dict[str, float] = {
    "mg": 5000,
    "g": 20,
    "mcg": 10000,
    "ml": 100,
    "tablets": 20,
    "capsules": 20,
    "puffs": 20,
    "drops": 60,
    "patches": 5,
    "sachets": 10,
}
# A dose that stopped one day and restarted the next with another dose reads as a dose change.
CHANGE_GAP = timedelta(days=1)


@dataclass(frozen=True)
class Regular:
    """A regular medication from start to end (inclusive; None while still taken)."""

    name: str
    dose: float
    unit: str
    start: date
    end: date | None = None

    @property
    def amount(self) -> str:
        """Dose and unit, e.g. '400 mg'."""
        return f"{self.dose:g} {self.unit}"


@dataclass(frozen=True)
class Dose:
    """One as-needed dose."""

    name: str
    dose: float
    unit: str
    taken_at: datetime


def _name_and_amount(errors: v.Errors, raw: Mapping[str, Any]) -> tuple[str, float | None, str]:
    name = v.text(errors, "name", raw.get("name"), label="Medication name", max_len=v.MAX_NAME, required=True)
    unit = v.choice(errors, "unit", raw.get("unit"), label="Unit", options=tuple(UNITS))
    top = UNITS.get(unit, max(UNITS.values()))
    label = f"Dose ({unit})" if unit in UNITS else "Dose"
    dose = v.number(errors, "dose", raw.get("dose"), label=label, lo=0, hi=top, above_lo=True)
    return name, dose, unit


def check_end(start: date, end: object, *, today: date, label: str = "Last day") -> date | None:
    """An optional last day: not in the future, not before 1900, not before the first day."""
    if end is None or end == "":
        return None
    errors = v.Errors()
    checked = v.day(errors, "end", end, label=label, today=today)
    if checked is not None and checked < start:
        errors["end"] = f"{label} {checked:%Y-%m-%d} is before the first day {start:%Y-%m-%d}."
    if errors:
        raise ValidationError(errors)
    return checked


def check_regular(raw: Mapping[str, Any], *, today: date) -> Regular:
    """Validate a regular medication: name, dose above 0 in a known unit, first day, optional last day."""
    errors = v.Errors()
    name, dose, unit = _name_and_amount(errors, raw)
    start = v.day(errors, "start", raw.get("start"), label="First day", today=today)
    end = None
    if start is not None:
        try:
            end = check_end(start, raw.get("end"), today=today)
        except ValidationError as error:
            errors.update(error.errors)
    if errors:
        raise ValidationError(errors)
    assert dose is not None and start is not None
    return Regular(name, dose, unit, start, end)


def check_dose(raw: Mapping[str, Any], *, now: datetime) -> Dose:
    """Validate an as-needed dose: name, dose above 0 in a known unit, and when it was taken."""
    errors = v.Errors()
    name, dose, unit = _name_and_amount(errors, raw)
    taken = v.moment(errors, "taken_at", raw.get("taken_at"), label="Taken at", now=now)
    if errors:
        raise ValidationError(errors)
    assert dose is not None and taken is not None
    return Dose(name, dose, unit, taken)


def spans(regulars: Iterable[Regular], start: date, end: date) -> list[Regular]:
    """The regular medication taken within [start, end], each clipped to it (an open end runs to `end`)."""
    kept = []
    for r in regulars:
        last = r.end or end
        if r.start <= end and last >= start:
            kept.append(Regular(r.name, r.dose, r.unit, max(r.start, start), min(last, end)))
    return sorted(kept, key=lambda r: (r.start, r.name))


def week_start(day: date) -> date:
    """The Monday of the day's week."""
    return day - timedelta(days=day.weekday())


def doses_per_week(doses: Iterable[Dose]) -> dict[tuple[date, str], int]:
    """How many as-needed doses of each medication were taken each week (keyed by the week's Monday)."""
    counts = Counter((week_start(d.taken_at.date()), d.name) for d in doses)
    return dict(sorted(counts.items()))


@dataclass(frozen=True)
class MedicationChange:
    """Something a doctor looks for next to the pain trend: a start, a stop or a new dose."""

    day: date
    name: str
    kind: str  # "started", "stopped" or "dose changed"
    text: str


def same_medicine(a: str, b: str) -> bool:
    """Whether two names are one medicine as written (case and spaces around it aside)."""
    return a.strip().casefold() == b.strip().casefold()


def taken_after(regulars: Sequence[Regular], this: Regular) -> Regular | None:
    """The first record of the same medicine started after `this` (its next dose, or a later restart), if any:
    while there is one, `this` must keep its last day."""
    later = [r for r in regulars if same_medicine(r.name, this.name) and r.start > this.start]
    return min(later, key=lambda r: r.start, default=None)


def goes_on_text(this: Regular, after: Regular) -> str:
    """Why `this` keeps its last day while `after` (taken_after's answer) carries the medicine on."""
    return f"{this.name} goes on at {after.amount} from {after.start:%Y-%m-%d}, so this last day stays."


def continues(old: Regular, new: Regular) -> bool:
    """Whether `new` is `old` at another dose: the same name, started within CHANGE_GAP after old's last day."""
    return (
        old.end is not None and same_medicine(old.name, new.name) and timedelta(0) < new.start - old.end <= CHANGE_GAP
    )


def dose_history(regulars: Sequence[Regular], index: int) -> list[int]:
    """The positions in `regulars` of the one at `index` and of every record its dose changes link it to, in order:
    one medication at each of its doses, so that removing it leaves no stray part behind."""
    linked = {index}
    grew = True
    while grew:
        joined = {
            k
            for i, old in enumerate(regulars)
            for j, new in enumerate(regulars)
            if i != j and (i in linked or j in linked) and continues(old, new)
            for k in (i, j)
        }
        grew = not joined <= linked
        linked |= joined
    return sorted(linked)


def changes(regulars: Sequence[Regular], start: date, end: date) -> list[MedicationChange]:
    """Starts, stops and dose changes of regular medication within [start, end], oldest first.

    A stop followed within a day by a start of the same medication is one dose change, not two events.
    """
    found: list[MedicationChange] = []
    stop_is_change: set[int] = set()
    start_is_change: set[int] = set()
    for i, old in enumerate(regulars):
        if old.end is None:
            continue
        for j, new in enumerate(regulars):
            if j != i and continues(old, new):
                stop_is_change.add(i)
                start_is_change.add(j)
                if start <= new.start <= end:
                    text = f"{new.name}: dose changed from {old.amount} to {new.amount}"
                    found.append(MedicationChange(new.start, new.name, "dose changed", text))
    for i, r in enumerate(regulars):
        if i not in start_is_change and start <= r.start <= end:
            found.append(MedicationChange(r.start, r.name, "started", f"{r.name} {r.amount}: started"))
        if i not in stop_is_change and r.end is not None and start <= r.end <= end:
            found.append(MedicationChange(r.end, r.name, "stopped", f"{r.name} {r.amount}: last day"))
    return sorted(found, key=lambda c: (c.day, c.name))

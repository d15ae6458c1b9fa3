"""Page 1 of the doctor's report beyond pain and load: function goals (PSFS), the global impression of change
(PGIC), medication and sleep, as values worked out from the stored records and the words that say them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from statistics import fmean

from tracker.advice import day_text
from tracker.medication import Dose, MedicationChange, Regular, changes
from tracker.pgic import PgicRecord
from tracker.psfs import DECIMALS, MCID_ACTIVITY, MCID_AVERAGE

# Earlier PGIC answers in the range listed after the latest; more are counted, not listed.
MAX_EARLIER_PGIC = 3
NO_MEDICATION = "No medication recorded for this period."


@dataclass(frozen=True)
class ActivityLine:
    """One PSFS activity's first and latest rating within the range (the same when rated once)."""

    activity: str
    first: tuple[date, int]
    latest: tuple[date, int]
    retired_on: date | None = None

    @property
    def change(self) -> int | None:
        """Latest minus first rating; None when rated only once in the range."""
        return None if self.first[0] == self.latest[0] else self.latest[1] - self.first[1]

    @property
    def important(self) -> bool:
        """True when the change reaches the clinically important size for one activity."""
        return self.change is not None and abs(self.change) >= MCID_ACTIVITY


@dataclass(frozen=True)
class FunctionSummary:
    """The activities rated in the range, in the person's order."""

    activities: tuple[ActivityLine, ...]

    @property
    def compared(self) -> tuple[ActivityLine, ...]:
        """The activities rated at least twice in the range: like is compared with like."""
        return tuple(a for a in self.activities if a.change is not None)

    @property
    def first_average(self) -> float | None:
        """Mean first rating of the compared activities (one decimal)."""
        return round(fmean(a.first[1] for a in self.compared), DECIMALS) if self.compared else None

    @property
    def latest_average(self) -> float | None:
        """Mean latest rating of the compared activities (one decimal)."""
        return round(fmean(a.latest[1] for a in self.compared), DECIMALS) if self.compared else None

    @property
    def average_change(self) -> float | None:
        """Latest average minus first average, as printed (so the reader's subtraction agrees)."""
        if self.first_average is None or self.latest_average is None:
            return None
        return round(self.latest_average - self.first_average, DECIMALS)

    @property
    def average_important(self) -> bool:
        """True when the average moved by the clinically important amount."""
        return self.average_change is not None and abs(self.average_change) >= MCID_AVERAGE


def function_summary(
    goals: Iterable[tuple[str, date | None, Sequence[tuple[date, int]]]], start: date, end: date
) -> FunctionSummary | None:
    """From (activity, retired on, ratings oldest first): each activity rated within [start, end]; None if none."""
    lines = []
    for activity, retired_on, ratings in goals:
        inside = [r for r in ratings if start <= r[0] <= end]
        if inside:
            lines.append(
                ActivityLine(activity, inside[0], inside[-1], retired_on if retired_on and retired_on <= end else None)
            )
    return FunctionSummary(tuple(lines)) if lines else None


@dataclass(frozen=True)
class AsNeeded:
    """One as-needed medication in the range: how many doses, and the amounts taken."""

    name: str
    doses: int
    amounts: tuple[str, ...]


@dataclass(frozen=True)
class MedicationSummary:
    """Regular medication taken in the range (as recorded, not clipped), its changes, and as-needed doses."""

    regular: tuple[Regular, ...]
    changes: tuple[MedicationChange, ...]
    as_needed: tuple[AsNeeded, ...]
    days: int


def medication_summary(regulars: Sequence[Regular], doses: Iterable[Dose], start: date, end: date) -> MedicationSummary:
    """The regular medication overlapping [start, end], its starts, stops and dose changes there, and the
    as-needed doses taken there, grouped by name whatever its capitals."""
    # By name, then first day: a dose change reads as one line after the other.
    taken = tuple(
        sorted(
            (r for r in regulars if r.start <= end and (r.end is None or r.end >= start)),
            key=lambda r: (r.name.casefold(), r.start),
        )
    )
    groups: dict[str, list[Dose]] = {}
    for d in doses:
        if start <= d.taken_at.date() <= end:
            groups.setdefault(d.name.strip().casefold(), []).append(d)
    as_needed = []
    for group in groups.values():
        amounts = sorted({(d.unit, d.dose) for d in group})
        as_needed.append(AsNeeded(group[-1].name, len(group), tuple(f"{dose:g} {unit}" for unit, dose in amounts)))
    return MedicationSummary(
        taken,
        tuple(changes(regulars, start, end)),
        tuple(sorted(as_needed, key=lambda a: (-a.doses, a.name.casefold()))),
        (end - start).days + 1,
    )


@dataclass(frozen=True)
class SleepSummary:
    """Sleep quality on waking over the mornings rated in the range."""

    nights: int
    average: float


def sleep_summary(nights: Iterable[int]) -> SleepSummary | None:
    """The mean of the mornings' sleep ratings (one decimal); None when no morning was rated."""
    values = list(nights)
    return SleepSummary(len(values), round(fmean(values), DECIMALS)) if values else None


def _rating(day_score: tuple[date, int], then: date | None = None) -> str:
    """'3 (29 Oct 2026)'; '3 (29 Oct)' when `then`, the later date printed beside it, is in the same year."""
    day, score = day_score
    return f"{score} ({day.day} {day:%b})" if then and then.year == day.year else f"{score} ({day_text(day)})"


def activity_text(line: ActivityLine) -> str:
    """'Climb stairs: 3 (19 Nov) → 6 (3 Dec 2026), +3: clinically important improvement'."""
    retired = f" [retired {day_text(line.retired_on)}]" if line.retired_on else ""
    if line.change is None:
        return f"{line.activity}{retired}: {_rating(line.first)}, rated once in this period"
    if line.important:
        verdict = f"clinically important {'improvement' if line.change > 0 else 'worsening'}"
    else:
        verdict = f"less than the {MCID_ACTIVITY:g} points that count as clinically important"
    first, latest = _rating(line.first, line.latest[0]), _rating(line.latest)
    return f"{line.activity}{retired}: {first} → {latest}, {line.change:+d}: {verdict}"


def average_text(summary: FunctionSummary) -> str:
    """The average's change, or why there is none yet."""
    n = len(summary.compared)
    if summary.average_change is None:
        return "Each activity was rated once in this period: a change needs a second rating."
    if summary.average_important:
        verdict = f"clinically important {'improvement' if summary.average_change > 0 else 'worsening'}"
    else:
        verdict = f"less than the {MCID_AVERAGE:g} points that count as clinically important"
    which = "the activity" if n == 1 else f"the {n} activities"
    return (
        f"Average of {which} rated twice or more: {summary.first_average:.1f} → {summary.latest_average:.1f}, "
        f"{summary.average_change:+.1f}: {verdict}"
    )


def pgic_lines(answers: Sequence[PgicRecord]) -> tuple[str, ...]:
    """The latest answer with its date, then the earlier ones in the range (newest first)."""
    *earlier, latest = answers
    lines = [f"{latest.label} ({latest.score} on the 1-7 scale), answered {day_text(latest.day)}"]
    if earlier:
        shown = ", ".join(f"{a.label.lower()} ({day_text(a.day)})" for a in earlier[::-1][:MAX_EARLIER_PGIC])
        more = len(earlier) - MAX_EARLIER_PGIC
        lines.append(f"Earlier in this period: {shown}" + (f" and {more} more" if more > 0 else ""))
    return tuple(lines)


def regular_text(r: Regular) -> str:
    """'Naproxen 500 mg, regular: 3 Mar 2026 to 11 Oct 2026' or '... since 3 Mar 2026, still taken'."""
    when = f"{day_text(r.start)} to {day_text(r.end)}" if r.end else f"since {day_text(r.start)}, still taken"
    return f"{r.name} {r.amount}, regular: {when}"


def as_needed_text(a: AsNeeded, days: int) -> str:
    """'Paracetamol, as needed: 9 doses, 2.1 a week (500 mg or 1000 mg a dose)'."""
    count = f"{a.doses} dose{'' if a.doses == 1 else 's'}"
    rate = f", {a.doses / days * 7:.1f} a week" if days >= 7 else f" in {days} day{'' if days == 1 else 's'}"
    each = "each" if len(a.amounts) == 1 else "a dose"
    return f"{a.name}, as needed: {count}{rate} ({' or '.join(a.amounts)} {each})"


def medication_lines(m: MedicationSummary) -> tuple[str, ...]:
    """Regular medication, then as-needed doses; one line when nothing was recorded."""
    lines = [regular_text(r) for r in m.regular] + [as_needed_text(a, m.days) for a in m.as_needed]
    return tuple(lines) or (NO_MEDICATION,)


def change_lines(m: MedicationSummary) -> tuple[str, ...]:
    """'13 Nov 2026: Naproxen: dose changed from 250 mg to 500 mg', oldest first."""
    return tuple(f"{day_text(c.day)}: {c.text}" for c in m.changes)


def sleep_text(s: SleepSummary) -> str:
    """'Average 6.2 out of 10 over 23 mornings rated (0 = very poor, 10 = very good)'."""
    mornings = f"{s.nights} morning{'' if s.nights == 1 else 's'}"
    return f"Average {s.average:.1f} out of 10 over {mornings} rated (0 = very poor, 10 = very good)"

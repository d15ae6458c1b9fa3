"""The doctor's report as plain values, and the words its first page (and the on-screen preview) uses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tracker import validation as v
from tracker.advice import day_text
from tracker.errors import ValidationError
from tracker.outcomes import Outcomes, outcome_lines
from tracker.pain import REGIONS
from tracker.pgic import PgicRecord
from tracker.report_health import (
    FunctionSummary,
    MedicationSummary,
    SleepSummary,
    activity_text,
    average_text,
    change_lines,
    medication_lines,
    pgic_lines,
    sleep_text,
)
from tracker.trends import Comparison

# A red flag seen on many days lists only the latest few, so page 1 stays short.
MAX_FLAG_DAYS = 3


def check_range(
    errors: v.Errors, start: object, end: object, regions: object, *, today: date
) -> tuple[date | None, date | None, tuple[str, ...]]:
    """Check a report's date range (not in the future, in order) and body regions, recording messages."""
    first = v.day(errors, "start", start, label="From", today=today)
    last = v.day(errors, "end", end, label="To", today=today)
    if first and last and first > last:
        errors["end"] = "The end date is before the start date; swap them."
    chosen = tuple(regions) if isinstance(regions, (list, tuple)) else ()
    if not chosen or any(r not in REGIONS for r in chosen):
        errors["regions"] = "Pick at least one body region."
    return first, last, chosen


def check_report_request(
    start: object, end: object, regions: object, *, today: date
) -> tuple[date, date, tuple[str, ...]]:
    """A valid report request, or ValidationError with every problem."""
    errors = v.Errors()
    first, last, chosen = check_range(errors, start, end, regions, today=today)
    if errors:
        raise ValidationError(errors)
    assert first is not None and last is not None
    return first, last, chosen


@dataclass(frozen=True)
class PainLine:
    """Baseline against recent pain in one region (the comparison has no change while too few days are rated)."""

    region: str
    comparison: Comparison


@dataclass(frozen=True)
class LoadLine:
    """How one main exercise's tolerated level moved over the range, as the threshold chart draws it."""

    exercise: str
    percent: float
    text: str
    """'Leg press: 60 kg × 12 → 77.5 kg × 12 within the pain limit (+29%)'."""


@dataclass(frozen=True)
class Adherence:
    """How much was done: sessions per week and cardio minutes."""

    sessions: int
    weeks: float
    cardio_minutes: float

    @property
    def per_week(self) -> float:
        """Sessions per week over the range."""
        return round(self.sessions / self.weeks, 1) if self.weeks else 0.0

    @property
    def cardio_per_week(self) -> float:
        """Cardio minutes per week over the range."""
        return round(self.cardio_minutes / self.weeks) if self.weeks else 0.0


@dataclass(frozen=True)
class ChangeLine:
    """A change to the plan the person accepted (from the suggestions)."""

    day: date
    title: str


@dataclass(frozen=True)
class FlagLine:
    """A red flag seen in the range, with the days it was seen."""

    title: str
    days: tuple[date, ...]


@dataclass(frozen=True)
class ReportData:
    """Everything the report shows for one person, range and set of regions."""

    name: str
    start: date
    end: date
    regions: tuple[str, ...]
    unit: str
    adherence: Adherence
    pain: tuple[PainLine, ...] = ()
    peg: tuple[tuple[date, float], ...] = ()
    loads: tuple[LoadLine, ...] = ()
    headline: str = ""
    """The tolerated-work headline, the same words as over the chart."""
    outcomes: Outcomes | None = None
    """The range's sessions by outcome against the pain limit and by the next morning."""
    changes: tuple[ChangeLine, ...] = ()
    flags: tuple[FlagLine, ...] = ()
    note: str = ""
    function: FunctionSummary | None = None
    """Function goals (PSFS) rated in the range."""
    pgic: tuple[PgicRecord, ...] = ()
    """Global impression of change answers in the range, oldest first."""
    medication: MedicationSummary | None = None
    sleep: SleepSummary | None = None
    asked_start: date | None = None
    """The first day asked for, when it was before anything was logged: the report then starts on the first day
    with a record instead (a year asked over six months of logging read as half the sessions per week)."""

    @property
    def period_text(self) -> str:
        """'5 Jun 2026 to 4 Dec 2026 (26 weeks)', saying when the period starts on the first day logged."""
        shown = range_text(self.start, self.end)
        if self.asked_start is None:
            return shown
        return f"{shown}, from the first day logged (the period asked for began {day_text(self.asked_start)})"

    @property
    def empty(self) -> bool:
        """True when nothing at all was logged in the range."""
        m = self.medication
        return (
            self.adherence.sessions == 0
            and not self.peg
            and all(p.comparison.change is None for p in self.pain)
            and self.function is None
            and not self.pgic
            and self.sleep is None
            and (m is None or not (m.regular or m.as_needed))
        )


@dataclass(frozen=True)
class Section:
    """One block of page 1: a heading and its lines."""

    title: str
    lines: tuple[str, ...]


def range_text(start: date, end: date) -> str:
    """'1 Sep 2026 to 30 Nov 2026 (13 weeks)'."""
    days = (end - start).days + 1
    span = f"{days} days" if days < 14 else f"{round(days / 7)} weeks"
    return f"{day_text(start)} to {day_text(end)} ({span})"


def regions_text(regions: tuple[str, ...]) -> str:
    """'Lower back, Left knee'."""
    return ", ".join(REGIONS.get(r, r) for r in regions)


def pain_text(line: PainLine) -> str:
    """'Lower back: Baseline (first 14 days) 6.2 against the last 14 days 3.9: -2.3 points, ...' or why not yet."""
    region = REGIONS.get(line.region, line.region)
    c = line.comparison
    if c.change is None:
        return f"{region}: too few days rated in this period to compare (it takes {2 * c.span})"
    return f"{region}: {c.text}"


def flag_text(line: FlagLine) -> str:
    """'Very high lower back pain: 4 days, latest 3 Nov 2026'."""
    if len(line.days) == 1:
        return f"{line.title}: {day_text(line.days[0])}"
    latest = ", ".join(day_text(d) for d in line.days[-MAX_FLAG_DAYS:][::-1])
    return f"{line.title}: {len(line.days)} days (latest {latest})"


def summary(report: ReportData) -> list[Section]:
    """Page 1's blocks in reading order. Pain, PEG-3, load, adherence, changes and red flags always say something;
    function goals, the global impression and sleep show only when the range has them, medication always (a doctor
    asks), with one line when none was recorded."""
    a = report.adherence
    peg = report.peg
    if len(peg) > 1:
        peg_lines: tuple[str, ...] = (
            f"First, week of {day_text(peg[0][0])}: {peg[0][1]:.1f}; latest, week of {day_text(peg[-1][0])}: "
            f"{peg[-1][1]:.1f} (0-10, lower is better; {len(peg)} periods with a score)",
        )
    elif peg:
        peg_lines = (f"Week of {day_text(peg[0][0])}: {peg[0][1]:.1f} (0-10, lower is better; one score so far)",)
    else:
        peg_lines = ("No PEG-3 check-ins in this range.",)
    sections = [
        Section("Daily pain: baseline against recent (0-10)", tuple(pain_text(p) for p in report.pain)),
        Section("Weekly PEG-3 (pain, enjoyment, activity)", peg_lines),
        *health_sections(report),
        Section(
            "Tolerated work of the main exercises (level with pain within the limit and a settled next morning)",
            tuple(x for x in (report.headline, *(line.text for line in report.loads)) if x),
        ),
        *outcome_sections(report),
        Section(
            "Adherence",
            (
                f"{a.sessions} session{'' if a.sessions == 1 else 's'}"
                + (f", {a.per_week:g} per week" if a.weeks >= 1 else f" in {round(a.weeks * 7)} days"),
                f"Cardio: {a.cardio_minutes:g} minutes in all"
                + (f", about {a.cardio_per_week:g} per week" if a.weeks >= 1 else ""),
            ),
        ),
        Section(
            "Changes made (accepted suggestions)",
            tuple(f"{day_text(c.day)}: {c.title}" for c in report.changes) or ("None in this range.",),
        ),
        Section("Red flags", tuple(flag_text(f) for f in report.flags) or ("None in this range.",)),
    ]
    if (m := report.medication) is not None:
        # After adherence: what was taken sits beside what was done, its changes beside the plan's.
        sections.insert(-2, Section("Medication", medication_lines(m)))
        if m.changes:
            sections.insert(-2, Section("Medication changes in this period", change_lines(m)))
    if report.sleep is not None:
        sections.insert(-2, Section("Sleep quality on waking", (sleep_text(report.sleep),)))
    return sections


def health_sections(report: ReportData) -> list[Section]:
    """Function goals and the global impression of change, where the range has them (right after PEG-3)."""
    found = []
    if (f := report.function) is not None:
        found.append(
            Section(
                "Function goals, change within this period (PSFS: 0 = unable, 10 = as before)",
                (average_text(f), *(activity_text(a) for a in f.activities)),
            )
        )
    if report.pgic:
        found.append(Section("Overall change since starting, as the patient rates it (PGIC)", pgic_lines(report.pgic)))
    return found


def outcome_sections(report: ReportData) -> list[Section]:
    """How the range's sessions went, right under the tolerated work (a rising level can hide a run of sessions
    over the limit at the end), when the range has sessions."""
    o = report.outcomes
    if o is None or not o.sessions:
        return []
    return [Section("Sessions against the pain limit and the next morning", outcome_lines(o))]

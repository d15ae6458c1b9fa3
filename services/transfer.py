"""Importing a file of workouts and check-ins: checked like the forms, all or nothing, never twice."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from db import bulk
from db.engine import retry_busy
from db.models import Exercise, Profile
from imports.matching import Known, Matched, match
from imports.model import FileProblem, Parsed, Problem, Problems, RawItem
from imports.upload import parse_upload
from services.context import Ctx
from tracker.errors import ValidationError
from tracker.records import (
    CheckinRecord,
    PegRecord,
    PressureRecord,
    SessionRecord,
    check_checkin,
    check_peg,
    check_pressure,
    check_session,
)

Progress = Callable[[float, str], None]
# Shares of the progress bar: reading and checking the file, then writing it.
READ_SHARE, CHECK_SHARE = 0.15, 0.45


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
    already_there: int = 0
    """Rows skipped because the same session, check-in or measurement is already stored."""
    problems: tuple[Problem, ...] = ()
    """The first MAX_PROBLEMS problems found."""
    more_problems: int = 0
    """Problems found beyond those listed."""
    needs_equipment: tuple[str, ...] = ()
    """Exercise names to ask about (machine or free weight) before anything is written."""
    notes: tuple[str, ...] = ()

    @property
    def written(self) -> bool:
        """True when the import went through (possibly adding nothing, when all was there already)."""
        return not self.problems and not self.needs_equipment

    @property
    def problem_count(self) -> int:
        """Every problem found, listed or not."""
        return len(self.problems) + self.more_problems

    def summary(self) -> str:
        """One sentence on what was added."""
        parts = [
            f"{self.sessions_added:,} session(s) with {self.sets_added:,} set(s)",
            f"{self.checkins_added:,} morning check-in(s)",
            f"{self.pegs_added:,} PEG check-in(s)",
            f"{self.pressures_added:,} pressure threshold(s)",
            f"{len(self.exercises_created):,} new exercise(s)",
        ]
        skipped = f" {self.already_there:,} already in your data were left alone." if self.already_there else ""
        return f"Added {', '.join(parts)}.{skipped}"


def _checked(items: list[RawItem], check: Callable[..., Any], problems: list[Problem], today: date) -> list[Any]:
    found = []
    for item in items:
        try:
            found.append((check(item.raw, today=today), item))
        except ValidationError as error:
            problems.extend(Problem(item.where[0], item.where[1], message) for message in error.errors.values())
    return found


def _sessions(
    parsed: Parsed,
    matched: Matched,
    categories: dict[str, str],
    unit: str,
    now: datetime,
    problems: list[Problem],
    progress: Progress,
) -> list[SessionRecord]:
    records = []
    total = max(1, len(parsed.sessions))
    for n, session in enumerate(parsed.sessions):
        raw = dict(session.raw)
        raw["entries"] = [e | {"exercise": matched.names.get(e["exercise"], e["exercise"])} for e in raw["entries"]]
        try:
            records.append(check_session(raw, categories=categories, unit=session.unit or unit, now=now, stored=True))
            # Checked: its raw cells and their places are needed no more, and a large file holds millions of them.
            session.raw.clear()
            session.places.clear()
        except ValidationError as error:
            problems.extend(
                Problem(*session.where(field), message)
                for field, message in error.errors.items()
                if not _reported(field, raw, matched)
            )
        if n % 1000 == 0:
            progress(READ_SHARE + CHECK_SHARE * n / total, f"Checking session {n + 1:,} of {total:,}")
    return records


def _reported(field: str, raw: dict[str, Any], matched: Matched) -> bool:
    """True for the 'not in your list' message of a name that matching has reported or asks about."""
    parts = field.split(".")
    if len(parts) != 3 or parts[2] != "exercise":
        return False
    name = raw["entries"][int(parts[1])]["exercise"]
    return name in matched.unknown or name in matched.questions


def _once(rows: list[tuple[Any, RawItem]], key: Callable[[Any], object], what: str, problems: list[Problem]) -> None:
    seen: dict[object, int] = {}
    for record, item in rows:
        k = key(record)
        if k in seen:
            problems.append(Problem(item.where[0], item.where[1], f"{what} is already on line {seen[k]} of this file."))
        seen.setdefault(k, item.where[1])


def _known(s: OrmSession, owner_id: int) -> dict[str, Known]:
    rows = s.scalars(select(Exercise).where(Exercise.owner_id == owner_id))
    return {e.name: Known(e.name, e.category, e.equipment) for e in rows}


@retry_busy
def import_file(
    ctx: Ctx,
    filename: str,
    data: bytes,
    *,
    equipment: Mapping[str, str] | None = None,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> ImportResult:
    """Import a Threshold export (zip or CSV), or Strong's or Hevy's CSV export, for ctx's owner.

    Nothing is written when any row is wrong (every problem is listed with its line) or when an
    exercise's equipment must be asked first (`equipment` maps such names to an equipment kind).
    Rows already stored (same session start and exercises, same check-in day) are skipped.
    """
    report: Progress = progress or (lambda _f, _t: None)
    now = now or datetime.now()
    report(0.0, f"Reading {filename}")
    try:
        parsed = parse_upload(filename, data)
    except FileProblem as error:
        return ImportResult("unknown", problems=(error.problem,))
    report(READ_SHARE, "Checking every row")
    problems = Problems(parsed.problems)
    with ctx.db.write() as s:
        unit = s.get_one(Profile, ctx.owner_id).unit
        known = _known(s, ctx.owner_id)
        matched = match(parsed, known, equipment)
        problems += matched.problems
        categories = {name: k.category for name, k in known.items()} | {r.name: r.category for r in matched.new}
        sessions = _sessions(parsed, matched, categories, unit, now, problems, report)
        checkins = _checked(parsed.checkins, check_checkin, problems, now.date())
        pegs = _checked(parsed.pegs, check_peg, problems, now.date())
        pressures = _checked(parsed.pressures, check_pressure, problems, now.date())
        _once(checkins, lambda r: (r.day, r.region), "A check-in for this day and region", problems)
        _once(pegs, lambda r: r.day, "A PEG check-in for this day", problems)
        if problems or matched.questions:
            problems.sort(key=lambda p: (p.file, p.line))
            return ImportResult(
                parsed.source,
                problems=tuple(problems),
                more_problems=problems.more,
                needs_equipment=tuple(matched.questions),
                notes=tuple(parsed.notes),
            )
        return _write(s, ctx, parsed, matched, sessions, checkins, pegs, pressures, report)


def _write(
    s: OrmSession,
    ctx: Ctx,
    parsed: Parsed,
    matched: Matched,
    sessions: list[SessionRecord],
    checkins: list[tuple[CheckinRecord, RawItem]],
    pegs: list[tuple[PegRecord, RawItem]],
    pressures: list[tuple[PressureRecord, RawItem]],
    report: Progress,
) -> ImportResult:
    owner = ctx.owner_id
    have = bulk.session_keys(s, owner)
    fresh = []
    for record in sessions:
        key = bulk.session_key(record)
        if have[key] > 0:
            have[key] -= 1  # the file may hold two sessions alike; each stored one accounts for one of them
        else:
            fresh.append(record)
    bulk.add_exercises(s, owner, matched.new)
    total, written = max(1, len(fresh)), 0

    def done(count: int) -> None:
        nonlocal written
        written += count
        report(
            READ_SHARE + CHECK_SHARE + (1 - READ_SHARE - CHECK_SHARE) * written / total,
            f"Saved {written:,} of {len(fresh):,} sessions",
        )

    bulk.add_sessions(s, owner, fresh, bulk.exercise_ids(s, owner), done)
    starts = bulk.live_starts(s, owner)
    stored_days = bulk.checkin_days(s, owner)
    new_checkins = [
        (r, starts.get(item.raw.get("session_started_at")))  # type: ignore[arg-type]
        for r, item in checkins
        if (r.day, r.region) not in stored_days
    ]
    bulk.add_checkins(s, owner, new_checkins)
    peg_days = bulk.peg_days(s, owner)
    new_pegs = [r for r, _item in pegs if r.day not in peg_days]
    bulk.add_pegs(s, owner, new_pegs)
    have_pressures: Counter[tuple[date, str, float, float, float]] = bulk.pressure_keys(s, owner)
    new_pressures = []
    for r, _item in pressures:
        trial_key = (r.day, r.site, *r.trials)
        if have_pressures[trial_key] > 0:
            have_pressures[trial_key] -= 1
        else:
            new_pressures.append(r)
    bulk.add_pressures(s, owner, new_pressures)
    report(1.0, "Done")
    skipped = (len(sessions) - len(fresh)) + (len(checkins) - len(new_checkins)) + (len(pegs) - len(new_pegs))
    return ImportResult(
        parsed.source,
        sessions_added=len(fresh),
        sets_added=sum(len(e.sets) for r in fresh for e in r.entries),
        checkins_added=len(new_checkins),
        pegs_added=len(new_pegs),
        pressures_added=len(new_pressures),
        exercises_created=tuple(r.name for r in matched.new),
        already_there=skipped + len(pressures) - len(new_pressures) + matched.existing,
        notes=tuple(parsed.notes),
    )

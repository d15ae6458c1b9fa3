"""Importing a file of workouts and check-ins: checked like the forms, all or nothing, never twice.

formats/readers/ reads the file into raw input; this use case checks it and writes it in one unit of work.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date, datetime
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from db import bulk
from db.engine import retry_busy
from db.models import Exercise, Profile
from formats.readers import apple_health
from formats.readers.model import FileProblem, Parsed, Problem, Problems, RawItem
from formats.readers.upload import parse_upload
from services.context import Ctx
from services.import_matching import Known, Matched, match
from services.import_preview import Tally, build, load_warning
from services.import_regions import change, preview_note, track
from services.import_result import ImportResult
from services.import_write import Saver, collector_paused, write_small
from services.transfer_health import add_health, check_health, counts_of, given
from tracker.errors import ValidationError
from tracker.records import (
    SessionRecord,
    check_checkin,
    check_peg,
    check_pressure,
    check_session,
)
from tracker.session_input import SessionInput

Progress = Callable[[float, str], None]
# Shares of the progress bar: reading the file (most of the time for a large Apple Health export), then of
# the rest, checking the rows and writing them.
READ_SHARE, APPLE_SHARE = 0.15, 0.8
# Sessions checked, then written, at a time: the progress bar moves every batch, and memory holds one batch.
CHECK_BATCH = 500


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
    problems: Problems,
    saving: Callable[[list[SessionRecord]], None] | None,
    tally: Tally,
    report: Progress,
) -> None:
    """Check the sessions a batch at a time; each batch is counted, and saved while no problem has been found.

    A Threshold export's sessions are read from the file a batch at a time (only one batch is in memory); a
    reader that holds them all has each one emptied once it is checked and counted.
    """
    sessions = parsed.all_sessions
    done = 0
    for batch in sessions.batches(CHECK_BATCH, problems):
        records = []
        for session in batch:
            tally.read(session)
            raw = dict(session.raw)
            raw["entries"] = [e | {"exercise": matched.names.get(e["exercise"], e["exercise"])} for e in raw["entries"]]
            try:
                given = SessionInput.from_mapping(raw)
                records.append(
                    check_session(given, categories=categories, unit=session.unit or unit, now=now, stored=True)
                )
                session.raw, session.places = {"entries": []}, {}  # a reader that holds every session keeps less
            except ValidationError as error:
                problems.extend(
                    Problem(*session.where(field), message)
                    for field, message in error.errors.items()
                    if not _reported(field, raw, matched)
                )
        tally.add(records)
        if saving is not None and not problems:
            saving(records)
        done += len(batch)
        what = "Checked and saved" if saving is not None else "Checked"
        report(done / len(sessions), f"{what} {done:,} of {len(sessions):,} sessions")


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


def _parse(filename: str, data: bytes | IO[bytes], report: Progress) -> tuple[Parsed, float]:
    """The upload read into raw input, and the share of the progress bar that reading took."""
    if apple_health.is_export(filename, data):
        parsed = apple_health.parse(filename, data, lambda done: report(APPLE_SHARE * done, "Reading workouts"))
        return parsed, APPLE_SHARE
    raw = data if isinstance(data, bytes) else data.read()
    return parse_upload(filename, raw), READ_SHARE


def _has_loads(parsed: Parsed) -> bool:
    sessions = parsed.all_sessions
    return any(s.get("weight") not in (None, "") for x in sessions for e in x.raw["entries"] for s in e["sets"])


@retry_busy
def import_file(
    ctx: Ctx,
    filename: str,
    data: bytes | IO[bytes],
    *,
    unit: str | None = None,
    equipment: Mapping[str, str] | None = None,
    mapping: Mapping[str, str] | None = None,
    save: bool = True,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> ImportResult:
    """Import a Threshold export (zip or CSV), Strong's or Hevy's CSV export, or Apple Health's export.zip.

    Nothing is written when any row is wrong (every problem is listed with its line), when an exercise's
    equipment must be asked first (`equipment` maps such names to an equipment kind), or when the file does
    not say its weight unit and `unit` ('kg' or 'lb') is not given. `mapping` sends a file's exercise name to
    one of the person's exercises. With `save=False` everything is checked and the result's preview says what
    would be added. Rows already stored (same session start and exercises, same check-in day) are skipped.
    """
    report: Progress = progress or (lambda _f, _t: None)
    now = now or datetime.now()
    report(0.0, f"Reading {filename}")
    try:
        parsed, read_share = _parse(filename, data, report)
    except FileProblem as error:
        return ImportResult("unknown", problems=(error.problem,))
    if unit not in (None, "kg", "lb"):
        return ImportResult(parsed.source, problems=(Problem(filename, 0, f"{unit!r} is not a unit: kg or lb."),))
    if parsed.unit_unknown and unit is None and _has_loads(parsed):
        return ImportResult(parsed.source, needs_unit=True, notes=tuple(parsed.notes))
    report(read_share, "Checking every row")
    problems = Problems(parsed.problems)

    def rest(done: float, text: str) -> None:
        report(read_share + (1 - read_share) * done, text)

    try:
        with collector_paused(), (ctx.db.write if save else ctx.db.read)() as s:
            result = _check_and_write(s, ctx, parsed, (unit, equipment, mapping), problems, save, rest, now)
        report(1.0, "Done")
        return result
    except _Refused as refused:  # raised inside the transaction, so whatever a batch had written is rolled back
        return refused.result


class _Refused(Exception):
    """A problem found after batches were written: the transaction is rolled back and this is the answer."""

    def __init__(self, result: ImportResult) -> None:
        super().__init__("import refused")
        self.result = result


def _check_and_write(
    s: OrmSession,
    ctx: Ctx,
    parsed: Parsed,
    asked: tuple[str | None, Mapping[str, str] | None, Mapping[str, str] | None],
    problems: Problems,
    save: bool,
    report: Progress,
    now: datetime,
) -> ImportResult:
    unit, equipment, mapping = asked
    own_unit = s.get_one(Profile, ctx.owner_id).unit
    known = _known(s, ctx.owner_id)
    matched = match(parsed, known, equipment, mapping)
    problems += matched.problems
    categories = {name: k.category for name, k in known.items()} | {r.name: r.category for r in matched.new}
    checkins = _checked(parsed.checkins, check_checkin, problems, now.date())
    pegs = _checked(parsed.pegs, check_peg, problems, now.date())
    pressures = _checked(parsed.pressures, check_pressure, problems, now.date())
    _once(checkins, lambda r: (r.day, r.region), "A check-in for this day and region", problems)
    _once(pegs, lambda r: r.day, "A PEG check-in for this day", problems)
    health = check_health(s, ctx.owner_id, parsed, problems, now)
    saver = Saver(s, ctx.owner_id, matched) if save and not problems and not matched.questions else None
    tally = Tally(keep_loads=bool(parsed.unit_unknown and unit))
    if saver is None:  # a preview: say how many of the file's sessions the import would leave alone
        tally.stored, tally.key = bulk.session_keys(s, ctx.owner_id), bulk.session_key
    _sessions(parsed, matched, categories, unit or own_unit, now, problems, saver, tally, report)
    if problems or matched.questions:
        problems.sort(key=lambda p: (p.file, p.line))
        raise _Refused(
            ImportResult(
                parsed.source,
                problems=tuple(problems),
                more_problems=problems.more,
                needs_equipment=tuple(matched.questions),
                closest={name: matched.closest.get(name, ()) for name in matched.questions},
                notes=tuple(parsed.notes),
            )
        )
    warning = load_warning(tally, unit) if parsed.unit_unknown and unit else None
    file_unit = unit if parsed.unit_unknown else _file_unit(tally)
    others = (
        (len(checkins), "morning check-in", "morning check-ins"),
        (len(pegs), "weekly PEG check-in", "weekly PEG check-ins"),
        (len(pressures), "pressure threshold", "pressure thresholds"),
        *counts_of(given(health)),
    )
    regions = change(s, ctx.owner_id, tally.regions | {r.region for r, _item in checkins})
    preview = build(parsed, matched, tally, file_unit, [warning] if warning else [], others)
    if regions is not None:
        preview = replace(preview, regions_note=preview_note(regions))
    if saver is None:
        return ImportResult(parsed.source, notes=tuple(parsed.notes), preview=preview, checked_only=True)
    written = write_small(s, ctx, parsed, matched, saver, (checkins, pegs, pressures), preview)
    return track(s, ctx.owner_id, regions, add_health(s, ctx.owner_id, health, written))


def _file_unit(tally: Tally) -> str | None:
    units = set(tally.units)
    return units.pop() if len(units) == 1 else ("per row" if units else None)

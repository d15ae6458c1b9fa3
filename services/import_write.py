"""Writing an import that passed its checks: sessions a batch at a time, then the smaller tables.

Called inside the import's one write transaction (services/transfer.py), so a refusal after some batches
rolls them back.
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from sqlalchemy.orm import Session as OrmSession

from db import bulk
from formats.readers.model import Parsed, RawItem
from services.context import Ctx
from services.import_matching import Matched
from services.import_preview import Preview
from services.import_result import ImportResult
from tracker.records import CheckinRecord, PegRecord, PressureRecord, SessionRecord


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off while an import checks and writes, and on again after (if it was on).

    An import keeps a batch of sessions alive while it checks and writes them, so the collector moves them to its
    oldest generation and then scans every object of the process again and again: about a sixth of the time of
    an import of 100,000 sets. The import makes no reference cycles; reference counting frees its objects alike.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


class Saver:
    """Writes checked sessions a batch at a time, skipping those already stored (each stored one once)."""

    def __init__(self, s: OrmSession, owner_id: int, matched: Matched) -> None:
        self.s, self.owner_id = s, owner_id
        self.have = bulk.session_keys(s, owner_id)
        bulk.add_exercises(s, owner_id, matched.new)
        self.ids = bulk.exercise_ids(s, owner_id)
        self.seen = self.added = self.sets = 0

    def __call__(self, records: list[SessionRecord]) -> None:
        fresh = []
        for record in records:
            key = bulk.session_key(record)
            if self.have[key] > 0:
                self.have[key] -= 1  # the file may hold two sessions alike; each stored one accounts for one of them
            else:
                fresh.append(record)
        bulk.add_sessions(self.s, self.owner_id, fresh, self.ids)
        self.seen += len(records)
        self.added += len(fresh)
        self.sets += sum(len(e.sets) for r in fresh for e in r.entries)


def write_small(
    s: OrmSession,
    ctx: Ctx,
    parsed: Parsed,
    matched: Matched,
    saver: Saver,
    checked: tuple[
        list[tuple[CheckinRecord, RawItem]],
        list[tuple[PegRecord, RawItem]],
        list[tuple[PressureRecord, RawItem]],
    ],
    preview: Preview,
) -> ImportResult:
    """Check-ins, PEG and pressure rows after the sessions (check-ins point at them), skipping stored ones."""
    checkins, pegs, pressures = checked
    owner = ctx.owner_id
    # Every stored session's start is read only when there are check-ins to link to them.
    starts = bulk.live_starts(s, owner) if checkins else {}
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
    skipped = (saver.seen - saver.added) + (len(checkins) - len(new_checkins)) + (len(pegs) - len(new_pegs))
    return ImportResult(
        parsed.source,
        sessions_added=saver.added,
        sets_added=saver.sets,
        checkins_added=len(new_checkins),
        pegs_added=len(new_pegs),
        pressures_added=len(new_pressures),
        exercises_created=tuple(r.name for r in matched.new),
        already_there=skipped + len(pressures) - len(new_pressures) + matched.existing,
        notes=tuple(parsed.notes),
        preview=preview,
    )

"""Body regions an import brings that the person does not track yet.

Progress and the report only read the tracked regions' pain. An import of someone's own export into a new
database (which tracks the lower back alone) would otherwise hide every knee or hip rating it brought, so the
regions the file rates are added to the tracked ones, and the preview says so before anything is written.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace

from sqlalchemy.orm import Session as OrmSession

from db.models import Profile
from services.context import settings_of
from services.import_result import ImportResult
from tracker.describe import joined
from tracker.pain import REGIONS


def untracked(s: OrmSession, owner_id: int, rated: Collection[str]) -> tuple[str, ...]:
    """The regions among `rated` the owner does not track, in the catalogue's order."""
    tracked = settings_of(s.get_one(Profile, owner_id)).regions
    return tuple(region for region in REGIONS if region in rated and region not in tracked)


def _named(regions: Sequence[str]) -> str:
    return joined([REGIONS[region].lower() for region in regions])


CHANGE = "You can change the tracked regions in Settings (on the command line: cli.py settings --regions)."


def preview_note(regions: Sequence[str]) -> str:
    """Before the import: which regions it would start tracking, and why."""
    return (
        f"This file rates pain in the {_named(regions)}, which you do not track yet: importing adds "
        f"{'it' if len(regions) == 1 else 'them'} to your tracked regions, so that Progress and the report show "
        f"those ratings. {CHANGE}"
    )


def track(s: OrmSession, owner_id: int, regions: Sequence[str], result: ImportResult) -> ImportResult:
    """After a written import: track `regions` too, and say so in the result's notes."""
    if not regions or not result.written:
        return result
    profile = s.get_one(Profile, owner_id)
    profile.regions = ",".join([*settings_of(profile).regions, *regions])
    note = (
        f"Now also tracking the {_named(regions)}: this file rated pain there, and Progress and the report show "
        f"those ratings. {CHANGE}"
    )
    return replace(result, notes=(*result.notes, note))

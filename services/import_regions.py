"""Body regions an import brings that the person does not track yet.

Progress, check-ins and the report only read the tracked regions' pain. An import of someone's own export into
a new database would otherwise hide every knee or hip rating it brought, so the regions the file rates join the
tracked ones, and the preview says so before anything is written. A new profile tracks the lower back until the
person chooses: when that starting setting is still all it tracks and nothing of the person's own rates it, the
file's regions take its place, or a knee patient would be asked every morning about a back they never rated.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session as OrmSession

from db.models import Checkin, ExerciseSession, PainRating, Profile
from services.context import settings_of
from services.import_result import ImportResult
from tracker.describe import joined
from tracker.pain import DEFAULT_REGIONS, REGIONS


@dataclass(frozen=True)
class RegionChange:
    """What an import does to the tracked regions."""

    regions: tuple[str, ...]
    """The tracked regions afterwards."""
    added: tuple[str, ...]
    """The regions the data rates that were not tracked, in the catalogue's order."""
    dropped: tuple[str, ...] = ()
    """The untouched starting setting the data's regions replace (never a region the person chose or rated)."""


def rated_own(s: OrmSession, owner_id: int, regions: Collection[str]) -> bool:
    """True when any stored session (the bin's too) or check-in of the owner rates pain in one of `regions`."""
    rated = (
        select(PainRating.id)
        .join(ExerciseSession, ExerciseSession.id == PainRating.session_id)
        .where(ExerciseSession.owner_id == owner_id, PainRating.region.in_(list(regions)))
        .where(or_(PainRating.before.is_not(None), PainRating.during.is_not(None), PainRating.after.is_not(None)))
    )
    checked = select(Checkin.id).where(Checkin.owner_id == owner_id, Checkin.region.in_(list(regions)))
    return bool(s.scalar(select(exists(rated) | exists(checked))))


def rated_regions(s: OrmSession, owner_id: int) -> set[str]:
    """Every region the owner's stored sessions (the bin's too) or check-ins rate pain in."""
    rated = (
        select(PainRating.region)
        .join(ExerciseSession, ExerciseSession.id == PainRating.session_id)
        .where(ExerciseSession.owner_id == owner_id)
        .where(or_(PainRating.before.is_not(None), PainRating.during.is_not(None), PainRating.after.is_not(None)))
    )
    checked = select(Checkin.region).where(Checkin.owner_id == owner_id)
    return set(s.scalars(rated.union(checked)))


def change(s: OrmSession, owner_id: int, rated: Collection[str], *, only_default: bool = False) -> RegionChange | None:
    """How the tracked regions change for data that rates `rated`, or None when they stay as they are.

    Untracked rated regions are added. When the owner still tracks only the starting setting (DEFAULT_REGIONS),
    the data does not rate it and nothing of the owner's own does either, the data's regions replace it.
    With `only_default` (a restore, whose settings are the person's own) only that replacement is made.
    """
    tracked = settings_of(s.get_one(Profile, owner_id)).regions
    ordered = tuple(region for region in REGIONS if region in rated)
    added = tuple(region for region in ordered if region not in tracked)
    if not added:
        return None
    if tracked == DEFAULT_REGIONS and not set(tracked) & set(rated) and not rated_own(s, owner_id, tracked):
        return RegionChange(ordered, added, tracked)
    return None if only_default else RegionChange((*tracked, *added), added)


def _named(regions: Sequence[str]) -> str:
    return joined([REGIONS[region].lower() for region in regions])


def _listed(regions: Sequence[str]) -> str:
    return ", ".join(REGIONS[region] for region in regions)


CHANGE = "You can change the tracked regions on the Settings page (or with cli.py settings --regions)."


def _dropped(found: RegionChange) -> str:
    return (
        f"The {_named(found.dropped)} {'is' if len(found.dropped) == 1 else 'are'} no longer tracked: "
        f"{'it was' if len(found.dropped) == 1 else 'they were'} only the starting setting, with no pain rated there."
    )


def preview_note(found: RegionChange) -> str:
    """Before the import: which regions it would start tracking (and which it would stop tracking), and why."""
    if found.dropped:
        return (
            f"This file rates pain in the {_named(found.added)}. You track only the {_named(found.dropped)}, the "
            f"starting setting, and have rated no pain there, so importing tracks the file's "
            f"{'region' if len(found.added) == 1 else 'regions'} in its place: Progress, the morning check-in and "
            f"the report then show the {_named(found.added)}. {CHANGE}"
        )
    return (
        f"This file rates pain in the {_named(found.added)}, which you do not track yet: importing adds "
        f"{'it' if len(found.added) == 1 else 'them'} to your tracked regions, so that Progress and the report show "
        f"those ratings. {CHANGE}"
    )


def result_note(found: RegionChange, *, source: str = "the file") -> str:
    """After the change: what is tracked now, and why."""
    if found.dropped:
        return f"Now tracking: {_listed(found.regions)} (from {source}). {_dropped(found)} {CHANGE}"
    return (
        f"Now also tracking the {_named(found.added)}: this file rated pain there, and Progress and the report show "
        f"those ratings. {CHANGE}"
    )


def apply(s: OrmSession, owner_id: int, found: RegionChange) -> None:
    """Store the changed tracked regions."""
    s.get_one(Profile, owner_id).regions = ",".join(found.regions)


def track(s: OrmSession, owner_id: int, found: RegionChange | None, result: ImportResult) -> ImportResult:
    """After a written import: track the changed regions, and say so in the result's notes."""
    if found is None or not result.written:
        return result
    apply(s, owner_id, found)
    return replace(result, notes=(*result.notes, result_note(found)))

"""Cached Progress reads, per owner and data version: a write by the owner on any server makes them stale."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from services.context import Ctx
from services.progress import MAX_LINES, Options, progress_details, progress_headline, progress_options
from ui.cache import cached_read
from ui.progress_more import detail_sections, later_sections
from ui.progress_sections import Section, headline_sections
from ui.progress_view import Filters


@dataclass(frozen=True)
class PageView:
    """What the page shows for one choice of filters: the range, its time bucket, unit and sections."""

    start: date
    end: date
    bucket: str
    unit: str
    sections: tuple[Section, ...]
    later: tuple[Section, ...] = ()
    """Read with the headline, drawn only under "More charts" (the as-needed doses per week)."""


@cached_read(max_entries=64)
def options(ctx: Ctx) -> Options:
    """Filter choices for the owner, cached until their next write."""
    return progress_options(ctx)


def page_view(ctx: Ctx, filters: Filters) -> PageView:
    """The charts the page opens with (the threshold picture and the pain trend), cached until the next write."""
    # Keyed on what the headline reads, so a change of one-rep max formula (details only) does not read it again.
    return _headline_view(ctx, filters.start, filters.end, filters.regions, filters.exercises)


@cached_read(max_entries=64)
def _headline_view(ctx: Ctx, start: date, end: date, regions: tuple[str, ...], exercises: tuple[str, ...]) -> PageView:
    data = progress_headline(ctx, start=start, end=end, regions=regions, exercises=exercises)
    return PageView(
        data.start, data.end, data.bucket, data.unit, tuple(headline_sections(data)), tuple(later_sections(data))
    )


@cached_read(max_entries=64)
def more_sections(ctx: Ctx, filters: Filters) -> tuple[Section, ...]:
    """Every other chart for the filters, read once the person opens them, cached until the next write."""
    data = progress_details(
        ctx,
        start=filters.start,
        end=filters.end,
        regions=filters.regions,
        exercises=filters.exercises,
        formula=filters.formula,
        max_lines=MAX_LINES,
    )
    return tuple(detail_sections(data))

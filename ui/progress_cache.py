"""Cached Progress reads, per owner and data version: a write by the owner on any server makes them stale."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from services.context import Ctx
from services.progress import MAX_LINES, Options, progress_data, progress_options
from ui.cache import cached_read
from ui.progress_sections import Section, sections
from ui.progress_view import Filters


@dataclass(frozen=True)
class PageView:
    """What the page shows for one choice of filters: the range, its time bucket, unit and sections."""

    start: date
    end: date
    bucket: str
    unit: str
    sections: tuple[Section, ...]


@cached_read(max_entries=64)
def options(ctx: Ctx) -> Options:
    """Filter choices for the owner, cached until their next write."""
    return progress_options(ctx)


@cached_read(max_entries=64)
def page_view(ctx: Ctx, filters: Filters) -> PageView:
    """The owner's charts for the filters (specs and rows), cached until their next write."""
    data = progress_data(
        ctx,
        start=filters.start,
        end=filters.end,
        regions=filters.regions,
        exercises=filters.exercises,
        formula=filters.formula,
        max_lines=MAX_LINES,
    )
    return PageView(data.start, data.end, data.bucket, data.unit, tuple(sections(data)))

"""Cached Progress reads, per owner and data version: a write by the owner on any server makes them stale."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import streamlit as st

from services.context import Ctx
from services.progress import MAX_LINES, Options, progress_data, progress_options
from ui.cache import version
from ui.progress_sections import Section, sections
from ui.progress_view import Filters
from ui.session import database


@dataclass(frozen=True)
class PageView:
    """What the page shows for one choice of filters: the range, its time bucket, unit and sections."""

    start: date
    end: date
    bucket: str
    unit: str
    sections: tuple[Section, ...]


@st.cache_data(show_spinner=False, max_entries=64)
# data_version is unused in the bodies: it is there for the cache key (a leading underscore would leave it out).
def _options(url: str, owner_id: int, data_version: str) -> Options:
    return progress_options(Ctx(database(url), owner_id))


@st.cache_data(show_spinner=False, max_entries=64)
def _page(url: str, owner_id: int, data_version: str, filters: Filters) -> PageView:
    data = progress_data(
        Ctx(database(url), owner_id),
        start=filters.start,
        end=filters.end,
        regions=filters.regions,
        exercises=filters.exercises,
        formula=filters.formula,
        max_lines=MAX_LINES,
    )
    return PageView(data.start, data.end, data.bucket, data.unit, tuple(sections(data)))


def options(ctx: Ctx) -> Options:
    """Filter choices for the owner, cached until their next write."""
    return _options(ctx.db.url, ctx.owner_id, version(ctx))


def page_view(ctx: Ctx, filters: Filters) -> PageView:
    """The owner's charts for the filters (specs and rows), cached until their next write."""
    return _page(ctx.db.url, ctx.owner_id, version(ctx), filters)

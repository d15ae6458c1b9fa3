"""Cached Progress reads, per owner; a write drops exactly that owner's entries."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import date

import streamlit as st

from services.context import Ctx
from services.progress import MAX_LINES, Options, progress_data, progress_options
from ui.cache import on_write
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


_SEEN: dict[tuple[str, int], set[Filters]] = {}
_LOCK = threading.Lock()


@st.cache_data(show_spinner=False, max_entries=64)
def _options(url: str, owner_id: int) -> Options:
    return progress_options(Ctx(database(url), owner_id))


@st.cache_data(show_spinner=False, max_entries=64)
def _page(url: str, owner_id: int, filters: Filters) -> PageView:
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
    return _options(ctx.db.url, ctx.owner_id)


def page_view(ctx: Ctx, filters: Filters) -> PageView:
    """The owner's charts for the filters (specs and rows), cached until their next write."""
    with _LOCK:
        _SEEN.setdefault((ctx.db.url, ctx.owner_id), set()).add(filters)
    return _page(ctx.db.url, ctx.owner_id, filters)


@on_write
def forget_progress(ctx: Ctx) -> None:
    """Drop this owner's cached Progress data (only theirs): any session, check-in or setting can change it."""
    with _LOCK:
        stale = _SEEN.pop((ctx.db.url, ctx.owner_id), set())
    _options.clear(ctx.db.url, ctx.owner_id)
    for filters in stale:
        _page.clear(ctx.db.url, ctx.owner_id, filters)

"""Cached reads across several app servers: keyed on the owner's data version, which every write changes.

A server never has to hear about another server's writes: it reads the owner's version (one primary-key
read) before looking in its own cache, and after a write anywhere that version is new, so the old entries
are simply never asked for again (st.cache_data's max_entries ages them out).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

import streamlit as st

from services.context import Ctx, bump_data_version, data_version
from ui.session import database

P = ParamSpec("P")
R = TypeVar("R")


def version(ctx: Ctx) -> str:
    """The owner's data version now; part of the key of every cached read of their data."""
    return data_version(ctx)


def after_write(ctx: Ctx) -> None:
    """Call after every successful write, so no page on any server shows data from before it."""
    bump_data_version(ctx)


def cached_read(max_entries: int) -> Callable[[Callable[Concatenate[Ctx, P], R]], Callable[Concatenate[Ctx, P], R]]:
    """Decorate read(ctx, ...) so its result is kept per database, owner, data version and other arguments.

    The other arguments must be hashable by st.cache_data (dates, strings, frozen dataclasses...).
    """

    def decorate(read: Callable[Concatenate[Ctx, P], R]) -> Callable[Concatenate[Ctx, P], R]:
        # The version is in the key only: a write anywhere gives a new one, so older entries are never read.
        def by_key(url: str, owner_id: int, data_version: str, *args: P.args, **kwargs: P.kwargs) -> R:
            return read(Ctx(database(url), owner_id), *args, **kwargs)

        # st.cache_data tells functions apart by module, qualified name and source, and every by_key has
        # the same source: each takes the name of the read it serves, or two reads would share entries.
        by_key.__module__, by_key.__qualname__ = read.__module__, read.__qualname__
        by_key.__name__ = read.__name__
        cached = st.cache_data(show_spinner=False, max_entries=max_entries)(by_key)

        def reader(ctx: Ctx, /, *args: P.args, **kwargs: P.kwargs) -> R:
            return cached(ctx.db.url, ctx.owner_id, version(ctx), *args, **kwargs)

        reader.__doc__ = read.__doc__
        return reader

    return decorate

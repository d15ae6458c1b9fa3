"""Cached reads across several app servers: keyed on the owner's data version, which every write changes.

A server never has to hear about another server's writes: it reads the owner's version (one primary-key
read) before looking in its own cache, and after a write anywhere that version is new, so the old entries
are simply never asked for again (st.cache_data's max_entries ages them out).
"""

from __future__ import annotations

from services.context import Ctx, bump_data_version, data_version


def version(ctx: Ctx) -> str:
    """The owner's data version now; part of the key of every cached read of their data."""
    return data_version(ctx)


def after_write(ctx: Ctx) -> None:
    """Call after every successful write, so no page on any server shows data from before it."""
    bump_data_version(ctx)

"""Cached reads, and the one place a write says which of them it made stale."""

from __future__ import annotations

from collections.abc import Callable

from services.context import Ctx

_CLEARERS: list[Callable[[Ctx], None]] = []


def on_write(clearer: Callable[[Ctx], None]) -> Callable[[Ctx], None]:
    """Register a function that drops the cached reads a write for this owner makes stale."""
    _CLEARERS.append(clearer)
    return clearer


def after_write(ctx: Ctx) -> None:
    """Call after every successful write, so no page shows data from before it."""
    for clear in _CLEARERS:
        clear(ctx)

"""Failures of the disk under the database, in words a person can act on (for pages that catch them)."""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError

from db.engine import storage_problem


def storage_problem_in(error: BaseException) -> str | None:
    """One plain sentence when `error` is the database's disk being full, read-only or failing, else None."""
    return storage_problem(error) if isinstance(error, DBAPIError) else None

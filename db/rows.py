"""Plain-row reads shared by the read modules: which sessions are live, and rows straight from the cursor.

Kept apart from db/queries.py, which hands out DataFrames: the export and the home page read rows without
importing pandas.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Executable
from sqlalchemy.orm import Session as OrmSession

from db.models import ExerciseSession

Rows = Sequence[Sequence[Any]]


def live_sessions(
    owner_id: int, start: datetime | None = None, end: datetime | None = None
) -> list[ColumnElement[bool]]:
    """The owner's sessions not in the bin, started at or after `start` and before `end` where given."""
    conditions: list[ColumnElement[bool]] = [ExerciseSession.owner_id == owner_id, ExerciseSession.deleted_at.is_(None)]
    if start is not None:
        conditions.append(ExerciseSession.started_at >= start)
    if end is not None:
        conditions.append(ExerciseSession.started_at < end)
    return conditions


def rows(s: OrmSession, stmt: Executable) -> Rows:
    """The statement's rows as tuples, through the session's connection (the ORM's result processing costs as
    much as the read itself for plain columns)."""
    return s.connection().execute(stmt).all()

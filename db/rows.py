"""Plain-row reads shared by the read modules: which sessions are live, and rows straight from the cursor.

Kept apart from db/queries.py, which hands out DataFrames: the export and the home page read rows without
importing pandas.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import BindParameter, ColumnElement, Dialect, Executable, Select
from sqlalchemy.orm import Session as OrmSession

from db.models import ExerciseSession

Rows = Sequence[Sequence[Any]]
Columns = Sequence[Sequence[Any]]
"""A result a column at a time: one sequence of values per selected column, all of the same length."""


def live_sessions(
    owner_id: int | BindParameter[int], start: datetime | None = None, end: datetime | None = None
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


@functools.lru_cache(maxsize=64)
def _compiled(stmt: Select[*tuple[Any, ...]], dialect: Dialect) -> tuple[str, tuple[str, ...] | None]:
    """The statement's SQL for the dialect, and its parameter names in order (None where the driver takes them
    by name). Compiling the export's statements cost as much as reading a year of sessions, so it is done once."""
    compiled = stmt.compile(dialect=dialect)
    order = compiled.positiontup
    return compiled.string, None if order is None else tuple(order)


def read_columns(s: OrmSession, stmt: Select[*tuple[Any, ...]], **params: object) -> Columns:
    """The statement's result a column at a time, each value as SQLAlchemy hands it out (datetimes, booleans).

    For whole tables: the statement runs on the driver's own cursor in the session's transaction, and each
    column's conversion (SQLite keeps datetimes as text) runs once per distinct value instead of once per row,
    which is most of what SQLAlchemy's result rows cost. `params` fill the statement's bindparam()s by name.
    """
    conn = s.connection()
    dialect = conn.dialect
    sql, order = _compiled(stmt, dialect)
    cursor = conn.connection.cursor()
    try:
        cursor.execute(sql, params if order is None else tuple(params[name] for name in order))
        found = cursor.fetchall()
        codes = [column[1] for column in cursor.description]
    finally:
        cursor.close()
    columns: list[Sequence[Any]] = list(zip(*found, strict=True)) if found else [() for _ in codes]
    for i, column in enumerate(stmt.selected_columns):
        convert = column.type.dialect_impl(dialect).result_processor(dialect, codes[i])
        if convert is not None and columns[i]:
            values = columns[i]
            converted = {value: convert(value) for value in set(values)}
            columns[i] = list(map(converted.__getitem__, values))
    return columns

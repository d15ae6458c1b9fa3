"""Row counts per table: what the reliability tests compare before and after."""

from __future__ import annotations

from sqlalchemy import func, select

from db.engine import Database
from db.models import Base


def row_counts(db: Database) -> dict[str, int]:
    """Number of rows in every table the models define."""
    with db.read() as s:
        return {
            name: int(s.scalar(select(func.count()).select_from(table)) or 0)
            for name, table in sorted(Base.metadata.tables.items())
        }


def integrity(db: Database) -> str:
    """SQLite's own consistency check ('ok' when the file is sound); PostgreSQL has no such check."""
    if not db.is_sqlite:
        return "ok"
    with db.engine.connect() as conn:
        return str(conn.exec_driver_sql("PRAGMA integrity_check").scalar())


def snapshot(db: Database) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, in primary-key order: equal snapshots mean nothing was written."""
    with db.read() as s:
        return {
            name: [tuple(row) for row in s.execute(select(table).order_by(*table.primary_key.columns))]
            for name, table in sorted(Base.metadata.tables.items())
        }


def growth(before: dict[str, int], after: dict[str, int]) -> dict[str, int]:
    """Tables whose row count changed, with by how much."""
    return {table: after[table] - before[table] for table in after if after[table] != before.get(table, 0)}

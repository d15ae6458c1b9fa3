"""Which rows belong to an owner, worked out from the models' foreign keys; copy or delete them all.

Every table reaches `profiles` either through an `owner_id` column or through a required foreign key
to a table that does (sets -> entries -> sessions -> profiles). Deriving the path from the schema means
a table added later is backed up and restored without touching this module.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Connection, Table, delete, func, insert, select

from db.models import Base

PROFILES = Base.metadata.tables["profiles"]
OWNER_COLUMN = "owner_id"


class InconsistentDataError(ValueError):
    """A row points at a record outside the owner's data (the source database is not consistent)."""


def owned_tables() -> list[Table]:
    """Every table of the person's records except profiles, parents before children.

    Derived tables (db.models.DerivedProgress) are left out: they are rebuilt from the records, never copied.
    """
    return [t for t in Base.metadata.sorted_tables if t is not PROFILES and not t.info.get("derived")]


def _path_parent(table: Table) -> tuple[str, Table]:
    """The required foreign key through which a table without owner_id belongs to an owner."""
    for column in table.columns:
        for fk in column.foreign_keys:
            if not column.nullable and fk.column.table is not table:
                return column.name, fk.column.table
    raise LookupError(f"Table {table.name} has neither owner_id nor a required foreign key to an owned table.")


def owned(table: Table, owner_id: int) -> ColumnElement[bool]:
    """A WHERE clause selecting exactly the rows of `table` that belong to owner_id."""
    if table is PROFILES:
        return table.c.id == owner_id
    if OWNER_COLUMN in table.c:
        return table.c[OWNER_COLUMN] == owner_id
    column, parent = _path_parent(table)
    return table.c[column].in_(select(parent.c.id).where(owned(parent, owner_id)))


def delete_owned(conn: Connection, owner_id: int) -> None:
    """Delete every row the owner has, except the profile itself (children first)."""
    for table in reversed(owned_tables()):
        conn.execute(delete(table).where(owned(table, owner_id)))


def count_owned(conn: Connection, owner_id: int) -> dict[str, int]:
    """How many rows the owner has in each table."""
    return {
        t.name: conn.execute(select(func.count()).select_from(t).where(owned(t, owner_id))).scalar_one()
        for t in owned_tables()
    }


class _Moves:
    """Source id -> destination id per table, and the source ids left out per table."""

    def __init__(self, src_owner: int, dst_owner: int) -> None:
        self.ids: dict[str, dict[int, int]] = {PROFILES.name: {src_owner: dst_owner}}
        self.left_out: dict[str, set[int]] = {}

    def remapped(self, table: Table, row: dict[str, Any]) -> dict[str, Any] | None:
        """The row with every foreign key translated to the destination; None if its parent was left out."""
        out = dict(row)
        for column in table.columns:
            value = out.get(column.name)
            if value is None:
                continue
            for fk in column.foreign_keys:
                parent = fk.column.table.name
                new = self.ids.get(parent, {}).get(value)
                if new is None and not column.nullable:
                    if value in self.left_out.get(parent, set()):
                        return None
                    raise InconsistentDataError(f"{table.name}.{column.name}={value} points outside the owner's data.")
                out[column.name] = new
        return out


def _taken(dst: Connection, table: Table, rows: list[dict[str, Any]]) -> set[int]:
    """Ids of rows whose value in a database-wide unique column is already used in dst (by someone else)."""
    clash: set[int] = set()
    for column in table.columns:
        if not column.unique:
            continue
        values = {row[column.name] for row in rows if row[column.name] is not None}
        used = set(dst.execute(select(column).where(column.in_(values))).scalars()) if values else set()
        clash |= {row["id"] for row in rows if row[column.name] in used}
    return clash


def copy_owned(src: Connection, dst: Connection, src_owner: int, dst_owner: int, *, keep_ids: bool) -> dict[str, int]:
    """Copy the owner's rows (not the profile) from src to dst; returns rows copied per table.

    keep_ids=True is for an empty destination (ids stay as they were); otherwise the destination
    gives new ids, read back in insertion order, and every foreign key is translated. A row whose
    database-wide unique value (a share link's token hash) belongs to someone else in dst is left
    out with its children: it cannot be taken over.
    """
    moves = _Moves(src_owner, dst_owner)
    copied: dict[str, int] = {}
    for table in owned_tables():
        rows = [
            dict(r._mapping) for r in src.execute(select(table).where(owned(table, src_owner)).order_by(table.c.id))
        ]
        left_out = _taken(dst, table, rows)
        pairs = []
        for row in rows:
            moved = None if row["id"] in left_out else moves.remapped(table, row)
            if moved is None:
                left_out.add(row["id"])
            else:
                pairs.append((row["id"], moved))
        moves.left_out[table.name] = left_out
        copied[table.name] = len(pairs)
        if keep_ids:
            if pairs:
                dst.execute(insert(table), [moved for _, moved in pairs])
            moves.ids[table.name] = {old: old for old, _ in pairs}
            continue
        for _, moved in pairs:
            del moved["id"]
        statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        new_ids = dst.execute(statement, [moved for _, moved in pairs]).scalars().all() if pairs else []
        moves.ids[table.name] = dict(zip((old for old, _ in pairs), new_ids, strict=True))
    return copied


def profile_row(conn: Connection, owner_id: int) -> dict[str, Any]:
    """The owner's profile row as a dict."""
    return dict(conn.execute(select(PROFILES).where(owned(PROFILES, owner_id))).one()._mapping)

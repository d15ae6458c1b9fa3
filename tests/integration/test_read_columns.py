"""db.rows.read_columns: the driver's own cursor, read a column at a time, hands out what SQLAlchemy's rows do."""

from __future__ import annotations

from datetime import date, datetime

from db.export_rows import STATEMENTS, table
from services.context import ensure_profile
from services.demo import fill_demo_once
from services.profiles import add_exercise
from services.sessions import delete_session
from tests.factories import create_session


def _typed(columns) -> list[list[tuple[type, object]]]:
    return [[(type(value), value) for value in column] for column in columns]


def test_every_export_table_reads_the_values_and_types_of_sqlalchemys_rows(ctx):
    fill_demo_once(ctx, years=1, seed=5, today=date(2026, 11, 23))
    add_exercise(ctx, {"name": "Wall sit", "category": "strength", "one_sided": True})
    delete_session(ctx, create_session(ctx, when=datetime(2026, 11, 22, 18, 0, 5, 250), notes="in the bin"))
    create_session(ctx, when=datetime(2026, 11, 22, 19, 0, 7, 125), notes="kept")

    with ctx.db.read() as s:
        for name, stmt in STATEMENTS.items():
            expected = list(zip(*s.execute(stmt, {"owner": ctx.owner_id}).all(), strict=True))
            read = table(s, name, ctx.owner_id)
            assert len(read) == len(stmt.selected_columns), name
            assert expected and _typed(read) == _typed(expected), name
        notes = table(s, "sessions", ctx.owner_id)[3]
    assert "kept" in notes and "in the bin" not in notes


def test_an_owner_without_data_reads_empty_columns_of_every_table(ctx, db):
    create_session(ctx, when=datetime(2026, 11, 22, 9, 0), notes="someone else's")
    newcomer = ensure_profile(db, "newcomer")
    with db.read() as s:
        for name, stmt in STATEMENTS.items():
            assert [list(column) for column in table(s, name, newcomer.owner_id)] == [
                [] for _ in stmt.selected_columns
            ], name

"""A database from an earlier release, upgraded to the current schema, keeps every row and value."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, MetaData, inspect, select, text

from db import queries
from db.engine import Database, alembic_config, migrate
from services.context import ensure_profile, open_database
from services.export import export_zip
from services.history import history
from services.profiles import get_settings, list_exercises
from services.sessions import deleted_sessions, log_session
from services.sharing import list_links, open_link
from services.transfer import import_file
from tests.conftest import Figures
from tests.factories import strength_session
from tests.fixtures.make_fixtures import RELEASED, SHARE_TOKEN, SHARE_VIEW, build_at, fixture_path
from tests.transfer_data import snapshot

Rows = dict[str, list[tuple[Any, ...]]]


def _dump(engine: Engine, columns: dict[str, list[str]] | None = None) -> tuple[Rows, dict[str, list[str]]]:
    """Every row of every table (only the given columns, when given), in primary-key order."""
    meta = MetaData()
    meta.reflect(engine)
    wanted = columns or {name: list(table.c.keys()) for name, table in meta.tables.items() if name != "alembic_version"}
    rows: Rows = {}
    with engine.connect() as conn:
        for name, names in wanted.items():
            table = meta.tables[name]
            query = select(*(table.c[n] for n in names)).order_by(*table.primary_key.columns)
            rows[name] = [tuple(row) for row in conn.execute(query)]
    return rows, wanted


def _head(engine: Engine) -> str:
    return str(ScriptDirectory.from_config(alembic_config(engine)).get_current_head())


@pytest.fixture(params=RELEASED)
def old_database(request: pytest.FixtureRequest, db_url: str, tmp_path: Path) -> Iterator[Database]:
    """A database at a released schema version, holding the fixture rows (not yet upgraded)."""
    revision = request.param
    if db_url.startswith("sqlite"):
        # The committed file is what a user of that release has on disk.
        copy = tmp_path / f"schema_{revision}.sqlite"
        shutil.copyfile(fixture_path(revision), copy)
        database = Database(f"sqlite:///{copy}")
    else:
        database = Database(db_url)
        build_at(database.engine, revision)
    yield database
    database.dispose()


def test_upgrade_to_head_keeps_every_row_and_value(old_database: Database, figures: Figures) -> None:
    engine = old_database.engine
    with engine.connect() as conn:
        from_revision = conn.execute(text("select version_num from alembic_version")).scalar_one()
    before, columns = _dump(engine)
    migrate(engine)
    after, _ = _dump(engine, columns)
    with engine.connect() as conn:
        assert conn.execute(text("select version_num from alembic_version")).scalar_one() == _head(engine)
    assert after == before
    rows = sum(len(r) for r in before.values())
    figures(
        f"upgrade {from_revision} -> {_head(engine)} on {engine.dialect.name}: "
        f"{rows}/{rows} rows kept in {len(before)} tables"
    )


def test_upgraded_data_reads_back_through_the_services(old_database: Database) -> None:
    had_share_links = inspect(old_database.engine).has_table("share_links")
    migrate(old_database.engine)
    ctx = ensure_profile(old_database)
    settings = get_settings(ctx)
    assert (settings.unit, settings.pain_limit, settings.regions) == ("lb", 4, ("lower_back", "left_knee"))
    assert (settings.display_name, dict(settings.rules)) == ("Ana Ruiz", {"deload_percent": 15.0})

    table = history(ctx)
    assert table["when"].tolist() == [datetime(2026, 1, 10, 18), datetime(2026, 1, 8, 7, 15), datetime(2026, 1, 6, 18)]
    assert table["exercises"].tolist() == [
        "Goblet squat: 12 reps, 25 lb × 10; Aqua jogging: 20 min",
        "Treadmill walk: 32.5 min, 1.49 miles",  # 2.4 km, in miles for someone who weighs in pounds
        "Leg press: 100 lb × 10, 100 lb × 10, 110 lb × 8",
    ]
    assert table["pain"].tolist() == [
        "Left knee 2 → 5 → 4",
        "Lower back 3 → 2 → 2",
        "Left knee 2 → ? → 2; Lower back 3 → 4 → 3",
    ]
    assert table["notes"].tolist() == ["", "מרגיש טוב\nsecond line", "Felt fine 💪"]
    assert table["effort"].tolist()[0::2] == [7, 6]
    assert [(started, deleted) for _, started, deleted in deleted_sessions(ctx)] == [
        (datetime(2026, 1, 11, 9, 0), datetime(2026, 1, 11, 9, 5))
    ]
    assert "Aqua jogging" in {e.name for e in list_exercises(ctx)}

    with old_database.read() as s:
        checkins = queries.checkins(s, ctx.owner_id)
        pegs = queries.pegs(s, ctx.owner_id)
        pressures = queries.pressures(s, ctx.owner_id)
    assert list(zip(checkins["day"].dt.date, checkins["region"], checkins["pain"], strict=True)) == [
        (date(2026, 1, 7), "left_knee", 2),
        (date(2026, 1, 7), "lower_back", 3),
        (date(2026, 1, 9), "lower_back", 2),
        (date(2026, 1, 12), "left_knee", 6),
    ]
    assert checkins["session_id"].isna().tolist() == [False, False, False, True]
    assert pegs[["pain", "enjoyment", "activity"]].values.tolist() == [[6, 5, 5], [5, 4, 4]]
    assert pressures[["trial1", "trial2", "trial3", "mean"]].values.tolist() == [[3.1, 3.4, 3.0, 3.17]]

    links = list_links(ctx)
    if had_share_links:
        assert [(link.note, link.regions, link.views, link.revoked) for link in links] == [
            ("For Dr Lee, knee review", ("lower_back", "left_knee"), (SHARE_VIEW,), False)
        ]
        assert open_link(old_database, SHARE_TOKEN, now=datetime(2026, 1, 14)).owner_id == ctx.owner_id
    else:
        assert links == []

    # The upgraded database takes new writes as usual.
    log_session(ctx, strength_session(when=datetime(2026, 1, 13, 18), weight=100), now=datetime(2026, 1, 13, 20))
    assert history(ctx).loc[0, "exercises"].startswith("Leg press: 100 lb × 10")


def _to_stored_precision(shot: dict[str, Any]) -> dict[str, Any]:
    """Set weights at the 4 decimals of a kilogram that today's release stores.

    The fixture holds 100 lb as 45.359237 kg; the export says 100 lb and the import stores 45.3592 kg.
    """
    sessions = [
        (
            *row[:3],
            tuple((*e[:4], tuple((w if w is None else round(w, 4), r) for w, r in e[4])) for e in row[3]),
            row[4],
        )
        for row in shot["sessions"]
    ]
    return shot | {"sessions": sessions}


def test_upgraded_data_survives_its_own_export_and_import_into_an_empty_database(
    old_database: Database, tmp_path: Path
) -> None:
    migrate(old_database.engine)
    ctx = ensure_profile(old_database)
    empty = open_database(str(tmp_path / "empty.db"))
    try:
        fresh = ensure_profile(empty)
        result = import_file(fresh, "threshold-export.zip", export_zip(ctx))
        assert result.written, result.problems
        assert (result.sessions_added, result.checkins_added, result.pegs_added) == (3, 4, 2)
        assert _to_stored_precision(snapshot(fresh)) == _to_stored_precision(snapshot(ctx))
        # The knee was not rated during the first session; the copy keeps that gap instead of inventing a value.
        first = snapshot(fresh)["sessions"][0]
        assert ("left_knee", 2, None, 2) in first[4]
    finally:
        empty.dispose()

"""Opening a database at the latest schema checks its revision with one query; Alembic runs only when it is behind."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text

from db.engine import ROOT, Database, SchemaTooNew, alembic_config, known_revisions, migrate, schema_revisions
from services.context import open_database


def test_the_revisions_read_from_the_scripts_are_alembics(db: Database) -> None:
    scripts = ScriptDirectory.from_config(alembic_config(db.engine))
    known, head = known_revisions()
    assert known == {script.revision for script in scripts.walk_revisions()}
    assert head == scripts.get_current_head()
    assert schema_revisions(db.engine) == {head}


def _set_revision(engine: Engine, revision: str) -> None:
    with engine.begin() as conn:
        conn.execute(text("update alembic_version set version_num = :r"), {"r": revision})


def test_a_database_behind_is_brought_to_the_head(db: Database) -> None:
    _, head = known_revisions()
    command.downgrade(alembic_config(db.engine), "0005")
    assert schema_revisions(db.engine) == {"0005"}
    migrate(db.engine)
    assert schema_revisions(db.engine) == {head}


def test_a_database_from_a_newer_version_is_refused_and_left_as_it_was(db: Database) -> None:
    _set_revision(db.engine, "9999")
    with pytest.raises(SchemaTooNew, match="9999"):
        migrate(db.engine)
    assert schema_revisions(db.engine) == {"9999"}


def test_the_command_line_says_a_newer_version_wrote_the_database(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    database = open_database(str(path))
    _set_revision(database.engine, "9999")
    database.dispose()
    done = subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), "settings", "--db", str(path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 1
    assert "written by a newer version of Threshold; update first" in done.stderr


def test_opening_an_up_to_date_database_does_not_load_alembic(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'current.db'}"
    open_database(url).dispose()
    probe = f"import sys; from services.context import open_database as o; o({url!r}); print('alembic' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"

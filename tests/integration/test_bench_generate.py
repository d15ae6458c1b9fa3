"""The generator's command line writes a database the app can open."""

from __future__ import annotations

import pytest

from bench.generate import main
from services.context import ensure_profile, open_database
from services.history import history


def test_generate_writes_a_new_database_and_refuses_to_add_to_a_filled_one(tmp_path, capsys):
    target = tmp_path / "half-year.db"
    assert main(["--years", "0.5", "--db", str(target)]) == 0
    assert "Wrote" in capsys.readouterr().out
    db = open_database(str(target))
    try:
        sessions = len(history(ensure_profile(db)))
    finally:
        db.dispose()
    assert 60 <= sessions <= 140
    assert main(["--years", "0.5", "--db", str(target)]) == 1
    assert "already holds sessions" in capsys.readouterr().err


def test_generate_refuses_a_nonsense_length(tmp_path):
    with pytest.raises(SystemExit):
        main(["--years", "0", "--db", str(tmp_path / "x.db")])

"""`cli.py import` with its preview, --unit and --yes, and `cli.py settings`, run as a user would."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import delete

from db.models import Exercise
from services.context import ensure_profile, open_database
from tests.integration.test_cli import _one_clear_line, run

APPS = Path(__file__).resolve().parents[1] / "fixtures" / "apps"


def test_a_file_without_a_unit_is_refused_without_unit_in_one_line(tmp_path):
    result = run("import", "--db", str(tmp_path / "t.db"), str(APPS / "strong_old.csv"), "--yes", cwd=tmp_path)
    _one_clear_line(result, "Nothing imported", "kg or lb", "--unit kg")


def test_a_refused_import_leaves_no_new_database_behind_and_an_existing_one_in_place(tmp_path):
    bad = tmp_path / "notes.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    new = tmp_path / "new.db"
    refused = run("import", "--db", str(new), str(bad), "--yes", cwd=tmp_path)
    assert refused.returncode == 1 and "nothing was imported" in refused.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.csv"]
    declined = run("import", "--db", str(new), str(APPS / "strong_old.csv"), "--unit", "lb", cwd=tmp_path, stdin="n\n")
    assert declined.returncode == 1 and not new.exists()
    assert run("settings", "--db", str(new), "--pain-limit", "4", cwd=tmp_path).returncode == 0
    assert run("import", "--db", str(new), str(bad), "--yes", cwd=tmp_path).returncode == 1
    assert "pain limit: 4/10" in run("settings", "--db", str(new), cwd=tmp_path).stdout


def test_the_preview_is_printed_and_nothing_is_saved_unless_confirmed(tmp_path):
    db = str(tmp_path / "t.db")
    asked = run("import", "--db", db, str(APPS / "strong_old.csv"), "--unit", "lb", cwd=tmp_path, stdin="n\n")
    assert asked.returncode == 1 and asked.stderr == "Nothing imported.\n"
    assert asked.stdout.startswith("6 sessions with 48 sets, 2026-09-01 to 2026-10-06.")
    assert "Weights in pounds (as you said with --unit)." in asked.stdout
    assert "  Chest Press (Machine) -> Chest press machine (alias table, 6)" in asked.stdout
    done = run("import", "--db", db, str(APPS / "strong_old.csv"), "--unit", "lb", cwd=tmp_path, stdin="y\n")
    assert done.returncode == 0, done.stderr
    assert "Added 6 sessions with 48 sets" in done.stdout
    assert "no pain ratings" in done.stdout


def test_a_name_can_be_mapped_by_hand(tmp_path):
    db = str(tmp_path / "t.db")
    mapped = ("--map", "Hammer Curl (Dumbbell)=Dumbbell biceps curl", "--yes")
    result = run("import", "--db", db, str(APPS / "hevy_lbs.csv"), *mapped, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Hammer Curl (Dumbbell) -> Dumbbell biceps curl (your choice, 1)" in result.stdout


def test_a_loads_warning_is_printed_for_a_pound_file_read_as_kilograms(tmp_path):
    result = run("import", "--db", str(tmp_path / "t.db"), str(APPS / "strong_old.csv"), "--unit", "kg", cwd=tmp_path)
    assert "Warning: These loads look heavy for kilograms" in result.stdout


def test_settings_are_shown_changed_and_checked(tmp_path):
    db = str(tmp_path / "t.db")
    shown = run("settings", "--db", db, cwd=tmp_path)
    assert shown.returncode == 0 and "unit: kg" in shown.stdout and "pain limit: 5/10" in shown.stdout
    changed = run("settings", "--db", db, "--unit", "lb", "--pain-limit", "4", "--regions", "left_knee", cwd=tmp_path)
    assert changed.returncode == 0, changed.stderr
    assert changed.stdout.splitlines() == ["Saved.", "unit: lb", "pain limit: 4/10", "regions: left_knee"]
    refused = run("settings", "--db", db, "--pain-limit", "11", cwd=tmp_path)
    _one_clear_line(refused, "Acceptable pain during exercise")
    assert "pain limit: 4/10" in run("settings", "--db", db, cwd=tmp_path).stdout


def test_a_database_from_before_the_new_catalogue_entries_gains_them_on_import(tmp_path):
    path = tmp_path / "old.db"
    database = open_database(str(path))
    ctx = ensure_profile(database)
    with ctx.db.write() as s:  # as a release without "Barbell squat" in its catalogue left it
        s.execute(delete(Exercise).where(Exercise.owner_id == ctx.owner_id, Exercise.name == "Barbell squat"))
    database.dispose()
    result = run("import", "--db", str(path), str(APPS / "strong_new.csv"), "--yes", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Squat (Barbell) -> Barbell squat (alias table, 3)" in result.stdout
    assert "new exercise" not in result.stdout

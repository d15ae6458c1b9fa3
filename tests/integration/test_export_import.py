"""The CSV export, and reading it back: identical data, nothing twice, nothing at all when one row is wrong."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date, datetime

import pandas as pd
import pytest

from db.models import ExerciseSession
from formats.csv_export import table_csv
from services.checkins import record_morning, record_peg, record_pressure
from services.context import ensure_profile
from services.export import export_tables, export_zip
from services.function_goals import add_goal, function_goals, rate_goals, retire_goal
from services.medication import add_regular, change_dose, log_dose, medication
from services.pgic import record_pgic
from services.profiles import add_exercise, get_settings, save_settings
from services.sessions import log_session
from services.transfer import import_file
from tests.factories import cardio_session, create_session, strength_session
from tests.transfer_data import snapshot, unzipped, zipped
from tracker.session_input import PainInput

TODAY = date(2026, 11, 23)


def _history(ctx, *, unit="kg"):
    """A small but complete history: strength, cardio, an own exercise, check-ins, PEG, pressure."""
    save_settings(ctx, {"unit": unit, "pain_limit": 5, "regions": ["lower_back", "left_knee"]})
    add_exercise(ctx, {"name": "Step-ups, low box", "category": "strength", "equipment": "bodyweight"})
    create_session(ctx, when=datetime(2026, 11, 20, 9, 30), notes="'Quoted' start, comma, and\nnew line", weight=88.2)
    log_session(
        ctx,
        replace(
            strength_session(when=datetime(2026, 11, 21, 18, 0), exercise="Step-ups, low box", weight=2.5, rpe=6),
            pains=(PainInput("left_knee", 1, 4, None),),
        ),
        now=datetime(2026, 11, 23),
    )
    log_session(ctx, cardio_session(when=datetime(2026, 11, 22, 7, 0), minutes=32.5), now=datetime(2026, 11, 23))
    record_morning(ctx, date(2026, 11, 21), {"lower_back": 2, "left_knee": 3}, today=TODAY)
    record_peg(ctx, {"day": date(2026, 11, 22), "pain": 4, "enjoyment": 3, "activity": 5}, today=TODAY)
    record_pressure(
        ctx,
        {"day": date(2026, 11, 22), "site": "Knee, inner", "trial1": 3.1, "trial2": 2.9, "trial3": 3.35},
        today=TODAY,
    )


def _rows(files, name):
    text = files[name].decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize("unit", ["kg", "lb"])
def test_export_then_import_into_an_empty_profile_gives_identical_data(ctx, unit):
    _history(ctx, unit=unit)
    other = ensure_profile(ctx.db, "someone-else")
    result = import_file(other, "threshold-export.zip", export_zip(ctx))
    assert result.written, result.problems
    assert result.sessions_added == 3 and result.checkins_added == 2
    assert snapshot(other) == snapshot(ctx)


def test_an_import_tracks_the_regions_its_pain_ratings_name_and_says_so_first(ctx):
    _history(ctx)  # tracks the lower back and the left knee; the knee's ratings would not show in a new profile
    data = export_zip(ctx)
    other = ensure_profile(ctx.db, "someone-else")
    checked = import_file(other, "threshold-export.zip", data, save=False)
    assert checked.preview is not None
    assert "rates pain in the left knee, which you do not track yet" in checked.preview.regions_note
    assert not checked.preview.warnings  # a note, not a warning about the file
    assert get_settings(other).regions == ("lower_back",)  # a preview changes nothing
    result = import_file(other, "threshold-export.zip", data)
    assert result.written, result.problems
    assert get_settings(other).regions == ("lower_back", "left_knee")
    assert any(note.startswith("Now also tracking the left knee") for note in result.notes)
    again = import_file(other, "threshold-export.zip", data, save=False)
    assert again.preview is not None and again.preview.regions_note == ""


def test_an_import_without_pain_ratings_leaves_the_tracked_regions_alone(ctx):
    _history(ctx)
    other = ensure_profile(ctx.db, "someone-else")
    save_settings(other, {"unit": "kg", "pain_limit": 5, "regions": ["neck"]})
    files = unzipped(export_zip(ctx))
    kept = {name: body for name, body in files.items() if name not in ("pain_ratings.csv", "checkins.csv")}
    result = import_file(other, "threshold-export.zip", zipped(kept))
    assert result.written, result.problems
    assert get_settings(other).regions == ("neck",)
    assert not any("tracking" in note for note in result.notes)


def test_export_files_are_tidy_utf8_with_a_bom_iso_dates_and_the_unit_in_the_column_name(ctx):
    _history(ctx, unit="lb")
    files = unzipped(export_zip(ctx))
    assert set(files) == {
        "README.txt",
        "sessions.csv",
        "entries.csv",
        "sets.csv",
        "pain_ratings.csv",
        "checkins.csv",
        "peg.csv",
        "pressure_thresholds.csv",
        "exercises.csv",
        "function_goals.csv",
        "psfs_ratings.csv",
        "pgic.csv",
        "medications.csv",
        "as_needed_doses.csv",
    }
    assert all(content.startswith(b"\xef\xbb\xbf") for name, content in files.items() if name.endswith(".csv"))
    sets = _rows(files, "sets.csv")
    assert "weight_lb" in sets[0] and "weight_kg" not in sets[0]
    assert sets[0]["weight_lb"] == "88.2" and sets[0]["started_at"] == "2026-11-20 09:30:00"
    (peg,) = _rows(files, "peg.csv")
    assert peg["day"] == "2026-11-22" and peg["score"] == "4"  # the PEG score the app shows: (4 + 3 + 5) / 3
    assert _rows(files, "exercises.csv")[0]["name"] == "Step-ups, low box"
    readme = files["README.txt"].decode()
    assert "weight_lb" in readme and "apostrophe" in readme


def test_text_that_a_spreadsheet_would_run_is_neutralised_in_the_export(ctx):
    create_session(ctx, when=datetime(2026, 11, 20, 9, 30))
    with ctx.db.write() as s:  # older data written before text was checked on the way in
        s.get_one(ExerciseSession, 1).notes = '=HYPERLINK("http://example.org")'
    files = unzipped(export_zip(ctx))
    assert _rows(files, "sessions.csv")[0]["notes"] == '\'=HYPERLINK("http://example.org")'
    table = pd.DataFrame({"note": ["+1 rep", "-", "@home", "\tx", "fine", "'quoted"], "n": [-1, 2, 3, 4, 5, 6]})
    cells = [row["note"] for row in csv.DictReader(io.StringIO(table_csv(table).decode("utf-8-sig")))]
    assert cells == ["'+1 rep", "'-", "'@home", "'\tx", "fine", "''quoted"]
    numbers = [row["n"] for row in csv.DictReader(io.StringIO(table_csv(table).decode("utf-8-sig")))]
    assert numbers[0] == "-1"  # numbers are never changed


def test_an_apostrophe_at_the_start_of_a_note_survives_the_round_trip(ctx):
    create_session(ctx, when=datetime(2026, 11, 20, 9, 30), notes="'Twas easy")
    files = unzipped(export_zip(ctx))
    assert _rows(files, "sessions.csv")[0]["notes"] == "''Twas easy"
    other = ensure_profile(ctx.db, "someone-else")
    import_file(other, "export.zip", zipped(files))
    assert snapshot(other)["sessions"][0][1] == "'Twas easy"


def test_importing_the_same_export_twice_adds_nothing_the_second_time(ctx):
    _history(ctx)
    data = export_zip(ctx)
    other = ensure_profile(ctx.db, "someone-else")
    import_file(other, "export.zip", data)
    again = import_file(other, "export.zip", data)
    assert again.written
    assert again.sessions_added == again.checkins_added == again.pegs_added == again.pressures_added == 0
    assert again.already_there == 3 + 2 + 1 + 1 + 1
    assert snapshot(other) == snapshot(ctx)


def test_importing_into_the_same_profile_adds_nothing(ctx):
    _history(ctx)
    before = snapshot(ctx)
    result = import_file(ctx, "export.zip", export_zip(ctx))
    assert result.sessions_added == 0
    assert snapshot(ctx) == before


def test_one_bad_row_means_nothing_is_written_and_the_fixed_file_then_imports(ctx):
    _history(ctx)
    files = unzipped(export_zip(ctx))
    good_sets = files["sets.csv"]
    files["sets.csv"] = good_sets.replace(b",10,2026-11-21", b",-4,2026-11-21", 1)
    other = ensure_profile(ctx.db, "someone-else")
    failed = import_file(other, "export.zip", zipped(files))
    assert not failed.written
    assert [(p.file, p.line) for p in failed.problems] == [("sets.csv", 5)]
    assert "Reps must be a whole number from 1 to 100; you entered -4" in failed.problems[0].message
    assert snapshot(other) == {"sessions": [], "checkins": [], "pegs": [], "pressures": [], "exercises": []}
    files["sets.csv"] = good_sets
    assert import_file(other, "export.zip", zipped(files)).written
    assert snapshot(other) == snapshot(ctx)


def test_single_csv_files_of_the_export_import_on_their_own(ctx):
    _history(ctx)
    files = unzipped(export_zip(ctx))
    other = ensure_profile(ctx.db, "someone-else")
    for name in ("exercises.csv", "peg.csv", "pressure_thresholds.csv"):
        assert import_file(other, name, files[name]).written
    shot = snapshot(other)
    assert shot["pegs"] == snapshot(ctx)["pegs"] and shot["pressures"] == snapshot(ctx)["pressures"]
    assert shot["exercises"] == snapshot(ctx)["exercises"]


def test_history_table_downloads_as_csv_with_iso_times(ctx):
    create_session(ctx, when=datetime(2026, 11, 20, 9, 30))
    from services.history import history

    text = table_csv(history(ctx).drop(columns=["session_id"])).decode("utf-8-sig")
    header, first = text.splitlines()[:2]
    assert header == "when,exercises,peak,pain,effort,notes"
    assert first.startswith("2026-11-20 09:30:00,")


HEALTH_FILES = ("function_goals.csv", "psfs_ratings.csv", "pgic.csv", "medications.csv", "as_needed_doses.csv")


def _health(ctx):
    """Two activities rated twice (one retired, then added again in the same words), PGIC, medication, sleep."""
    for name in ("Climb two flights of stairs", "Carry the shopping, heavy bags"):
        add_goal(ctx, {"activity": name}, today=date(2026, 10, 1))
    ids = {g.activity: g.id for g in function_goals(ctx, today=TODAY).active}
    rate_goals(ctx, date(2026, 10, 2), {i: 3 for i in ids.values()}, today=TODAY)
    rate_goals(ctx, date(2026, 11, 1), {i: 6 for i in ids.values()}, today=TODAY)
    retire_goal(ctx, ids["Carry the shopping, heavy bags"], today=date(2026, 11, 2))
    add_goal(ctx, {"activity": "Carry the shopping, heavy bags"}, today=date(2026, 11, 3))
    record_pgic(ctx, {"day": date(2026, 11, 20), "score": 2}, today=TODAY)
    add_regular(ctx, {"name": "Naproxen", "dose": 250, "unit": "mg", "start": date(2026, 9, 1)}, today=TODAY)
    ((med_id, _),) = medication(ctx).current
    change_dose(ctx, med_id, {"dose": 500, "start": date(2026, 10, 15)}, today=TODAY)
    log_dose(ctx, {"name": "Paracetamol", "dose": 1, "unit": "tablets", "taken_at": datetime(2026, 11, 19, 22, 5)},
             now=datetime(2026, 11, 23))  # fmt: skip
    record_morning(ctx, date(2026, 11, 22), {"lower_back": 1}, today=TODAY, sleep=7)


def test_psfs_pgic_medication_and_sleep_round_trip_through_the_csv_export(ctx):
    _history(ctx)
    _health(ctx)
    files = export_tables(ctx)
    first = {"day": "2026-10-02", "activity": "Climb two flights of stairs", "activity_created_on": "2026-10-01"}
    assert _rows(files, "psfs_ratings.csv")[0] == first | {"score": "3"}
    assert {r["sleep_quality"] for r in _rows(files, "checkins.csv")} == {"", "7"}
    other = ensure_profile(ctx.db, "someone-else")
    result = import_file(other, "threshold-export.zip", zipped(files))
    assert result.written, result.problems
    # 3 activities, 4 ratings, 1 PGIC answer, 2 regular doses (before and after the change), 1 as-needed dose
    assert result.health_added == 11
    for part in ("3 function goals", "4 function goal ratings", "1 impression-of-change answer",
                 "2 regular medications", "1 as-needed dose"):  # fmt: skip
        assert part in result.summary(), (part, result.summary())
    again = export_tables(other)
    for name in (*HEALTH_FILES, "checkins.csv"):
        assert again[name] == files[name], name
    assert [g.activity for g in function_goals(other, today=TODAY).retired] == ["Carry the shopping, heavy bags"]
    repeat = import_file(other, "threshold-export.zip", zipped(files))
    assert repeat.health_added == 0 and repeat.already_there >= 11
    assert f"{repeat.already_there:,} rows of the file were already in your data and left alone." in repeat.summary()


@pytest.mark.parametrize(
    ("file", "old", "new", "words"),
    [
        ("psfs_ratings.csv", b",6\r\n", b",11\r\n", "Rating must be a whole number from 0 to 10"),
        ("psfs_ratings.csv", b"Climb two flights of stairs,2026-10-01,3", b"Climb two flights of stairs,2026-10-09,3",
         "is not in function_goals.csv"),
        ("function_goals.csv", b"2026-11-02", b"2026-09-02", "before the activity was added"),
        ("pgic.csv", b",2,", b",9,", "Overall change"),
        ("medications.csv", b",250,mg", b",0,mg", "Dose"),
        ("medications.csv", b",mg,2026-10-15,", b",spoons,2026-10-15,", "Unit must be one of"),
        ("as_needed_doses.csv", b"2026-11-19 22:05:00", b"2027-11-19 22:05:00", "Taken at"),
        ("checkins.csv", b",7\r\n", b",12\r\n", "Sleep quality last night"),
    ],
    ids=["psfs-score", "psfs-activity", "psfs-retired", "pgic", "medication-dose", "medication-unit",
         "medication-future-dose", "sleep"],
)  # fmt: skip
def test_psfs_medication_and_sleep_bad_rows_are_named_and_nothing_is_written(ctx, file, old, new, words):
    _history(ctx)
    _health(ctx)
    files = unzipped(export_zip(ctx))
    assert old in files[file], (file, files[file])
    files[file] = files[file].replace(old, new, 1)
    other = ensure_profile(ctx.db, "someone-else")
    failed = import_file(other, "export.zip", zipped(files))
    assert not failed.written
    assert [p.file for p in failed.problems] == [file] and failed.problems[0].line >= 2
    assert words in failed.problems[0].message, failed.problems[0].message
    assert function_goals(other, today=TODAY).active == [] and medication(other).regular == []
    assert snapshot(other)["sessions"] == []

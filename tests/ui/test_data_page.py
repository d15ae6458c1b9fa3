"""The Your data page: export button, importing with the equipment question, and the problem list."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from pathlib import Path

from services.context import ensure_profile
from services.export import export_zip
from tests.factories import create_session
from tests.reliability.hostile_files import encrypted, strong_bad_rows, zipped
from tests.transfer_data import STRONG_6, counts, snapshot
from tracker.units import KG_PER_LB

APPS = Path(__file__).resolve().parents[1] / "fixtures" / "apps"

PAGE = "pages/data.py"


def _upload(at, name: str, data: bytes, mime: str = "text/csv"):
    at.switch_page(PAGE).run()
    at.file_uploader(key="data_upload").set_value([(name, data, mime)]).run()
    return at.button(key="data_check").click().run()


def _upload_and_import(at, name: str, data: bytes, mime: str = "text/csv"):
    _upload(at, name, data, mime)
    assert not at.exception
    return at.button(key="data_import").click().run()


def _texts(at, kind: str) -> str:
    return "\n".join(str(e.value) for e in at.get(kind))


def _shown(at, kind: str) -> str:
    """The text as the page shows it: without the backslashes that keep a file's words from becoming Markdown."""
    return re.sub(r"\\(.)", r"\1", _texts(at, kind))


def test_the_page_offers_the_whole_export_as_a_download(at):
    at.switch_page(PAGE).run()
    assert not at.exception
    assert at.get("download_button")
    assert at.button(key="data_check").disabled


def test_a_strong_file_asks_about_unknown_equipment_then_imports(at, app_ctx):
    _upload(at, "strong.csv", STRONG_6.replace("Pull Up", "Muscle Up").encode())
    assert not at.exception
    assert "machine or with free weights" in _texts(at, "warning")
    assert counts(app_ctx)["sessions"] == 0
    at.selectbox(key="data_eq_0").set_value("bodyweight").run()
    at.button(key="data_import_answers").click().run()
    assert not at.exception
    assert counts(app_ctx)["sessions"] == 0  # the answers give a preview first
    at.button(key="data_import").click().run()
    assert not at.exception
    assert "Added 2 sessions with 4 sets" in _texts(at, "success")
    assert "warm-up" in _texts(at, "info")
    assert counts(app_ctx)["sessions"] == 2


def test_a_new_name_can_be_answered_with_a_close_exercise_of_your_own(at, app_ctx):
    _upload(at, "strong.csv", STRONG_6.replace("Pull Up", "Lat Pulldwn").encode())
    box = at.selectbox(key="data_eq_0")
    assert "Same as my 'Lat pulldown'" in box.options
    box.set_value("use:Lat pulldown").run()
    at.button(key="data_import_answers").click().run()
    at.button(key="data_import").click().run()
    assert not at.exception
    legs = snapshot(app_ctx)["sessions"][0]
    assert [entry[0] for entry in legs[3]] == ["Leg press", "Barbell squat", "Lat pulldown"]


def test_a_file_with_bad_rows_lists_them_and_saves_nothing(at, app_ctx):
    bad = STRONG_6.replace("Leg Press (Machine),1,60,10", "Leg Press (Machine),1,60,-10")
    _upload(at, "strong.csv", bad.encode())
    shown = _shown(at, "error")
    assert shown.startswith("Nothing was imported. Fix this and import the file again:")
    # The whole sentence, with its file and line, on the page: not cut off in a table cell.
    assert "- strong.csv, line 3: " in shown and "you entered -10" in shown
    assert at.get("download_button")
    assert counts(app_ctx)["sessions"] == 0


def test_threshold_own_export_imports_into_another_database(at, app_ctx, tmp_path):
    from services.context import open_database

    elsewhere = ensure_profile(open_database(str(tmp_path / "other.db")))
    create_session(elsewhere, when=datetime.now() - timedelta(days=2), notes="from the old laptop")
    _upload_and_import(at, "threshold-data.zip", export_zip(elsewhere), "application/zip")
    assert not at.exception
    assert "Added 1 session with 3 sets" in _texts(at, "success")
    assert counts(app_ctx)["sessions"] == 1


def test_a_file_without_a_unit_asks_kg_or_lb_and_previews_before_saving(at, app_ctx):
    _upload(at, "strong.csv", (APPS / "strong_old.csv").read_bytes())
    assert "kilograms or pounds" in _texts(at, "warning")
    assert not at.get("metric")
    at.radio(key="data_unit").set_value("kg").run()
    at.button(key="data_check_unit").click().run()
    assert not at.exception
    assert "heavy for kilograms" in _texts(at, "warning")
    at.radio(key="data_unit").set_value("lb").run()
    at.button(key="data_check_unit").click().run()
    assert "heavy for kilograms" not in _texts(at, "warning")
    assert [m.value for m in at.get("metric")] == ["6", "48"]
    assert "From **2026-09-01** to **2026-10-06**." in _texts(at, "markdown")
    table = at.dataframe[0].value
    mapped = dict(zip(table["in the file"], table["in Threshold"], strict=True))
    assert mapped["Chest Press (Machine)"] == "Chest press machine" and mapped["Press, Leg"] == "Leg press"
    assert counts(app_ctx)["sessions"] == 0
    at.button(key="data_import").click().run()
    assert "Added 6 sessions with 48 sets" in _texts(at, "success")
    assert "no pain ratings" in _texts(at, "info")
    assert snapshot(app_ctx)["sessions"][0][3][0][4][0] == (round(80 * KG_PER_LB, 4), 10)


def test_an_exercise_can_be_sent_to_another_of_yours_in_the_preview(at, app_ctx):
    _upload(at, "workouts.csv", (APPS / "hevy_lbs.csv").read_bytes())
    table = at.dataframe[0].value
    row = list(table["in the file"]).index("Hammer Curl (Dumbbell)")
    (box,) = [b for b in at.selectbox if b.key.startswith("data_map_") and b.key.endswith(f"_{row}")]
    box.set_value("Dumbbell biceps curl").run()
    at.button(key="data_import").click().run()
    assert not at.exception
    (session,) = snapshot(app_ctx)["sessions"]
    assert [entry[0] for entry in session[3]] == ["Running", "Lat pulldown", "Dumbbell biceps curl"]


def test_history_offers_its_table_as_csv(at, app_ctx):
    create_session(app_ctx, when=datetime.now() - timedelta(days=1))
    at.switch_page("pages/history.py").run()
    assert not at.exception
    assert at.get("download_button")


def test_a_hostile_zip_is_one_line_on_the_page_and_saves_nothing(at, app_ctx):
    _upload(at, "locked.zip", encrypted(zipped({"sessions.csv": b"session_id,started_at\n"})), "application/zip")
    assert not at.exception
    heading, problems = _shown(at, "error").split("\n\n")
    assert heading == "Nothing was imported. Fix this and import the file again:"
    assert problems.startswith("- locked.zip") and "protected by a password" in problems and "\n" not in problems
    assert counts(app_ctx)["sessions"] == 0


def test_thousands_of_bad_rows_show_the_first_200_and_the_count(at, app_ctx):
    _upload(at, "strong.csv", strong_bad_rows(1_000))
    shown = _shown(at, "error")
    assert "Fix these 1,000 problems" in shown
    assert shown.count("\n- ") == 10 and "... and 990 more: download the list below." in shown
    assert "The list holds the first 200 of 1,000" in _texts(at, "markdown")


def test_the_preview_of_a_file_imported_before_says_it_adds_no_sessions(at, app_ctx):
    _upload_and_import(at, "strong.csv", STRONG_6.encode())
    assert counts(app_ctx)["sessions"] == 2
    _upload(at, "strong.csv", STRONG_6.encode())
    assert "All 2 sessions in this file are already in your data: importing it adds no sessions" in _texts(at, "info")
    # One session of the file new: the preview names both parts, and the import adds just that one.
    _upload(at, "strong.csv", STRONG_6.replace("2026-10-01", "2025-10-01").encode())
    assert "1 of these 2 sessions is already in your data and left alone; importing adds the other 1." in (
        _texts(at, "info")
    )
    at.button(key="data_import").click().run()
    assert counts(app_ctx)["sessions"] == 3


def test_a_first_import_shows_no_note_about_stored_sessions(at, app_ctx):
    _upload(at, "strong.csv", STRONG_6.encode())
    assert "already in your data" not in _texts(at, "info")


def test_the_preview_of_an_export_names_its_check_ins_and_peg_rows_too(at, app_ctx, tmp_path):
    from services.checkins import record_checkin, record_peg
    from services.context import open_database

    elsewhere = ensure_profile(open_database(str(tmp_path / "other.db")))
    yesterday = date.today() - timedelta(days=1)
    create_session(elsewhere, when=datetime.now() - timedelta(days=2))
    for region in ("lower_back", "left_knee"):
        record_checkin(elsewhere, {"day": yesterday, "region": region, "pain": 3})
    record_peg(elsewhere, {"day": yesterday, "pain": 4, "enjoyment": 3, "activity": 3})
    _upload(at, "threshold-data.zip", export_zip(elsewhere), "application/zip")
    assert "The file also holds 2 morning check-ins and 1 weekly PEG check-in" in _texts(at, "markdown")
    at.button(key="data_import").click().run()
    assert "2 morning check-ins, 1 PEG check-in" in _texts(at, "success")

"""The Your data page: export button, importing with the equipment question, and the problem list."""

from __future__ import annotations

from datetime import datetime, timedelta

from exports.csv_export import export_zip
from services.context import ensure_profile
from tests.factories import create_session
from tests.reliability.hostile_files import encrypted, strong_bad_rows, zipped
from tests.transfer_data import STRONG_6, counts

PAGE = "pages/data.py"


def _upload(at, name: str, data: bytes, mime: str = "text/csv"):
    at.switch_page(PAGE).run()
    at.file_uploader(key="data_upload").set_value([(name, data, mime)]).run()
    return at.button(key="data_import").click().run()


def _texts(at, kind: str) -> str:
    return "\n".join(str(e.value) for e in at.get(kind))


def test_the_page_offers_the_whole_export_as_a_download(at):
    at.switch_page(PAGE).run()
    assert not at.exception
    assert at.get("download_button")
    assert at.button(key="data_import").disabled


def test_a_strong_file_asks_about_unknown_equipment_then_imports(at, app_ctx):
    _upload(at, "strong.csv", STRONG_6.encode())
    assert not at.exception
    assert "machine or with free weights" in _texts(at, "warning")
    assert counts(app_ctx)["sessions"] == 0
    at.selectbox(key="data_eq_0").set_value("bodyweight").run()
    at.button(key="data_import_answers").click().run()
    assert not at.exception
    assert "Added 2 session(s) with 4 set(s)" in _texts(at, "success")
    assert "warm-up" in _texts(at, "info")
    assert counts(app_ctx)["sessions"] == 2


def test_a_file_with_bad_rows_lists_them_and_saves_nothing(at, app_ctx):
    bad = STRONG_6.replace("Leg Press (Machine),1,60,10", "Leg Press (Machine),1,60,-10")
    _upload(at, "strong.csv", bad.encode())
    assert "Nothing was imported: 1 problem(s)" in _texts(at, "error")
    problems = at.dataframe[0].value
    assert problems.iloc[0]["line"] == 3
    assert "you entered -10" in problems.iloc[0]["what to fix"]
    assert counts(app_ctx)["sessions"] == 0


def test_threshold_own_export_imports_into_another_database(at, app_ctx, tmp_path):
    from services.context import open_database

    elsewhere = ensure_profile(open_database(str(tmp_path / "other.db")))
    create_session(elsewhere, when=datetime.now() - timedelta(days=2), notes="from the old laptop")
    _upload(at, "threshold-data.zip", export_zip(elsewhere), "application/zip")
    assert not at.exception
    assert "Added 1 session(s) with 3 set(s)" in _texts(at, "success")
    assert counts(app_ctx)["sessions"] == 1


def test_history_offers_its_table_as_csv(at, app_ctx):
    create_session(app_ctx, when=datetime.now() - timedelta(days=1))
    at.switch_page("pages/history.py").run()
    assert not at.exception
    assert at.get("download_button")


def test_a_hostile_zip_is_one_line_on_the_page_and_saves_nothing(at, app_ctx):
    _upload(at, "locked.zip", encrypted(zipped({"sessions.csv": b"session_id,started_at\n"})), "application/zip")
    assert not at.exception
    assert "Nothing was imported: 1 problem(s)" in _texts(at, "error")
    (message,) = list(at.dataframe[0].value["what to fix"])
    assert "protected by a password" in message and "\n" not in message
    assert counts(app_ctx)["sessions"] == 0


def test_thousands_of_bad_rows_show_the_first_200_and_the_count(at, app_ctx):
    _upload(at, "strong.csv", strong_bad_rows(1_000))
    assert "Nothing was imported: 1,000 problem(s)" in _texts(at, "error")
    assert len(at.dataframe[0].value) == 200
    assert "The first 200 of 1,000" in _texts(at, "caption")

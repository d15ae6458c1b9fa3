"""The Backup page: download offered, restore only after confirming, says where the old data went."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from services.backup import make_backup
from services.history import history
from tests.factories import create_session

PAGE = "pages/backup.py"
SQLITE = "application/vnd.sqlite3"


@pytest.fixture
def page(at: AppTest, safety_dir: Path) -> AppTest:
    """The Backup page, with automatic backups going to a temporary folder."""
    return at.switch_page(PAGE).run()


def _texts(at: AppTest, kind: str) -> str:
    return "\n".join(str(getattr(e, "value", "")) for e in at.get(kind))


def test_the_page_offers_a_backup_download(page):
    assert [b.label for b in page.get("download_button")] == ["Download backup"]
    assert not page.exception


def test_restore_needs_a_file_and_a_confirmation(page, app_ctx):
    assert page.button(key="backup_restore").disabled
    page.file_uploader(key="backup_upload").set_value(("b.sqlite", make_backup(app_ctx), SQLITE)).run()
    assert page.button(key="backup_restore").disabled
    page.checkbox(key="backup_confirm").check().run()
    assert not page.button(key="backup_restore").disabled


def test_restoring_brings_the_backup_back_and_says_where_the_old_data_went(page, app_ctx, tmp_path):
    create_session(app_ctx, when=datetime.now() - timedelta(days=2), weight=40)
    data = make_backup(app_ctx)
    create_session(app_ctx, when=datetime.now() - timedelta(days=1), weight=60)
    page.file_uploader(key="backup_upload").set_value(("b.sqlite", data, SQLITE)).run()
    page.checkbox(key="backup_confirm").check().run()
    page.button(key="backup_restore").click().run()
    assert not page.exception
    assert "Backup restored: 1 sessions." in _texts(page, "success")
    saved = list((tmp_path / "safety").iterdir())
    assert len(saved) == 1 and str(saved[0]) in _texts(page, "info")
    assert history(app_ctx)["exercises"].tolist() == ["Leg press: 40 kg × 10, 40 kg × 10, 40 kg × 10"]
    assert page.checkbox(key="backup_confirm").value is False


def test_a_file_that_is_not_a_backup_shows_why_and_changes_nothing(page, app_ctx, tmp_path):
    create_session(app_ctx, when=datetime.now() - timedelta(days=1))
    page.file_uploader(key="backup_upload").set_value(("notes.sqlite", b"just some text", SQLITE)).run()
    page.checkbox(key="backup_confirm").check().run()
    page.button(key="backup_restore").click().run()
    assert "not a SQLite database" in _texts(page, "error")
    assert len(history(app_ctx)) == 1
    assert not (tmp_path / "safety").exists()

"""A full disk under the database, met on a page: one plain sentence, no traceback, the input kept, nothing lost."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
from sqlalchemy.exc import OperationalError

import services.history
import services.profiles
import ui.rule_settings  # noqa: F401  bound to the real save_settings before any test patches it (else it keeps the patch)
from services.profiles import get_settings

FULL = OperationalError(
    "INSERT INTO profiles (rule_settings) VALUES (?)", ("secret",), sqlite3.OperationalError("database or disk is full")
)


def _raise_full(*_args: Any, **_kwargs: Any) -> None:
    raise FULL


def _texts(at: Any) -> str:
    return " ".join(str(e.value) for e in [*at.error, *at.success, *at.markdown, *at.info])


def test_saving_settings_on_a_full_disk_says_so_beside_the_button_and_keeps_the_choice(
    at: Any, app_ctx: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(services.profiles, "save_settings", _raise_full)  # before the page binds the name
    at.switch_page("pages/settings.py").run()
    at.radio(key="set_unit").set_value("lb")
    at.button(key="set_save").click().run()
    assert not at.exception
    errors = [str(e.value) for e in at.error]
    assert any(e.startswith("The disk that holds the database is full; nothing was changed.") for e in errors)
    assert not any("INSERT" in e or "secret" in e for e in errors)
    assert at.radio(key="set_unit").value == "lb"  # what the person chose is still on the screen
    assert get_settings(app_ctx).unit == "kg"  # and nothing was written


def test_a_page_whose_read_fails_on_a_full_disk_shows_one_sentence_instead_of_a_traceback(
    at: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(services.history, "has_anything", _raise_full)
    at.switch_page("pages/home.py").run()
    assert not at.exception
    assert [str(e.value) for e in at.error] == [
        "The disk that holds the database is full; nothing was changed. Free some space or fix the permissions, "
        "then try again."
    ]


def test_a_bug_that_is_not_the_disk_is_still_raised(at: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: Any, **_kwargs: Any) -> None:
        raise ZeroDivisionError("a real bug")

    monkeypatch.setattr(services.history, "has_anything", broken)
    at.switch_page("pages/home.py").run()
    assert at.exception  # Streamlit's own error box (details redacted), not a message blaming the disk
    assert not at.error

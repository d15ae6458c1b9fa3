"""Markdown typed into notes is shown literally in History, never rendered as formatting."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from services.context import Ctx
from tests.factories import create_session

NOTE = "**bold** _x_ [link](http://example.org) # heading"


def test_markdown_in_a_note_shows_literally_in_history(at: AppTest, app_ctx: Ctx) -> None:
    create_session(app_ctx, notes=NOTE)
    at.switch_page("pages/history.py").run()
    assert not at.exception
    assert at.dataframe[0].value.iloc[0]["notes"] == NOTE
    # Markdown elements would render the stars as bold text; the note must appear in none of them.
    assert not [element.value for element in at.markdown if "bold" in str(element.value)]

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
    # Markdown would render the stars as bold text and the brackets as a link: where the note appears in a
    # Markdown element (the chosen session's details), every such character is escaped.
    for shown in [str(element.value) for element in at.markdown if "bold" in str(element.value)]:
        assert "\\*\\*bold\\*\\* \\_x\\_ \\[link\\]\\(http://example\\.org\\) \\# heading" in shown
        assert "**bold**" not in shown and "[link](" not in shown

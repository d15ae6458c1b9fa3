"""The doctor's PDF lays out any input the forms accept: the longest notes, names and region lists."""

from __future__ import annotations

import tempfile
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from formats.report_pdf import CUT, render_pdf
from services.context import Ctx, ensure_profile, open_database
from services.profiles import add_exercise, save_settings
from services.report import build_report, session_log
from services.sessions import log_session
from tests.conftest import Figures
from tests.factories import NOW, strength_session
from tracker.errors import ValidationError
from tracker.pain import REGIONS
from tracker.records import MAX_SETS
from tracker.session_input import EntryInput, PainInput, SessionInput, SetInput
from tracker.validation import MAX_NAME, MAX_NOTES

START, END = NOW.date() - timedelta(days=30), NOW.date()
# Letters of every width, spaces, line breaks and symbols the font lacks.
LETTERS = st.sampled_from([*"Wmil.1 \n—éß€漢😀", "WWWW", "  "])


def _text(max_size: int, min_size: int = 0) -> st.SearchStrategy[str]:
    return st.lists(LETTERS, min_size=min_size, max_size=max_size).map("".join).map(lambda t: t[:max_size])


def pdf_of(ctx: Ctx, regions: tuple[str, ...], note: str = "") -> bytes:
    """The report's PDF without chart images (they have their own tests and take seconds each)."""
    report = build_report(ctx, start=START, end=END, regions=regions, note=note)
    return render_pdf(report.data, session_log(ctx, START, END, regions))


@pytest.mark.parametrize(
    "notes",
    ["W" * MAX_NOTES, "word " * (MAX_NOTES // 5), "\n".join(["a"] * (MAX_NOTES // 2)), "x" * 1650],
    ids=["widest letters", "many words", "a thousand lines", "1650 letters (the issue's case)"],
)
def test_a_session_with_the_longest_note_the_form_allows_still_makes_a_pdf(
    ctx: Ctx, notes: str, figures: Figures
) -> None:
    log_session(ctx, strength_session(notes=notes, when=NOW - timedelta(days=1)), now=NOW)
    pdf = pdf_of(ctx, ("lower_back",))
    assert pdf.startswith(b"%PDF")
    figures.tally("PDF laid out with a 2,000-character note")


def test_the_longest_name_every_region_and_the_longest_share_note_fit(ctx: Ctx) -> None:
    save_settings(ctx, {"unit": "kg", "pain_limit": 5, "regions": list(REGIONS), "display_name": "W" * 120})
    log_session(ctx, strength_session(notes="W" * MAX_NOTES, when=NOW - timedelta(days=1)), now=NOW)
    assert pdf_of(ctx, tuple(REGIONS), note="W " * (MAX_NOTES // 2)).startswith(b"%PDF")
    assert CUT == "…"


@st.composite
def histories(draw: st.DrawFn) -> tuple[str, list[str], list[SessionInput], tuple[str, ...], str]:
    """A display name, own exercises, sessions and regions, all within the forms' limits."""
    name = draw(_text(120))
    exercises = draw(st.lists(_text(MAX_NAME, 1).map(str.strip).filter(bool), min_size=1, max_size=4, unique=True))
    regions = tuple(draw(st.lists(st.sampled_from(list(REGIONS)), min_size=1, max_size=len(REGIONS), unique=True)))
    sessions = []
    for day in range(draw(st.integers(1, 4))):
        done = draw(st.lists(st.sampled_from(exercises), min_size=1, max_size=6))
        sessions.append(
            SessionInput(
                started_at=NOW - timedelta(days=day + 1),
                notes=draw(_text(MAX_NOTES)),
                rpe=draw(st.none() | st.integers(1, 10)),
                entries=tuple(EntryInput(e, sets=(SetInput(40, 10),) * draw(st.integers(1, MAX_SETS))) for e in done),
                pains=tuple(PainInput(r, 3, 4, 2) for r in regions),
            )
        )
    return name, exercises, sessions, regions, draw(_text(MAX_NOTES))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(histories())
def test_any_valid_history_makes_a_pdf(history: tuple[str, list[str], list[SessionInput], tuple[str, ...], str]):
    name, exercises, sessions, regions, note = history
    with tempfile.TemporaryDirectory(prefix="threshold-pdf-") as folder:
        db = open_database(str(Path(folder) / "pdf.db"))
        try:
            ctx = ensure_profile(db)
            try:
                save_settings(ctx, {"unit": "kg", "pain_limit": 5, "regions": list(regions), "display_name": name})
                for exercise in exercises:
                    add_exercise(ctx, {"name": exercise, "category": "strength", "equipment": "machine"})
                for raw in sessions:
                    log_session(ctx, raw, now=NOW)
            except ValidationError:
                assume(False)  # text the forms refuse (markup, a formula) is not valid input
            assert pdf_of(ctx, regions, note=note).startswith(b"%PDF")
        finally:
            db.dispose()

"""The doctor's PDF lays out any input the forms accept: the longest notes, names and region lists."""

from __future__ import annotations

import tempfile
from datetime import timedelta
from io import BytesIO
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from formats.report_pdf import CUT, render_pdf
from services.checkins import record_morning
from services.context import Ctx, ensure_profile, open_database
from services.function_goals import add_goal, function_goals, rate_goals
from services.medication import add_regular, log_dose
from services.pgic import record_pgic
from services.profiles import add_exercise, save_settings
from services.report import build_report, session_log
from services.sessions import log_session
from tests.conftest import Figures
from tests.factories import NOW, strength_session
from tracker.errors import ValidationError
from tracker.medication import UNITS
from tracker.pain import REGIONS
from tracker.psfs import MAX_ACTIVE
from tracker.records import MAX_SETS
from tracker.session_input import EntryInput, PainInput, SessionInput, SetInput
from tracker.validation import MAX_NAME, MAX_NOTES

START, END = NOW.date() - timedelta(days=30), NOW.date()
# Letters of every width, spaces, line breaks and symbols the font lacks.
Health = tuple[list[str], list[tuple[str, float, str]], list[str], int | None, int | None]
"""Activities, regular medication (name, dose, unit), as-needed names, a PGIC answer and a sleep rating."""
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
def health(draw: st.DrawFn) -> Health:
    """Function goals (names up to the longest allowed), regular medication (up to 30, so page 1 runs on),
    as-needed medication, a PGIC answer and a sleep rating, all within the forms' limits."""
    names = _text(MAX_NAME, 1).map(str.strip).filter(bool)
    activities = draw(st.lists(names, max_size=MAX_ACTIVE, unique_by=str.casefold))
    dose = st.floats(0.5, min(UNITS.values())).map(lambda d: round(d, 1))  # within every unit's limit
    regular = draw(st.lists(st.tuples(names, dose, st.sampled_from(sorted(UNITS))), max_size=30))
    as_needed = draw(st.lists(names, max_size=6))
    return activities, regular, as_needed, draw(st.none() | st.integers(1, 7)), draw(st.none() | st.integers(0, 10))


def add_health(ctx: Ctx, drawn: Health) -> None:
    """Store what `health` drew: each activity rated at the start and end of the range, each medication
    started in the range, every as-needed one taken twice."""
    activities, regular, as_needed, pgic, sleep = drawn
    today = END
    for name in activities:
        add_goal(ctx, {"activity": name, "created_on": START}, today=today)
    ids = [g.id for g in function_goals(ctx, today=today).active]
    if ids:
        rate_goals(ctx, START, dict.fromkeys(ids, 2), today=today)
        rate_goals(ctx, END, {goal: 5 + i for i, goal in enumerate(ids)}, today=today)
    for i, (name, dose, unit) in enumerate(regular):
        add_regular(
            ctx, {"name": name, "dose": dose, "unit": unit, "start": START + timedelta(days=i % 30)}, today=today
        )
    for i, name in enumerate(as_needed):
        for hours in (1, 30):
            log_dose(ctx, {"name": name, "dose": 1, "unit": "tablets", "taken_at": NOW - timedelta(hours=hours + i)},
                     now=NOW)  # fmt: skip
    if pgic is not None:
        record_pgic(ctx, {"day": END, "score": pgic}, today=today)
    if sleep is not None:
        record_morning(ctx, END, {"lower_back": 3}, today=today, sleep=sleep)


def test_psfs_with_five_of_the_longest_activities_and_many_medications_fit_page_one(ctx: Ctx) -> None:
    widest = ["W" * MAX_NAME, "W " * (MAX_NAME // 2), "m" * MAX_NAME, "漢" * MAX_NAME, "😀" * MAX_NAME]
    regular = [(f"{'W' * (MAX_NAME - 3)}{i:03}", 12.5, "mg") for i in range(40)]
    add_health(ctx, (widest, regular, ["W" * MAX_NAME] * 3, 6, 4))
    data = pdf_of(ctx, ("lower_back",))
    assert data.startswith(b"%PDF")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(BytesIO(data)).pages)
    assert text.count("clinically important improvement") == 6, "five activities and their average"
    assert text.count(", regular: since") == 40 and "Much worse (6 on the 1-7 scale)" in text


@st.composite
def histories(draw: st.DrawFn) -> tuple[str, list[str], list[SessionInput], tuple[str, ...], str, Health]:
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
    return name, exercises, sessions, regions, draw(_text(MAX_NOTES)), draw(health())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(histories())
def test_any_valid_history_with_psfs_pgic_medication_and_sleep_makes_a_pdf(
    history: tuple[str, list[str], list[SessionInput], tuple[str, ...], str, Health],
):
    name, exercises, sessions, regions, note, drawn = history
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
                add_health(ctx, drawn)
            except ValidationError:
                assume(False)  # text the forms refuse (markup, a formula) is not valid input
            assert pdf_of(ctx, regions, note=note).startswith(b"%PDF")
        finally:
            db.dispose()


def test_the_demo_report_keeps_page_one_and_its_key_on_page_one(ctx: Ctx) -> None:
    # The newcomer pass found the demo's page 1 (function goals, PGIC, medication, sleep) pushing its key on
    # how to read PSFS and PGIC alone onto page 2, where a doctor reading page 1 never sees it.
    from services.demo import DEMO_REGIONS, fill_demo_once

    fill_demo_once(ctx, years=2, today=END)
    start = END - timedelta(weeks=12)
    report = build_report(ctx, start=start, end=END, regions=DEMO_REGIONS)
    pages = PdfReader(BytesIO(render_pdf(report.data, session_log(ctx, start, END, DEMO_REGIONS), demo=True))).pages
    first, second = (" ".join(page.extract_text().split()) for page in pages[:2])
    assert "PGIC (Patient Global Impression of Change)" in first and "Function goals" in first
    assert "Patient Global Impression" not in second and "PEG-3 is the mean" not in second

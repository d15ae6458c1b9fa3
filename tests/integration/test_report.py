"""The doctor's report from stored data: exactly the range and regions asked for, and the owner's data only."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import timedelta
from io import BytesIO

import pytest
from pypdf import PdfReader
from sqlalchemy import event

from db.engine import Database
from formats.report_pdf import DEMO_MARK, render_pdf
from services.checkins import record_checkin
from services.context import ensure_profile
from services.profiles import save_settings
from services.report import build_report, report_pdf, session_log
from services.sessions import log_session
from services.suggestions import decide
from tests.factories import NOW, cardio_session, create_session, strength_session
from tests.integration.test_suggestions import KEY, seed_progress
from tests.progress_history import fill_weeks
from tracker.advice import day_text
from tracker.report import range_text
from tracker.session_input import PainInput

TODAY = NOW.date()
START = TODAY - timedelta(days=27)


def report_data(ctx, **request):
    """Page 1's values of the report."""
    return build_report(ctx, **request).data


def pdf_text(data: bytes) -> str:
    """All the text in a PDF, page by page."""
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)


@contextmanager
def transactions(db: Database) -> Iterator[list[object]]:
    """Every transaction begun on the database while the block runs (one entry each)."""
    begun: list[object] = []

    def seen(connection: object) -> None:
        begun.append(connection)

    event.listen(db.engine, "begin", seen)
    try:
        yield begun
    finally:
        event.remove(db.engine, "begin", seen)


def two_regions(ctx, when, *, back: int, knee: int, notes: str = "") -> int:
    given = strength_session(when=when, during=back, notes=notes)
    given = replace(given, pains=(*given.pains, PainInput("left_knee", 1, knee, 1)))
    return log_session(ctx, given, now=NOW)


def test_adherence_counts_sessions_and_cardio_minutes_inside_the_range_only(ctx):
    create_session(ctx, when=NOW - timedelta(days=2))
    log_session(ctx, cardio_session(when=NOW - timedelta(days=3), minutes=25), now=NOW)
    log_session(ctx, cardio_session(when=NOW - timedelta(days=27, hours=-1), minutes=20), now=NOW)
    create_session(ctx, when=NOW - timedelta(days=40))
    a = report_data(ctx, start=START, end=TODAY, regions=("lower_back",)).adherence
    assert (a.sessions, a.cardio_minutes, a.per_week) == (3, 45.0, 0.8)


def test_accepted_suggestions_are_the_changes_made(ctx):
    seed_progress(ctx)
    decide(ctx, KEY, "accepted", today=TODAY, now=NOW)
    (change,) = report_data(ctx, start=START, end=TODAY, regions=("lower_back",)).changes
    assert (change.day, change.title) == (TODAY, "Chest press machine: try 42.5 kg")


def test_red_flags_count_in_the_range_and_in_the_chosen_regions_only(ctx):
    for back, region in [
        (5, "left_knee"),
        (4, "left_knee"),
        (3, "left_knee"),
        *((d, "lower_back") for d in (62, 61, 60)),
    ]:
        day = TODAY - timedelta(days=back)
        record_checkin(ctx, {"day": day, "region": region, "pain": 9}, today=TODAY)
    knee = report_data(ctx, start=START, end=TODAY, regions=("left_knee",))
    assert [f.title for f in knee.flags] == ["Very high left knee pain that does not ease"]
    assert knee.flags[0].days == tuple(TODAY - timedelta(days=d) for d in (5, 4, 3))
    assert report_data(ctx, start=START, end=TODAY, regions=("lower_back",)).flags == ()
    two_years = report_data(ctx, start=TODAY - timedelta(days=730), end=TODAY, regions=("lower_back", "left_knee"))
    assert [f.days[-1] for f in two_years.flags] == [TODAY - timedelta(days=3), TODAY - timedelta(days=60)]


def test_session_log_shows_pain_of_the_chosen_regions_oldest_first(ctx):
    two_regions(ctx, NOW - timedelta(days=3), back=3, knee=6, notes="Stairs fine")
    two_regions(ctx, NOW - timedelta(days=1), back=4, knee=5)
    log = session_log(ctx, START, TODAY, ("left_knee",))
    # Before, during, after and next morning ('?': not rated yet).
    assert list(log["pain"]) == ["Left knee 1 → 6 → 1 → ?", "Left knee 1 → 5 → 1 → ?"]
    assert list(log["outcome"]) == ["over the limit", "no morning rating"]
    assert log.loc[0, "notes"] == "Stairs fine"


def test_another_owners_data_never_reaches_the_report(db, ctx):
    bob = ensure_profile(db, "oidc|bob")
    save_settings(bob, {"unit": "kg", "pain_limit": 5, "regions": ["lower_back"], "display_name": "Bob"})
    for days in (1, 2, 3):
        create_session(bob, when=NOW - timedelta(days=days), during=9, notes="Bob's secret")
    mine = report_data(ctx, start=START, end=TODAY, regions=("lower_back",))
    assert mine.adherence.sessions == 0 and mine.flags == () and mine.name == ""
    assert session_log(ctx, START, TODAY, ("lower_back",)).empty
    assert "Bob" not in pdf_text(report_pdf(ctx, start=START, end=TODAY, regions=("lower_back",)))


def test_pdf_has_the_name_in_any_alphabet_and_the_summary_numbers(ctx):
    save_settings(ctx, {"unit": "kg", "pain_limit": 5, "regions": ["lower_back"], "display_name": "Zoë Ångström"})
    for days in (1, 3, 5):
        create_session(ctx, when=NOW - timedelta(days=days), notes="Cold outside, 2°C")
    log_session(ctx, cardio_session(when=NOW - timedelta(days=2), minutes=35), now=NOW)
    text = pdf_text(report_pdf(ctx, start=START, end=TODAY, regions=("lower_back",)))
    assert "Patient: Zoë Ångström" in text
    # The period starts on the first session (5 days ago), not on START: per week over 4 empty weeks read 1.
    assert "4 sessions in 6 days" in text and "from the first day logged" in text
    assert "Cardio: 35 minutes in all" in text
    assert "Cold outside, 2°C" in text
    assert "Leg press: 3 × 10 at 40 kg" in text


def test_an_empty_range_gives_a_short_pdf_that_says_nothing_was_logged(ctx):
    create_session(ctx, when=NOW - timedelta(days=100))
    seen: list[float] = []
    data = report_pdf(
        ctx, start=START, end=TODAY, regions=("lower_back",), progress=lambda done, _text: seen.append(done)
    )
    text = pdf_text(data)
    assert data.startswith(b"%PDF")
    assert "Nothing was logged in this period." in text and "No sessions in this period." in text
    assert "0 sessions" in text and len(PdfReader(BytesIO(data)).pages) == 2
    assert seen == sorted(seen) and seen[-1] == 1.0


@pytest.mark.parametrize("name", ["", "Ирина Петрова", "Σοφία Παπαδοπούλου", "O'Brien & Søn", "Đặng Thị Ngọc"])
def test_any_name_prints(ctx, name):
    save_settings(ctx, {"unit": "kg", "pain_limit": 5, "regions": ["lower_back"], "display_name": name})
    text = pdf_text(report_pdf(ctx, start=START, end=TODAY, regions=("lower_back",)))
    assert (f"Patient: {name}" in text) == bool(name)


def test_six_weeks_give_pain_comparison_peg_tolerated_load_and_every_chart(ctx):
    first = fill_weeks(ctx, end=TODAY)
    report = build_report(ctx, start=first, end=TODAY, regions=("lower_back",))
    (pain,) = report.data.pain
    assert pain.comparison.change is not None and pain.comparison.span == 14
    assert [round(v, 2) for _, v in report.data.peg] == [5.0, 5.0, 4.67, 4.67, 4.33, 4.33]
    (leg_press,) = report.data.loads
    # The same levels as the Progress chart: 42.5 kg after the opening three weeks, 50 kg at the end.
    assert (leg_press.exercise, leg_press.percent) == ("Leg press", 17.6)
    assert leg_press.text == "Leg press: 42.5 kg × 10 → 50 kg × 10 within the pain limit (+18%)"
    assert report.data.headline.startswith("Tolerated work on Leg press is up 18% since")
    assert [chart.title for chart in report.charts] == [
        "Daily pain (0-10)",
        "Tolerated work of the main exercises",
        "Weekly PEG-3",
        "Cardio minutes per week",
        "How sessions settled by the next morning",
    ]


def test_a_report_and_its_pdf_read_everything_in_one_transaction(ctx):
    first = fill_weeks(ctx, end=TODAY)
    seed_progress(ctx)
    decide(ctx, KEY, "accepted", today=TODAY, now=NOW)
    with transactions(ctx.db) as begun:
        report = build_report(ctx, start=first, end=TODAY, regions=("lower_back", "left_knee"))
    assert len(report.charts) == 5 and report.data.changes and report.data.adherence.sessions
    assert len(begun) == 1, "one consistent read: settings, charts, page 1 and red flags from the same moment"
    with transactions(ctx.db) as begun:
        data = report_pdf(ctx, start=first, end=TODAY, regions=("lower_back", "left_knee"))
    assert "Session log" in pdf_text(data) and len(begun) == 1


def test_pdf_shows_the_charts_as_images_after_page_one(ctx):
    first = fill_weeks(ctx, end=TODAY)
    data = report_pdf(ctx, start=first, end=TODAY, regions=("lower_back",))
    pages = PdfReader(BytesIO(data)).pages
    assert "Leg press: 42.5 kg × 10 → 50 kg × 10 within the pain limit (+18%)" in pages[0].extract_text()
    titles = [chart.title for chart in build_report(ctx, start=first, end=TODAY, regions=("lower_back",)).charts]
    assert sum(len(p.images) for p in pages) == len(titles) == 5
    for page in pages[1:]:
        text = page.extract_text()
        assert len(page.images) == sum(title in text for title in titles), "each title sits on its chart's page"
    keys = " ".join(" ".join(page.extract_text().split()) for page in pages[1:])
    assert "limit of 5/10" in keys and "Red crosses: sessions over the limit" in keys, "each chart says how to read it"


def test_an_empty_range_has_no_charts(ctx):
    assert build_report(ctx, start=START, end=TODAY, regions=("lower_back",)).charts == ()


def test_tolerated_load_leaves_out_stretches_and_classes(ctx):
    for days in (20, 13, 6):
        log_session(ctx, cardio_session(when=NOW - timedelta(days=days), exercise="Cat-cow stretch"), now=NOW)
        day = (NOW - timedelta(days=days)).date() + timedelta(days=1)
        record_checkin(ctx, {"day": day, "region": "lower_back", "pain": 1}, today=TODAY)
    report = build_report(ctx, start=START, end=TODAY, regions=("lower_back",))
    assert report.data.loads == ()
    assert "Tolerated work of the main exercises" not in [chart.title for chart in report.charts]


def test_letters_the_font_lacks_print_as_a_marker_and_the_rest_of_the_note_stays(ctx, caplog):
    create_session(ctx, when=NOW - timedelta(days=1), notes="膝 sore after stairs")
    with caplog.at_level("WARNING"):
        text = pdf_text(report_pdf(ctx, start=START, end=TODAY, regions=("lower_back",)))
    assert "\ufffd sore after stairs" in text
    assert not [r for r in caplog.records if "glyph" in r.getMessage().lower()]


def _rendered(ctx, *, demo: bool) -> bytes:
    first = fill_weeks(ctx, end=TODAY)
    report = build_report(ctx, start=first, end=TODAY, regions=("lower_back",))
    return render_pdf(report.data, session_log(ctx, first, TODAY, ("lower_back",)), generated=TODAY, demo=demo)


def test_a_demo_report_says_it_is_made_up_on_every_page_and_in_its_metadata(ctx):
    reader = PdfReader(BytesIO(_rendered(ctx, demo=True)))
    assert len(reader.pages) >= 2
    for page in reader.pages:
        text = page.extract_text()
        assert DEMO_MARK in text and "Made-up demo data in Threshold" in text
        assert "Self-reported by the patient" not in text
    assert f"Exercise and pain report\n{DEMO_MARK}.\nPeriod:" in reader.pages[0].extract_text()  # under the title
    assert reader.metadata is not None
    assert "demo" in str(reader.metadata.title) and reader.metadata.subject == DEMO_MARK


def test_a_real_report_has_no_demo_mark(ctx):
    reader = PdfReader(BytesIO(_rendered(ctx, demo=False)))
    for page in reader.pages:
        text = page.extract_text()
        assert "demo" not in text.lower() and "Self-reported by the patient in Threshold" in text
    assert reader.metadata is not None
    assert reader.metadata.title == "Exercise and pain report" and reader.metadata.subject is None


def test_the_pain_chart_says_which_regions_its_one_line_pools(ctx):
    # Page 1 compares each region on its own; a doctor must not read the chart's single line as one of them.
    for days in (3, 5, 8):
        two_regions(ctx, NOW - timedelta(days=days), back=4, knee=6)
    both = build_report(ctx, start=START, end=TODAY, regions=("lower_back", "left_knee")).charts
    (pain,) = [c for c in both if c.title.startswith("Daily pain")]
    assert "One line for Lower back, Left knee together; page 1 compares each region on its own." in pain.key
    alone_charts = build_report(ctx, start=START, end=TODAY, regions=("left_knee",)).charts
    (alone,) = [c for c in alone_charts if c.title.startswith("Daily pain")]
    assert alone.key.endswith("Region: Left knee.")


def test_the_footnote_says_when_a_percent_change_counts_as_the_comparison_judges_it(ctx):
    # QA: "-0.7 points, -32%, no clear change" beside a footnote that said any 30% counts. A 30% change counts
    # only when it is a point or more; the footnote says so, and the comparison judges by the same rule.
    from tracker.pain import pain_change

    assert not pain_change(2.2, 1.5).important and pain_change(3.3, 2.3).important
    text = " ".join(pdf_text(report_pdf(ctx, start=START, end=TODAY, regions=("lower_back",))).split())
    assert "30% of the baseline when the change is also at least 1 point" in text


def test_page_one_speaks_about_the_patient_not_to_them(ctx):
    # A session over the limit yesterday: nothing tolerated yet, so the headline explains what counts.
    create_session(ctx, when=NOW - timedelta(days=1), during=8)
    data = report_pdf(ctx, start=START, end=TODAY, regions=("lower_back",))
    page_one = " ".join(PdfReader(BytesIO(data)).pages[0].extract_text().split())
    assert "No tolerated session yet" in page_one and "the pain limit (5/10)" in page_one
    assert "your" not in page_one.lower() and "Check-ins page" not in page_one


def test_a_period_asked_from_before_anything_was_logged_starts_on_the_first_day_and_says_so(ctx):
    # QA: a year asked over six weeks of logging read "1.5 sessions per week" (half the truth) and drew half-empty
    # charts; a doctor would have read the patient as half as adherent as they were.
    first = fill_weeks(ctx, end=TODAY, weeks=6)
    asked = build_report(ctx, start=TODAY - timedelta(days=364), end=TODAY, regions=("lower_back",)).data
    exact = build_report(ctx, start=first, end=TODAY, regions=("lower_back",)).data
    assert asked.start == first and asked.adherence == exact.adherence
    assert asked.headline == exact.headline and asked.outcomes == exact.outcomes
    assert asked.period_text.endswith(
        f"from the first day logged (the period asked for began {day_text(TODAY - timedelta(days=364))})"
    )
    assert exact.asked_start is None and exact.period_text == range_text(first, TODAY)
    text = pdf_text(report_pdf(ctx, start=TODAY - timedelta(days=364), end=TODAY, regions=("lower_back",)))
    assert "from the first day logged" in text

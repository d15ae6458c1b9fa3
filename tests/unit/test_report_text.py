"""Page 1 of the doctor's report: what each line says, and which requests are refused."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from tracker.describe import describe_entry
from tracker.errors import ValidationError
from tracker.pain import pain_change
from tracker.report import (
    Adherence,
    ChangeLine,
    FlagLine,
    PainLine,
    ReportData,
    check_report_request,
    flag_text,
    pain_text,
    range_text,
    summary,
)
from tracker.trends import Comparison

TODAY = date(2026, 11, 23)


def _report(**overrides) -> ReportData:
    report = ReportData(
        "",
        date(2026, 9, 1),
        date(2026, 11, 23),
        ("lower_back",),
        "kg",
        Adherence(sessions=24, weeks=12, cardio_minutes=360),
    )
    return replace(report, **overrides)


def test_pain_line_names_the_region_both_levels_the_change_and_its_label():
    text = pain_text(PainLine("lower_back", Comparison(pain_change(6.0, 3.5), 14, 0)))
    assert text.startswith("Lower back: Baseline (first 14 days) 6.0 against the last 14 days 3.5")
    assert text.endswith("clinically important improvement.")


def test_a_small_change_is_called_no_clear_change():
    assert pain_text(PainLine("left_knee", Comparison(pain_change(5.0, 4.5), 14, 0))).endswith("no clear change.")


def test_a_region_with_too_few_rated_days_says_so():
    text = pain_text(PainLine("neck", Comparison(None, 14, 20)))
    assert text == "Neck: too few days rated in this period to compare (it takes 28)"


def test_a_flag_seen_on_many_days_lists_only_the_latest():
    days = tuple(date(2026, 10, d) for d in range(1, 8))
    text = flag_text(FlagLine("Very high lower back pain", days))
    assert text == "Very high lower back pain: 7 days (latest 7 Oct 2026, 6 Oct 2026, 5 Oct 2026)"


def test_range_is_given_in_weeks_once_it_is_long():
    assert range_text(date(2026, 9, 1), date(2026, 11, 23)) == "1 Sep 2026 to 23 Nov 2026 (12 weeks)"
    assert range_text(date(2026, 11, 20), date(2026, 11, 23)) == "20 Nov 2026 to 23 Nov 2026 (4 days)"


def test_summary_has_every_block_in_order_with_adherence_per_week():
    report = _report(
        changes=(ChangeLine(date(2026, 10, 2), "Leg press: try goblet squat"),),
        peg=((date(2026, 9, 7), 6.0), (date(2026, 11, 16), 4.33)),
    )
    sections = {s.title.split(" ")[0]: s.lines for s in summary(report)}
    assert list(sections) == ["Daily", "Weekly", "Tolerated", "Adherence", "Changes", "Red"]
    assert sections["Adherence"] == ("24 sessions, 2 per week", "Cardio: 360 minutes in all, about 30 per week")
    assert sections["Changes"] == ("2 Oct 2026: Leg press: try goblet squat",)
    assert "6.0;" in sections["Weekly"][0] and "4.3 (0-10" in sections["Weekly"][0]  # both to one decimal
    assert sections["Red"] == ("None in this range.",)


def test_an_empty_report_knows_it_is_empty():
    assert _report(adherence=Adherence(0, 12, 0)).empty
    assert not _report().empty


def test_report_request_refuses_reversed_future_and_regionless_requests():
    with pytest.raises(ValidationError) as caught:
        check_report_request(date(2026, 11, 1), date(2026, 10, 1), [], today=TODAY)
    assert set(caught.value.errors) == {"end", "regions"}
    with pytest.raises(ValidationError) as caught:
        check_report_request(date(2026, 11, 1), date(2026, 12, 1), ["lower_back"], today=TODAY)
    assert "in the future" in caught.value.errors["end"]
    assert check_report_request(date(2026, 11, 1), TODAY, ["neck"], today=TODAY) == (
        date(2026, 11, 1),
        TODAY,
        ("neck",),
    )


def test_the_log_groups_identical_sets_in_a_row():
    sets = [(40.0, 10), (40.0, 10), (40.0, 10), (45.0, 8), (None, 12), (None, 12)]
    assert describe_entry("Leg press", sets, None, None, "kg", compact=True) == (
        "Leg press: 3 × 10 at 40 kg, 1 × 8 at 45 kg, 2 × 12 reps"
    )
    assert describe_entry("Leg press", sets[:2], None, None, "lb") == "Leg press: 88.2 lb × 10, 88.2 lb × 10"


def test_a_range_under_a_week_and_a_single_peg_read_as_what_they_are():
    report = _report(adherence=Adherence(3, 5 / 7, 42), peg=((date(2026, 11, 16), 2.33),))
    sections = {s.title.split(" ")[0]: s.lines for s in summary(report)}
    assert sections["Adherence"] == ("3 sessions in 5 days", "Cardio: 42 minutes in all")
    assert sections["Weekly"] == ("Week of 16 Nov 2026: 2.3 (0-10, lower is better; one score so far)",)

"""Page 1's function goals, PGIC, medication and sleep: the values and the words a doctor reads."""

from __future__ import annotations

from datetime import date, datetime

from tracker.medication import Dose, Regular
from tracker.pgic import PgicRecord
from tracker.report_health import (
    NO_MEDICATION,
    activity_text,
    average_text,
    change_lines,
    function_summary,
    medication_lines,
    medication_summary,
    pgic_lines,
    sleep_summary,
    sleep_text,
)

START, END = date(2026, 11, 1), date(2026, 11, 28)


def test_psfs_keeps_only_ratings_inside_the_range_and_an_activity_rated_once_has_no_change():
    summary = function_summary(
        [
            ("Stairs", None, [(date(2026, 10, 20), 1), (date(2026, 11, 2), 3), (date(2026, 11, 27), 6)]),
            ("Film", None, [(date(2026, 11, 27), 4)]),
            ("Garden", None, [(date(2026, 10, 1), 2)]),
        ],
        START,
        END,
    )
    assert summary is not None
    assert [(a.activity, a.first[1], a.latest[1], a.change) for a in summary.activities] == [
        ("Stairs", 3, 6, 3),
        ("Film", 4, 4, None),
    ]
    assert activity_text(summary.activities[1]) == "Film: 4 (27 Nov 2026), rated once in this period"
    assert (summary.first_average, summary.latest_average, summary.average_change) == (3.0, 6.0, 3.0)
    assert average_text(summary).startswith("Average of the activity rated twice or more: 3.0 → 6.0, +3.0")


def test_psfs_none_when_nothing_was_rated_in_the_range():
    assert function_summary([("Stairs", None, [(date(2026, 10, 1), 2)])], START, END) is None


def test_psfs_three_points_on_one_activity_and_two_on_the_average_are_clinically_important_either_way():
    def one(first: int, latest: int) -> str:
        summary = function_summary([("Stairs", None, [(START, first), (END, latest)])], START, END)
        assert summary is not None
        return activity_text(summary.activities[0])

    assert one(2, 5) == "Stairs: 2 (1 Nov) → 5 (28 Nov 2026), +3: clinically important improvement"
    assert one(6, 3).endswith("-3: clinically important worsening")
    assert one(2, 4).endswith("+2: less than the 3 points that count as clinically important")
    two = function_summary([("A", None, [(START, 2), (END, 4)]), ("B", None, [(START, 3), (END, 5)])], START, END)
    assert two is not None and two.average_important
    assert average_text(two).endswith("+2.0: clinically important improvement")
    near = function_summary([("A", None, [(START, 2), (END, 4)]), ("B", None, [(START, 3), (END, 4)])], START, END)
    assert near is not None and near.average_change == 1.5 and not near.average_important


def test_psfs_a_retired_activity_says_when_it_was_retired():
    summary = function_summary([("Run", date(2026, 11, 20), [(START, 2)])], START, END)
    assert summary is not None
    assert activity_text(summary.activities[0]).startswith("Run [retired 20 Nov 2026]: 2 (1 Nov 2026)")


def test_pgic_latest_first_with_its_date_then_at_most_three_earlier():
    answers = [PgicRecord(date(2026, month, 1), score) for month, score in ((7, 5), (8, 4), (9, 4), (10, 3), (11, 2))]
    assert pgic_lines(answers) == (
        "Much improved (2 on the 1-7 scale), answered 1 Nov 2026",
        "Earlier in this period: a little improved (1 Oct 2026), no change (1 Sep 2026), no change (1 Aug 2026) "
        "and 1 more",
    )
    assert pgic_lines(answers[-1:]) == ("Much improved (2 on the 1-7 scale), answered 1 Nov 2026",)


def test_medication_in_the_range_with_its_changes_and_as_needed_doses_per_week():
    regulars = [
        Regular("Naproxen", 250, "mg", date(2026, 9, 1), date(2026, 11, 9)),
        Regular("Naproxen", 500, "mg", date(2026, 11, 10)),
        Regular("Codeine", 30, "mg", date(2026, 6, 1), date(2026, 10, 31)),
    ]
    doses = [
        Dose("Paracetamol" if d % 2 else "paracetamol ", 500 * (1 + d % 2), "mg", datetime(2026, 11, d, 9))
        for d in (3, 4, 10, 17)
    ]
    m = medication_summary(regulars, doses, START, END)
    assert medication_lines(m) == (
        "Naproxen 250 mg, regular: 1 Sep 2026 to 9 Nov 2026",
        "Naproxen 500 mg, regular: since 10 Nov 2026, still taken",
        "Paracetamol, as needed: 4 doses, 1.0 a week (500 mg or 1000 mg a dose)",
    )
    assert change_lines(m) == ("10 Nov 2026: Naproxen: dose changed from 250 mg to 500 mg",)


def test_medication_none_recorded_is_one_line_and_a_short_range_counts_doses_in_days():
    assert medication_lines(medication_summary([], [], START, END)) == (NO_MEDICATION,)
    short = medication_summary([], [Dose("Ibuprofen", 200, "mg", datetime(2026, 11, 2, 8))], START, date(2026, 11, 3))
    assert medication_lines(short) == ("Ibuprofen, as needed: 1 dose in 3 days (200 mg each)",)


def test_sleep_average_of_the_rated_mornings_or_nothing():
    assert sleep_summary([]) is None
    summary = sleep_summary([7, 4, 6])
    assert summary is not None and (summary.nights, summary.average) == (3, 5.7)
    assert sleep_text(summary) == "Average 5.7 out of 10 over 3 mornings rated (0 = very poor, 10 = very good)"

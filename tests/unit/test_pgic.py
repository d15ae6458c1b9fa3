"""Global impression of change (PGIC): seven answers in words, checked, asked monthly."""

from datetime import date, timedelta

import pytest

from tracker.errors import ValidationError
from tracker.pgic import LABELS, check_pgic, is_due

TODAY = date(2026, 3, 1)


def test_pgic_has_seven_answers_from_very_much_improved_to_very_much_worse() -> None:
    assert list(LABELS) == [1, 2, 3, 4, 5, 6, 7]
    assert (LABELS[1], LABELS[4], LABELS[7]) == ("Very much improved", "No change", "Very much worse")


@pytest.mark.parametrize(("score", "says"), [(0, "from 1 to 7"), (8, "from 1 to 7"), (2.5, "whole"), (None, "missing")])
def test_pgic_answer_outside_1_to_7_is_refused(score: object, says: str) -> None:
    with pytest.raises(ValidationError) as caught:
        check_pgic({"day": TODAY, "score": score}, today=TODAY)
    assert says in caught.value.errors["score"] and "Overall change" in caught.value.errors["score"]


def test_pgic_answer_reads_as_words() -> None:
    assert check_pgic({"day": TODAY, "score": 2}, today=TODAY).label == "Much improved"


def test_pgic_is_due_a_month_after_starting_then_a_month_after_each_answer() -> None:
    assert not is_due(TODAY - timedelta(days=10), None, today=TODAY)
    assert is_due(TODAY - timedelta(days=30), None, today=TODAY)
    assert not is_due(TODAY - timedelta(days=300), TODAY - timedelta(days=29), today=TODAY)
    assert is_due(TODAY - timedelta(days=300), TODAY - timedelta(days=30), today=TODAY)

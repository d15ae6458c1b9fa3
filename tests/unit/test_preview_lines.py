"""The command line's import preview: what it says about sessions already stored and about exercises."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from services.import_preview import Preview
from services.import_regions import RegionChange, preview_note
from terminal.preview import preview_lines


def _preview(already: int) -> Preview:
    return Preview(
        sessions=4,
        sets=12,
        first=date(2026, 10, 1),
        last=date(2026, 10, 9),
        exercises=(),
        unit="kg",
        unit_from_file=True,
        with_pain=4,
        already_stored=already,
    )


def test_a_file_stored_before_is_said_to_add_no_sessions() -> None:
    text = "\n".join(preview_lines(_preview(4)))
    assert "All 4 sessions in this file are already in your data: importing it adds no sessions" in text


def test_a_partly_stored_file_names_what_it_adds() -> None:
    assert "3 of these 4 sessions are already in your data and left alone; importing adds the other 1." in (
        preview_lines(_preview(3))
    )


def test_no_exercise_heading_without_exercises_and_no_stored_note_for_a_new_file() -> None:
    text = "\n".join(preview_lines(_preview(0)))
    assert "Exercises (" not in text and "already in your data" not in text


def test_regions_the_import_would_start_tracking_are_a_note_after_the_counts() -> None:
    lines = preview_lines(
        replace(
            _preview(0),
            regions_note=preview_note(RegionChange(("lower_back", "neck", "right_knee"), ("neck", "right_knee"))),
        )
    )
    assert lines[-1].startswith("Note: This file rates pain in the neck and right knee, which you do not track yet")
    assert "adds them to your tracked regions" in lines[-1] and "cli.py settings --regions" in lines[-1]
    assert not any(line.startswith("Note:") for line in preview_lines(_preview(0)))


def test_a_file_of_one_day_gives_that_day_once() -> None:
    one_day = replace(_preview(0), last=date(2026, 10, 1))
    assert preview_lines(one_day)[0] == "4 sessions with 12 sets, on 2026-10-01."
    assert preview_lines(_preview(0))[0] == "4 sessions with 12 sets, 2026-10-01 to 2026-10-09."

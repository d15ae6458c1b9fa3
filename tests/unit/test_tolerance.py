"""The tolerated level per exercise: robust to one short or one lucky day, and the words said about it."""

from __future__ import annotations

from datetime import date, timedelta

from tracker.threshold import Status, Work
from tracker.tolerance import Effort, LevelChange, effort_of, effort_text, level_change, levels
from tracker.tolerance_text import change_line, headline

D0 = date(2026, 3, 2)
WINDOW = 28


def press(day: int, load: float, reps: int = 12, status: Status = Status.TOLERATED) -> Effort:
    """A leg press session `day` days after D0."""
    return Effort(D0 + timedelta(days=day), "Leg press", "strength", status, load, reps)


def walk(day: int, minutes: float, status: Status = Status.TOLERATED) -> Effort:
    """A treadmill walk `day` days after D0."""
    return Effort(D0 + timedelta(days=day), "Treadmill walk", "cardio", status, minutes=minutes)


def level_on(efforts: list[Effort], day: int) -> float | None:
    found = [lv for lv in levels(efforts, WINDOW) if lv.day == D0 + timedelta(days=day)]
    return found[0].effort.value if found else None


def test_a_day_with_only_a_short_warm_up_does_not_read_as_a_drop():
    efforts = [walk(0, 45), walk(3, 50), walk(7, 48), walk(10, 10)]
    assert level_on(efforts, 10) == 48


def test_one_lucky_day_does_not_raise_the_level_but_reaching_it_twice_does():
    efforts = [press(0, 60), press(3, 60), press(7, 80)]
    assert level_on(efforts, 7) == 60
    assert level_on([*efforts, press(10, 80)], 10) == 80


def test_sessions_over_the_limit_or_worse_next_morning_never_set_the_level():
    efforts = [press(0, 60), press(3, 62.5), press(5, 90, status=Status.OVER), press(7, 90, status=Status.WORSE)]
    assert level_on(efforts, 3) == 60
    assert [lv.day for lv in levels(efforts, WINDOW)] == [D0, D0 + timedelta(days=3)]


def test_a_level_shows_from_the_first_tolerated_session_on():
    assert level_on([press(0, 60)], 0) == 60
    assert level_on([press(0, 60), press(2, 65)], 2) == 60


def test_old_sessions_leave_the_window():
    efforts = [press(0, 80), press(2, 80), press(40, 60), press(42, 60)]
    assert level_on(efforts, 42) == 60


def test_at_the_same_load_more_reps_is_the_higher_level():
    efforts = [press(0, 60, 10), press(3, 60, 12), press(5, 60, 12)]
    (last,) = [lv for lv in levels(efforts, WINDOW) if lv.day == D0 + timedelta(days=5)]
    assert effort_text(last.effort, "kg") == "60 kg × 12"


def test_the_change_compares_the_level_after_the_opening_weeks_with_the_last_one():
    efforts = [press(d, 60 + d // 14 * 5) for d in range(0, 112, 3)]
    change = level_change(levels(efforts, WINDOW), D0, D0 + timedelta(days=111), WINDOW)
    assert change is not None
    assert change.first.day <= D0 + timedelta(days=WINDOW - 1)
    assert (change.first.effort.value, change.last.effort.value) == (65, 95)
    assert change.percent == 46.2 and change.direction(5) == 1


def test_a_range_starting_before_the_exercise_opens_where_its_levels_do():
    # Six months of logging seen as "last 12 months" and as "all time": the same weeks open both, so Progress and
    # the report (which starts on the first day) say the same change. Anchored at the range's start, the opening
    # window held no level and the first session (8 reps, reached once) stood in for the start.
    efforts = [press(200, 40, 8)] + [press(d, 40 + (d - 200) // 28 * 5, 12) for d in range(202, 370, 3)]
    found = levels(efforts, WINDOW)
    end = D0 + timedelta(days=369)
    early = level_change(found, D0, end, WINDOW)
    from_first = level_change(found, D0 + timedelta(days=200), end, WINDOW)
    assert early is not None and early == from_first
    assert effort_text(early.first.effort, "kg") == "40 kg × 12"
    assert early.first.day > D0 + timedelta(days=202)


def test_a_range_within_the_history_still_opens_at_its_start():
    efforts = [press(d, 60 + d // 14 * 5) for d in range(0, 112, 3)]
    found = levels(efforts, WINDOW)
    change = level_change(found, D0 + timedelta(days=50), D0 + timedelta(days=111), WINDOW)
    assert change is not None
    assert change.first.day <= D0 + timedelta(days=50 + WINDOW - 1)
    assert change.first.day > D0 + timedelta(days=50 + WINDOW - 4)


def test_one_day_with_a_level_is_no_change_yet():
    assert level_change(levels([press(0, 60)], WINDOW), D0, D0 + timedelta(days=30), WINDOW) is None


def test_a_clinician_reads_loads_as_weight_times_reps_and_cardio_as_minutes():
    efforts = [press(0, 60), press(2, 60), press(30, 77.5), press(32, 77.5)]
    change = level_change(levels(efforts, WINDOW), D0, D0 + timedelta(days=32), WINDOW)
    assert change is not None
    assert change_line(change, "kg", 5) == "Leg press: 60 kg × 12 → 77.5 kg × 12 within the pain limit (+29%)"
    assert effort_text(walk(0, 26), "kg") == "26 min"
    assert effort_text(Effort(D0, "Plank", "strength", Status.TOLERATED, None, 15), "kg") == "15 reps"


def changes_of(efforts: list[Effort]) -> list[LevelChange]:
    """Each exercise's change over the 33 days from D0."""
    found = levels(efforts, WINDOW)
    names = dict.fromkeys(e.exercise for e in efforts)
    end = D0 + timedelta(days=32)
    return [c for name in names if (c := level_change([lv for lv in found if lv.exercise == name], D0, end, WINDOW))]


def test_the_headline_gives_one_number_when_every_main_exercise_moved_the_same_way():
    efforts = [press(0, 60), press(2, 60), press(30, 72), press(32, 72)]
    efforts += [walk(0, 20), walk(2, 20), walk(30, 26), walk(32, 26)]
    assert (
        headline(changes_of(efforts), 5, "kg")
        == "Tolerated work is up 25% since 4 Mar 2026 across the 2 exercises charted"
    )


def test_the_headline_names_each_exercise_when_they_moved_apart():
    efforts = [press(0, 60), press(2, 60), press(30, 72), press(32, 72)]
    efforts += [walk(0, 30), walk(2, 30), walk(30, 20), walk(32, 20)]
    assert headline(changes_of(efforts), 5, "kg") == (
        "Since 4 Mar 2026, tolerated work rose for Leg press (+20%); fell for Treadmill walk (-33%)"
    )


def test_before_any_tolerated_session_the_headline_says_what_makes_one_count():
    assert headline([], 5, "kg", pending=1) == (
        "1 recent session is waiting for the next-morning rating; if it settles, it counts as tolerated work."
    )
    assert "at or below the pain limit (4/10)" in headline([], 5, "kg", limit=4)


def test_the_effort_of_a_session_is_its_heaviest_set_with_its_reps():
    work = Work(D0, "Leg press", "strength", ((50.0, 12), (60.0, 10), (60.0, 8), (None, 20)), None, 3, None)
    effort = effort_of(work, limit=5)
    assert (effort.load, effort.reps, effort.status) == (60.0, 10, Status.PENDING)


def test_weeks_of_attempts_over_the_limit_do_not_leave_one_short_day_as_the_level():
    efforts = [walk(0, 26), walk(3, 25), walk(40, 13)]
    efforts += [walk(d, 30, status=Status.OVER) for d in (30, 34, 37)]
    assert level_on(efforts, 40) == 25


def test_before_any_trend_the_headline_names_what_each_exercise_tolerated_and_what_is_still_needed():
    text = headline([], 5, "kg", tolerated=2, so_far=("Leg press 40 kg × 12", "Treadmill walk 25 min"))
    assert text.startswith("Tolerated so far (Leg press 40 kg × 12; Treadmill walk 25 min)")
    assert text.endswith("; no trend yet: a level counts once reached on a second tolerated day.")


def test_the_headline_speaks_about_the_data_so_the_person_and_their_doctor_read_the_same_words():
    efforts = [press(0, 60), press(2, 60), press(30, 72), press(32, 72)]
    efforts += [walk(0, 20), walk(2, 20), walk(30, 26), walk(32, 26)]
    texts = [
        headline([], 5, "kg", pending=2),
        headline([], 5, "kg", limit=4),
        headline(changes_of(efforts), 5, "kg"),
    ]
    assert texts[0] == (
        "2 recent sessions are waiting for the next-morning rating; each one that settles counts as tolerated work."
    )
    assert "at or below the pain limit (4/10) and pain on waking" in texts[1]
    assert texts[2] == "Tolerated work is up 25% since 4 Mar 2026 across the 2 exercises charted"
    for text in texts:
        assert not {"your", "you", "page"} & set(text.lower().replace(";", " ").replace(":", " ").split())


def test_more_reps_at_the_same_load_reads_as_a_rise_not_as_no_change():
    # 40 kg × 8 → 40 kg × 12 is half as much work again; the load's percent alone said "+0%, about the same".
    gained = [press(0, 40, 8), press(2, 40, 8), press(30, 40, 12), press(32, 40, 12)]
    (change,) = changes_of(gained)
    assert change.percent == 0 and change.more_reps == 4 and change.direction(5) == 1
    assert change_line(change, "kg", 5) == (
        "Leg press: 40 kg × 8 → 40 kg × 12 within the pain limit (same load, 4 more reps)"
    )
    assert headline([change], 5, "kg") == (
        "Tolerated work on Leg press is up since 4 Mar 2026 (40 kg × 8 → 40 kg × 12: same load, 4 more reps)"
    )
    # Beside an exercise whose percent rose, no mean percent stands for both: each is named with its own change.
    both = changes_of([*gained, *(walk(d, m) for d, m in ((0, 20), (2, 20), (30, 26), (32, 26)))])
    assert headline(both, 5, "kg") == (
        "Since 4 Mar 2026, tolerated work rose for Leg press (same load, 4 more reps) and Treadmill walk (+30%)"
    )


def test_fewer_reps_at_the_same_load_reads_as_a_fall_and_one_rep_is_singular():
    (change,) = changes_of([press(0, 40, 12), press(2, 40, 12), press(30, 40, 11), press(32, 40, 11)])
    assert change.direction(5) == -1
    assert change_line(change, "kg", 5).endswith("(same load, 1 fewer rep)")


def test_a_small_step_in_load_with_more_reps_reads_as_a_rise_with_both_said():
    # 62.5 kg is 4% over 60 kg, under the 5% that counts as a change on its own; with 4 more reps it is more work,
    # and reads no weaker than more reps at the very same load.
    (change,) = changes_of([press(0, 60, 8), press(2, 60, 8), press(30, 62.5, 12), press(32, 62.5, 12)])
    assert change.direction(5) == 1
    assert change_line(change, "kg", 5).endswith("(+4%, 4 more reps)")
    # Load and reps moving apart inside the band say nothing clear: about the same, by the load.
    (mixed,) = changes_of([press(0, 60, 12), press(2, 60, 12), press(30, 62.5, 8), press(32, 62.5, 8)])
    assert mixed.direction(5) == 0
    assert change_line(mixed, "kg", 5).endswith("(+4%)")


def test_a_heavier_load_at_fewer_reps_is_still_read_by_its_load():
    # Double progression: after a step up in load the reps start again at the bottom of the range.
    (change,) = changes_of([press(0, 60, 12), press(2, 60, 12), press(30, 65, 8), press(32, 65, 8)])
    assert not change.reps_say_more(5) and change.direction(5) == 1
    assert change_line(change, "kg", 5).endswith("(+8%)")

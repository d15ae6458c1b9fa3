"""Function goals, medication and sleep as the Progress page reads them: one range, words that match the numbers."""

from __future__ import annotations

from datetime import timedelta

from services.checkins import record_morning
from services.function_goals import add_goal, function_goals, rate_goals
from services.health_progress import goals_picture
from services.medication import add_regular, change_dose, log_dose, medication
from services.progress import progress_data
from tests.factories import NOW
from tracker.advice import day_text

TODAY = NOW.date()
START = TODAY - timedelta(days=60)


def _rate(ctx, day, *scores):
    ids = [g.id for g in function_goals(ctx, today=TODAY).active]
    rate_goals(ctx, day, dict(zip(ids, scores, strict=True)), today=TODAY)


def _goals(ctx):
    for name in ("Climb stairs", "Carry shopping", "Sit through a film"):
        add_goal(ctx, {"activity": name, "created_on": START}, today=TODAY)


def test_psfs_on_progress_says_how_far_the_average_and_each_activity_moved_within_the_range(ctx):
    _goals(ctx)
    _rate(ctx, START, 2, 4, 6)  # 4.0
    _rate(ctx, START + timedelta(days=14), 4, 4, 6)
    _rate(ctx, START + timedelta(days=28), 6, 5, 6)  # 5.7: +1.7 on the average, +4 on the stairs
    health = progress_data(ctx, start=START, end=TODAY).health
    assert health.psfs.activities == ("Climb stairs", "Carry shopping", "Sit through a film")
    assert health.psfs.baseline == 4.0
    assert health.psfs.words == (
        f"Since {day_text(START)} the average moved +1.7 points, within the usual day-to-day "
        "wobble. Moved 3 points or more on their own: Climb stairs +4."
    )
    later = progress_data(ctx, start=START + timedelta(days=10), end=TODAY).health.psfs
    assert later.baseline == 4.7 and "+1.0 points" in later.words, "the range starts the comparison"


def test_psfs_chart_on_the_function_goals_page_uses_every_round(ctx):
    _goals(ctx)
    _rate(ctx, START, 2, 3, 4)
    _rate(ctx, START + timedelta(days=14), 5, 6, 7)
    picture = goals_picture(function_goals(ctx, today=TODAY))
    assert "+3.0 points, a change large enough to matter (better)" in picture.words
    assert len(picture.rows) == 8  # 3 activities and the average, twice
    assert picture.rows["important"].sum() == 4


def test_psfs_with_one_round_asks_for_another_and_draws_no_band(ctx):
    _goals(ctx)
    _rate(ctx, START, 2, 3, 4)
    psfs = progress_data(ctx, start=START, end=TODAY).health.psfs
    assert psfs.baseline is None
    assert psfs.words.startswith(f"One rating round so far ({day_text(START)}, average 3)")


def test_medication_changes_spans_and_weekly_doses_for_the_pain_trend(ctx):
    record_morning(ctx, START + timedelta(days=1), {"lower_back": 4}, today=TODAY)
    add_regular(ctx, {"name": "Naproxen", "dose": 500, "unit": "mg", "start": START - timedelta(days=30)}, today=TODAY)
    ((med_id, _),) = medication(ctx).current
    change_dose(ctx, med_id, {"dose": 250, "start": START + timedelta(days=20)}, today=TODAY)
    for days_ago in (2, 3, 40):
        log_dose(ctx, {"name": "Paracetamol", "dose": 1000, "unit": "mg", "taken_at": NOW - timedelta(days=days_ago)})
    health = progress_data(ctx, start=START, end=TODAY).health
    changed = START + timedelta(days=20)
    assert health.medication_line == (
        f"Medication changes in this period: {day_text(changed)} Naproxen: dose changed from 500 mg to 250 mg."
    )
    rows = health.pain_medication
    spans = rows[rows["layer"] == "regular"]
    assert list(spans["medication"]) == ["Naproxen 500 mg (regular)", "Naproxen 250 mg (regular)"]
    assert spans["period"].min().date() == START, "a span that began before the range starts at its first day"
    assert (rows["layer"] == "dose").sum() == 3
    assert health.dose_counts["doses"].sum() == 3


def test_medication_absent_leaves_the_pain_trend_alone(ctx):
    record_morning(ctx, START + timedelta(days=1), {"lower_back": 4}, today=TODAY)
    health = progress_data(ctx, start=START, end=TODAY).health
    assert health.pain_medication.empty and health.dose_counts.empty and health.medication_line == ""


def test_sleep_over_the_range_and_what_helps_says_how_many_more_nights_are_needed(ctx):
    for i, (sleep, pain) in enumerate([(8, 2), (7, 3), (9, 2), (3, 6)]):
        record_morning(ctx, START + timedelta(days=i), {"lower_back": pain}, today=TODAY, sleep=sleep)
    health = progress_data(ctx, start=START, end=TODAY).health
    assert health.sleep["nights"].sum() == 4
    assert health.sleep_line == (
        "Sleep: needs 2 more poorer nights, each rated at the morning check-in on a day with a pain rating."
    )
    for i, sleep in enumerate([2, 4], start=4):
        record_morning(ctx, START + timedelta(days=i), {"lower_back": 6}, today=TODAY, sleep=sleep)
    line = progress_data(ctx, start=START, end=TODAY).health.sleep_line
    assert line.startswith("Sleep: pain 2.3 on 3 days after a good night (6/10 or better), 6.0 on 3 days")


def test_sleep_not_rated_adds_nothing(ctx):
    record_morning(ctx, START, {"lower_back": 3}, today=TODAY)
    health = progress_data(ctx, start=START, end=TODAY).health
    assert health.sleep.empty and health.sleep_line == ""

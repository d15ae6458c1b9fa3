"""Next-morning check-ins, PEG-3 and pressure thresholds."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from services.checkins import due_today, record_checkin, record_peg, record_pressure
from services.profiles import save_settings
from tests.factories import NOW, create_session
from tracker.errors import ValidationError

TODAY = NOW.date()


def test_checkin_links_to_yesterdays_session_and_clears_the_reminder(ctx):
    sid = create_session(ctx, when=NOW - timedelta(days=1))
    assert [s for s, _ in due_today(ctx, today=TODAY).checkin_sessions] == [sid]
    linked = record_checkin(ctx, {"day": TODAY, "region": "lower_back", "pain": 2}, today=TODAY)
    assert linked == sid
    assert due_today(ctx, today=TODAY).checkin_sessions == []


def test_a_morning_rated_in_one_of_two_regions_says_which_region_still_waits(ctx):
    save_settings(ctx, {"unit": "kg", "pain_limit": 5, "regions": ["lower_back", "right_knee"]})
    create_session(ctx, when=NOW - timedelta(days=1))
    assert due_today(ctx, today=TODAY).still_to_rate() is None  # nothing rated yet: the plain question
    record_checkin(ctx, {"day": TODAY, "region": "right_knee", "pain": 2}, today=TODAY)
    due = due_today(ctx, today=TODAY)
    assert due.missing_regions == ["lower_back"] and due.checkin_sessions
    assert due.still_to_rate() == (
        "This morning's pain is rated for the right knee; the lower back still waits for a rating on waking. "
        "Each region shows for itself how yesterday's session settled."
    )
    record_checkin(ctx, {"day": TODAY, "region": "lower_back", "pain": 3}, today=TODAY)
    assert due_today(ctx, today=TODAY).checkin_sessions == []


def test_no_reminder_without_a_session_yesterday(ctx):
    create_session(ctx, when=NOW - timedelta(days=3))
    assert due_today(ctx, today=TODAY).checkin_sessions == []


def test_second_checkin_the_same_morning_corrects_the_first(ctx, db):
    record_checkin(ctx, {"day": TODAY, "region": "lower_back", "pain": 6}, today=TODAY)
    record_checkin(ctx, {"day": TODAY, "region": "lower_back", "pain": 3}, today=TODAY)
    from db import queries

    with db.read() as s:
        frame = queries.checkins(s, ctx.owner_id)
    assert frame["pain"].tolist() == [3]


def test_peg_score_is_the_mean_of_three_items_and_is_due_weekly(ctx):
    assert due_today(ctx, today=TODAY).peg_due
    assert record_peg(ctx, {"day": TODAY, "pain": 6, "enjoyment": 5, "activity": 4}, today=TODAY) == 5.0
    assert not due_today(ctx, today=TODAY + timedelta(days=6)).peg_due
    assert due_today(ctx, today=TODAY + timedelta(days=7)).peg_due


def test_pressure_threshold_keeps_the_mean_of_three_trials(ctx):
    mean = record_pressure(
        ctx, {"day": TODAY, "site": "Left knee, medial", "trial1": 3.0, "trial2": 3.5, "trial3": 4.0}, today=TODAY
    )
    assert mean == 3.5


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ({"day": TODAY, "region": "lower_back", "pain": 11}, "pain"),
        ({"day": TODAY + timedelta(days=1), "region": "lower_back", "pain": 2}, "day"),
        ({"day": date(1899, 12, 31), "region": "lower_back", "pain": 2}, "day"),
        ({"day": TODAY, "region": "elbow", "pain": 2}, "region"),
    ],
)
def test_bad_checkin_is_refused(ctx, raw, field):
    with pytest.raises(ValidationError) as caught:
        record_checkin(ctx, raw, today=TODAY)
    assert field in caught.value.errors


def test_morning_checkin_for_two_regions_is_all_or_nothing(ctx, db):
    from db import queries
    from services.checkins import record_morning

    with pytest.raises(ValidationError) as caught:
        record_morning(ctx, TODAY, {"lower_back": 3, "left_knee": 12}, today=TODAY)
    assert set(caught.value.errors) == {"pain.left_knee"}
    record_morning(ctx, TODAY, {"lower_back": 3, "left_knee": 1}, today=TODAY)
    with db.read() as s:
        assert sorted(queries.checkins(s, ctx.owner_id)["region"]) == ["left_knee", "lower_back"]

"""Function goals (PSFS) and the global impression of change (PGIC) through the services, on both databases."""

from __future__ import annotations

from datetime import timedelta

import pytest

from services.function_goals import add_goal, function_goals, rate_goals, retire_goal
from services.pgic import pgic_status, record_pgic
from services.profiles import get_settings, save_settings
from tests.factories import NOW, create_session
from tracker.errors import NotFoundError, ValidationError

TODAY = NOW.date()


def _goals(ctx, *names):
    for name in names:
        add_goal(ctx, {"activity": name}, today=TODAY - timedelta(days=30))
    return {g.activity: g.id for g in function_goals(ctx, today=TODAY).active}


def test_psfs_two_rounds_give_averages_and_the_change_between_them(ctx):
    ids = _goals(ctx, "Climb two flights of stairs", "Carry shopping home", "Sit through a film")
    assert function_goals(ctx, today=TODAY).due  # nothing rated yet
    rate_goals(ctx, TODAY - timedelta(days=20), {ids["Climb two flights of stairs"]: 2, ids["Carry shopping home"]: 3,
                                                 ids["Sit through a film"]: 4}, today=TODAY)  # fmt: skip
    late = rate_goals(ctx, TODAY, {i: 6 for i in ids.values()}, today=TODAY)
    goals = function_goals(ctx, today=TODAY)
    assert [r.average for r in goals.rounds] == [3.0, 6.0] and late.average == 6.0
    assert goals.change is not None and goals.change.important and goals.change.points == 3.0
    assert goals.active[0].ratings == ((TODAY - timedelta(days=20), 2), (TODAY, 6))
    assert not goals.due and goals.next_due == TODAY + timedelta(days=14)
    assert function_goals(ctx, today=TODAY + timedelta(days=14)).due


def test_psfs_rating_twice_the_same_day_keeps_the_second(ctx):
    ids = _goals(ctx, "Garden for an hour")
    rate_goals(ctx, TODAY, {ids["Garden for an hour"]: 3}, today=TODAY)
    rate_goals(ctx, TODAY, {ids["Garden for an hour"]: 5}, today=TODAY)
    assert function_goals(ctx, today=TODAY).active[0].ratings == ((TODAY, 5),)


def test_psfs_retired_activity_keeps_its_history_and_makes_room_for_a_new_one(ctx):
    ids = _goals(ctx, "Stairs", "Shopping", "Film", "Garden", "Drive")
    rate_goals(ctx, TODAY, {ids["Drive"]: 4}, today=TODAY)
    with pytest.raises(ValidationError, match="retire one first"):
        add_goal(ctx, {"activity": "Run for a bus"}, today=TODAY)
    assert retire_goal(ctx, ids["Drive"], today=TODAY) == "Drive"
    add_goal(ctx, {"activity": "Run for a bus"}, today=TODAY)
    goals = function_goals(ctx, today=TODAY)
    assert [g.activity for g in goals.active] == ["Stairs", "Shopping", "Film", "Garden", "Run for a bus"]
    assert [(g.activity, g.retired_on, g.ratings) for g in goals.retired] == [("Drive", TODAY, ((TODAY, 4),))]
    with pytest.raises(NotFoundError):
        rate_goals(ctx, TODAY, {ids["Drive"]: 5}, today=TODAY)  # retired: no longer rated


def test_psfs_bad_rating_writes_nothing(ctx):
    ids = _goals(ctx, "Stairs", "Shopping")
    with pytest.raises(ValidationError) as caught:
        rate_goals(ctx, TODAY, {ids["Stairs"]: 4, ids["Shopping"]: 12}, today=TODAY)
    assert "Rating must be a whole number from 0 to 10" in caught.value.errors[f"score.{ids['Shopping']}"]
    assert function_goals(ctx, today=TODAY).rounds == []
    with pytest.raises(ValidationError, match="before 'Stairs' was added"):
        rate_goals(ctx, TODAY - timedelta(days=40), {ids["Stairs"]: 4}, today=TODAY)


def test_psfs_interval_follows_the_setting(ctx):
    ids = _goals(ctx, "Stairs")
    rate_goals(ctx, TODAY - timedelta(days=7), {ids["Stairs"]: 4}, today=TODAY)
    assert not function_goals(ctx, today=TODAY).due
    settings = get_settings(ctx)
    save_settings(ctx, {"unit": settings.unit, "pain_limit": settings.pain_limit, "regions": list(settings.regions),
                        "rules": {"psfs_interval_days": 7}})  # fmt: skip
    goals = function_goals(ctx, today=TODAY)
    assert goals.interval_days == 7 and goals.due


def test_pgic_is_due_a_month_after_the_first_session_and_an_answer_clears_it(ctx):
    create_session(ctx, when=NOW - timedelta(days=40))
    assert pgic_status(ctx, today=TODAY).due
    assert record_pgic(ctx, {"day": TODAY, "score": 2}, today=TODAY).label == "Much improved"
    record_pgic(ctx, {"day": TODAY, "score": 3}, today=TODAY)  # the same day: replaces
    status = pgic_status(ctx, today=TODAY)
    assert [(a.day, a.label) for a in status.answers] == [(TODAY, "A little improved")] and not status.due
    assert pgic_status(ctx, today=TODAY + timedelta(days=30)).due


def test_pgic_out_of_range_answer_is_refused_and_not_stored(ctx):
    with pytest.raises(ValidationError, match="Overall change"):
        record_pgic(ctx, {"day": TODAY, "score": 8}, today=TODAY)
    assert pgic_status(ctx, today=TODAY).answers == []

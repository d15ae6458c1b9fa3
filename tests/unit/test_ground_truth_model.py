"""The ground-truth simulator itself (tests/ground_truth.py): it must be the history it claims to be."""

from __future__ import annotations

from datetime import datetime, timedelta

from tests.ground_truth import LIMIT, REGION, SCENARIOS, bad_day, flare_up, red_flag_high, rising
from tests.ground_truth_model import Simulated
from tracker.catalog import CATALOG
from tracker.records import check_checkin, check_session
from tracker.session_input import SessionInput

CATEGORIES = {e.name: e.category for e in CATALOG}


def _sessions(history: Simulated) -> list[dict]:
    return [d.session for d in history.days if d.session]


def test_the_same_seed_gives_the_same_history_and_another_seed_another():
    assert rising(1) == rising(1)
    assert rising(1).days != rising(2).days


def test_every_day_passes_the_log_forms_checks():
    for scenario in SCENARIOS:
        history = scenario(1)
        for day in history.days:
            if day.session:
                now = day.session["started_at"] + timedelta(hours=2)
                check_session(SessionInput.from_mapping(day.session), categories=CATEGORIES, unit="kg", now=now)
            for region, pain in (day.morning or {}).items():
                check_checkin({"day": day.day, "region": region, "pain": pain}, today=day.day)


def test_work_within_tolerance_stays_within_the_limit_and_settles_and_work_over_it_does_not():
    history = rising(2)
    mornings = {d.day: d.morning[REGION] for d in history.days if d.morning}
    rises = []
    for day in history.days:
        if day.session is None:
            continue
        pain = day.session["pains"][0]
        morning = mornings.get(day.day + timedelta(days=1))
        rise = None if morning is None else morning - pain["before"]
        if day.over:
            assert pain["during"] > LIMIT or rise is None or rise >= 2
        else:
            assert pain["during"] <= LIMIT and (rise is None or -1 <= rise <= 1)  # the wobble, nothing more
            rises += [] if rise is None else [rise]
    assert len(rises) > 40 and {-1, 0, 1} <= set(rises)


def test_most_sessions_stay_within_the_limit_and_a_few_go_over():
    sessions = _sessions(rising(3))
    over = sum(1 for s in sessions if s["pains"][0]["during"] > LIMIT)
    assert 0 < over <= 0.15 * len(sessions)


def test_episodes_raise_resting_pain_as_named():
    flare = flare_up(1)
    resting = {d.day: d.morning[REGION] for d in flare.days if d.morning}
    assert 2 <= len(flare.truth.episode_days) <= 4
    assert all(resting[day] >= 4 for day in flare.truth.episode_days)
    (bad,) = bad_day(1).truth.episode_days
    assert {d.morning[REGION] for d in bad_day(1).days if d.day == bad and d.morning} <= {6, 7}
    high = red_flag_high(1)
    assert all(d.morning and d.morning[REGION] >= 8 and d.session is None for d in high.days[-5:])
    assert max(datetime.combine(d.day, datetime.min.time()) for d in high.days).date() == high.truth.last

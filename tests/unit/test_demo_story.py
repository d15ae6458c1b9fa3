"""The demo's two years read as someone getting better (issue 13): what a new user sees must be believable.

Most sessions settle by the next morning, flare-ups are a few short ones, the last month is calm (nothing a
doctor would need to hear about), the main machine lifts climb slowly to the top of their rep range, and the
treadmill walks lengthen from about half an hour towards 55 minutes.
"""

from __future__ import annotations

from datetime import date, timedelta
from itertools import accumulate, pairwise
from statistics import median

import pytest

from demo.history import DemoHistory, DemoSession, demo_history
from tracker.pain import DEFAULT_PAIN_LIMIT, Response, next_morning_response
from tracker.rules import DEFAULTS

TODAY = date(2026, 11, 24)
# What "Try with demo data" writes: two years, seed 1, lower back and right knee.
YEARS, REGIONS = 2, ("lower_back", "right_knee")
MAIN_LIFTS = {"Leg press": 5.0, "Chest press machine": 2.5}
"""The main machine lifts and their load step (kg)."""
# A flare-up: resting pain 2 points (a change a person notices) over the median of the 4 weeks before.
FLARE_POINTS, USUAL_DAYS = 2, 28
CALM_DAYS = 30


@pytest.fixture(scope="module")
def the_demo() -> DemoHistory:
    """The demo as a new user gets it (built once: the generator is deterministic)."""
    return demo_history(years=YEARS, seed=1, today=TODAY, regions=REGIONS)


def _over(demo: DemoSession) -> bool:
    return any(p.during is not None and p.during > DEFAULT_PAIN_LIMIT for p in demo.record.pains)


def _settled(demo: DemoSession) -> bool:
    """Within the limit and every region within a point of its pre-session level the next morning."""
    morning = {c.region: c.pain for c in demo.morning}
    return (
        bool(morning)
        and not _over(demo)
        and all(
            next_morning_response(p.before, morning[p.region]) is Response.SETTLED
            for p in demo.record.pains
            if p.before is not None
        )
    )


def _resting(history: DemoHistory, region: str) -> list[tuple[date, int]]:
    """Pain before sessions and on waking, oldest first; a morning after a session over the limit is that
    session's 24-hour response, not resting pain."""
    found = [
        (d.record.started_at.date(), p.before) for d in history.sessions for p in d.record.pains if p.region == region
    ]
    found += [(c.day, c.pain) for d in history.sessions if not _over(d) for c in d.morning if c.region == region]
    return sorted((day, pain) for day, pain in found if pain is not None)


def _flare_ups(history: DemoHistory) -> list[list[date]]:
    """Runs of days (gaps of at most 2) with resting pain FLARE_POINTS over the usual level, in any region."""
    raised: set[date] = set()
    for region in REGIONS:
        readings = _resting(history, region)
        for day, pain in readings:
            usual = [p for d, p in readings if day - timedelta(days=USUAL_DAYS) <= d < day]
            if len(usual) >= 5 and pain - median(usual) >= FLARE_POINTS:
                raised.add(day)
    runs: list[list[date]] = []
    for day in sorted(raised):
        if runs and (day - runs[-1][-1]).days <= 2:
            runs[-1].append(day)
        else:
            runs.append([day])
    return runs


def test_most_sessions_settle_by_the_next_morning(the_demo):
    rated = [d for d in the_demo.sessions if d.morning]
    assert sum(map(_settled, rated)) >= 0.8 * len(rated)


def test_flare_ups_are_a_few_short_ones(the_demo):
    runs = _flare_ups(the_demo)
    assert 1 <= len(runs) <= 3 * YEARS
    assert all((run[-1] - run[0]).days < 3 for run in runs)


def test_the_last_month_is_calm(the_demo):
    since = TODAY - timedelta(days=CALM_DAYS)
    recent = [d for d in the_demo.sessions if d.record.started_at.date() >= since]
    ratings = [x for d in recent for p in d.record.pains for x in (p.before, p.during, p.after) if x is not None]
    ratings += [c.pain for d in recent for c in d.morning]
    assert recent and max(ratings) < DEFAULTS["red_flag_pain"]
    for region in REGIONS:
        readings = _resting(the_demo, region)
        last_two_weeks = [p for d, p in readings if d >= TODAY - timedelta(days=14)]
        before = [p for d, p in readings if TODAY - timedelta(days=42) <= d < TODAY - timedelta(days=14)]
        assert median(last_two_weeks) - median(before) < FLARE_POINTS, region


def test_the_main_machine_lifts_climb_slowly_to_the_top_of_their_range(the_demo):
    for name, step in MAIN_LIFTS.items():
        runs = [(d, e) for d in the_demo.sessions for e in d.record.entries if e.exercise == name]
        loads = [max(s.weight_kg or 0 for s in e.sets) for _, e in runs]
        assert all(10 <= s.reps <= 12 and len(e.sets) == 3 for _, e in runs for s in e.sets), name
        # A new best is at most one step above the last one (a lighter session in a flare may come between).
        assert all(b - a <= step for a, b in pairwise(accumulate(loads, max))), name
        assert loads[0] * 1.4 <= loads[-1] <= loads[0] * 2.5, name
        assert all(s.reps == 12 for _, e in runs[-2:] for s in e.sets), name
        assert all(_settled(d) for d, _ in runs[-3:]), name


def test_treadmill_walks_lengthen_slowly_from_half_an_hour_towards_55_minutes(the_demo):
    walks = [e.minutes for d in the_demo.sessions for e in d.record.entries if e.exercise == "Treadmill walk"]
    assert len(walks) >= 50
    assert sum(30 <= m <= 55 for m in walks if m is not None) >= 0.9 * len(walks)
    first, last = walks[:10], walks[-10:]
    assert max(m or 0 for m in first) <= 35 and min(m or 0 for m in last) >= 45

"""The demo's two years read as someone getting better (issue 13): what a new user sees must be believable.

Most sessions settle by the next morning, flare-ups are a few short ones, the last month is calm (nothing a
doctor would need to hear about), the main machine lifts climb slowly to the top of their rep range, and the
treadmill walks lengthen from about half an hour towards 55 minutes.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime, time, timedelta
from itertools import accumulate, pairwise
from statistics import mean, median

import pytest

from demo.history import DemoHistory, DemoSession, demo_history
from tracker.medication import check_dose, check_regular
from tracker.pain import DEFAULT_PAIN_LIMIT, Response, next_morning_response
from tracker.psfs import MCID_AVERAGE, check_scores
from tracker.rules import DEFAULTS
from tracker.sleep import check_sleep, sleep_and_pain

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


def test_psfs_activities_are_rated_every_two_weeks_in_the_last_year_and_improve_enough_to_matter(the_demo):
    rounds = the_demo.health.ratings
    assert len(the_demo.health.activities) == 3
    assert rounds[0][0] > TODAY - timedelta(days=364), "every round falls in the Progress page's default year"
    assert all((b[0] - a[0]).days == 14 for a, b in pairwise(rounds))
    first, last = (mean(scores) for _, scores in (rounds[0], rounds[-1]))
    assert last - first >= MCID_AVERAGE
    assert all(0 <= s <= 10 for _, scores in rounds for s in scores)
    for day, scores in rounds:
        check_scores(day, dict(enumerate(scores)), today=TODAY)


def test_pgic_is_answered_twice_and_better_the_second_time(the_demo):
    (first_day, first), (last_day, last) = the_demo.health.pgic
    assert first_day < last_day <= TODAY - timedelta(days=14)
    assert last < first, "1 is very much improved: a lower score is better"


def test_medication_regular_dose_is_lowered_once_as_pain_eases(the_demo):
    full, lowered = the_demo.health.regular
    assert (full.name, full.amount, lowered.amount) == ("Naproxen", "500 mg", "250 mg")
    assert lowered.start == full.end + timedelta(days=1) and lowered.end is None
    assert lowered.start > TODAY - timedelta(days=364), "the change shows in the default year"
    for record in (full, lowered):
        check_regular({**asdict(record), "start": record.start, "end": record.end}, today=TODAY)


def test_medication_as_needed_doses_become_rarer_as_the_story_improves(the_demo):
    doses = the_demo.health.doses
    half = TODAY - timedelta(days=365)
    early = sum(d.taken_at.date() < half for d in doses)
    late = len(doses) - early
    assert late > 10, "the last year still has doses for the chart to show"
    assert late < 0.8 * early
    for d in doses:
        check_dose(
            {"name": d.name, "dose": d.dose, "unit": d.unit, "taken_at": d.taken_at},
            now=datetime.combine(TODAY, time.max),
        )


def test_sleep_is_rated_on_check_in_mornings_and_is_better_on_lower_pain_days(the_demo):
    mornings = {c.day for d in the_demo.sessions for c in d.morning}
    nights = dict(the_demo.health.sleep)
    assert set(nights) == mornings
    assert all(check_sleep(q) == q for q in nights.values())
    pain = {c.day: c.pain for d in the_demo.sessions for c in d.morning if c.region == "lower_back"}
    last_year = {day: q for day, q in nights.items() if day > TODAY - timedelta(days=364)}
    result = sleep_and_pain(pain, last_year)
    assert result.enough, "What helps can compare good and poorer nights in the default year"
    assert result.difference is not None and result.difference < 0

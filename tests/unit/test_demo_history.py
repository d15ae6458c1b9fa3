"""The made-up demo history: realistic in shape, legal in every value, the same for the same seed."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from itertools import pairwise
from statistics import fmean

import pytest

from demo.history import DemoHistory, demo_history
from tracker.catalog import CATALOG, by_name
from tracker.records import SessionRecord, check_checkin, check_peg, check_pressure, check_session
from tracker.session_input import EntryInput, PainInput, SessionInput, SetInput

TODAY = date(2026, 11, 24)
REGIONS = ("lower_back", "right_knee")
CATEGORIES = {e.name: e.category for e in CATALOG}


@pytest.fixture(scope="module")
def three_years() -> DemoHistory:
    """Three years for two regions (built once: the generator is deterministic)."""
    return demo_history(years=3, seed=7, today=TODAY, regions=REGIONS)


def _given(record: SessionRecord) -> SessionInput:
    """A generated session as the input the log form would send (kg)."""
    return SessionInput(
        started_at=record.started_at,
        notes=record.notes,
        rpe=record.rpe,
        entries=tuple(
            EntryInput(
                e.exercise,
                sets=tuple(SetInput(s.weight_kg, s.reps) for s in e.sets),
                minutes=e.minutes,
                distance_km=e.distance_km,
                intensity=e.intensity,
            )
            for e in record.entries
        ),
        pains=tuple(PainInput(p.region, p.before, p.during, p.after) for p in record.pains),
    )


def test_every_generated_value_passes_the_same_checks_as_typed_input(three_years):
    now = datetime.combine(TODAY, datetime.min.time())
    for demo in three_years.sessions:
        assert check_session(_given(demo.record), categories=CATEGORIES, unit="kg", now=now) == demo.record
        for checkin in demo.morning:
            assert check_checkin(checkin.__dict__, today=TODAY) == checkin
    for peg in three_years.pegs:
        assert check_peg(peg.__dict__, today=TODAY) == peg
    for ppt in three_years.pressures:
        raw = {"day": ppt.day, "site": ppt.site, **{f"trial{i}": t for i, t in enumerate(ppt.trials, 1)}}
        assert check_pressure(raw, today=TODAY) == ppt


def test_three_to_five_sessions_in_a_typical_week_and_never_two_on_one_day(three_years):
    days = [d.record.started_at.date() for d in three_years.sessions]
    assert len(days) == len(set(days))
    per_week = len(days) / (3 * 365.25 / 7)
    assert 3.0 <= per_week <= 5.0
    assert min(days) >= TODAY - timedelta(days=round(3 * 365.25))
    assert max(days) < TODAY


def test_sessions_mix_machines_free_weights_cardio_and_flexibility(three_years):
    catalog = by_name()
    done = {e.exercise for d in three_years.sessions for e in d.record.entries}
    equipment = {catalog[name].equipment for name in done if catalog[name].category == "strength"}
    assert {"machine", "dumbbell", "barbell", "band"} <= equipment
    assert {"Treadmill walk", "Elliptical trainer", "Pilates", "Yoga"} <= done
    assert done & {"Swimming laps", "Aqua aerobics"}
    assert {e.category for d in three_years.sessions for e in d.record.entries} == {"strength", "cardio", "flexibility"}


def _loads(history: DemoHistory, name: str) -> list[tuple[date, float]]:
    return [
        (d.record.started_at.date(), max(s.weight_kg or 0 for s in e.sets))
        for d in history.sessions
        for e in d.record.entries
        if e.exercise == name
    ]


def test_loads_creep_up_with_occasional_stalls_and_drops(three_years):
    rises = drops = stalls = 0
    for name in ("Leg press", "Chest press machine", "Romanian deadlift", "One-arm dumbbell row"):
        loads = [load for _, load in _loads(three_years, name)]
        assert loads[-1] > loads[0], name
        steps = list(pairwise(loads))
        rises += sum(1 for a, b in steps if b > a)
        drops += sum(1 for a, b in steps if b < a)  # deloads after stalls, or lighter sessions in a flare
        stalls += sum(1 for a, b in steps if b == a)
    assert rises > drops >= 2
    assert stalls > rises  # most sessions repeat the load while the reps climb


def test_a_machine_exercise_moves_to_its_free_weight_counterpart_at_a_lighter_load(three_years):
    machine, free = _loads(three_years, "Leg curl"), _loads(three_years, "Romanian deadlift")
    assert machine and free
    assert machine[-1][0] < free[-1][0]  # the machine is left behind
    assert free[0][0] >= machine[0][0]
    assert free[0][1] <= machine[-1][1] / 2  # started at about half, rounded down


def test_pain_drifts_down_but_flares_up_now_and_then(three_years):
    during = [(d.record.started_at.date(), d.record.pains[0].during) for d in three_years.sessions]
    first, last = during[: len(during) // 6], during[-len(during) // 6 :]
    assert fmean(p for _, p in first) > fmean(p for _, p in last) + 0.5
    assert max(p for _, p in last) >= fmean(p for _, p in last) + 2  # a flare still shows late on
    assert all(p.region in REGIONS for d in three_years.sessions for p in d.record.pains)


def test_most_sessions_get_a_next_morning_check_in_for_every_region(three_years):
    checked = [d for d in three_years.sessions if d.morning]
    assert 0.75 <= len(checked) / len(three_years.sessions) < 1
    for demo in checked:
        assert {c.region for c in demo.morning} == set(REGIONS)
        assert all(c.day == demo.record.started_at.date() + timedelta(days=1) for c in demo.morning)


def test_weekly_peg_and_a_few_pressure_thresholds(three_years):
    weeks = 3 * 365.25 / 7
    assert 0.8 * weeks <= len(three_years.pegs) <= weeks + 1
    gaps = {(b.day - a.day).days for a, b in pairwise(three_years.pegs)}
    assert min(gaps) == 7
    assert 10 <= len(three_years.pressures) <= 40
    assert fmean(p.mean for p in three_years.pressures[-4:]) > fmean(p.mean for p in three_years.pressures[:4])


def test_same_seed_gives_the_same_history_and_another_seed_a_different_one():
    one = demo_history(years=1, seed=3, today=TODAY)
    assert demo_history(years=1, seed=3, today=TODAY) == one
    assert demo_history(years=1, seed=4, today=TODAY) != one


def test_ten_years_is_about_two_thousand_sessions():
    history = demo_history(years=10, seed=1, today=TODAY)
    assert 1500 <= len(history.sessions) <= 2600


def test_nonsense_lengths_and_empty_regions_are_refused():
    with pytest.raises(ValueError, match="years"):
        demo_history(years=0, today=TODAY)
    with pytest.raises(ValueError, match="region"):
        demo_history(years=1, today=TODAY, regions=())

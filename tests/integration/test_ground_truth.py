"""The app's central message held against histories whose truth is known (tests/ground_truth.py).

Each history is logged through the services as a person would, with day-to-day wobble, short days and
overshoots, so these tests ask what a person and their doctor would ask: does the report say my tolerance
went the way it really went, and by about as much? Does the chart agree? Does a flare-up or one bad day
stay a flare-up, and a real red flag say "contact your doctor"? Is a load increase ever offered while
tolerance is falling, and does the same exercise ever get "move to free weights" and "raise the load" on
one day? Each history is written once per backend and shared by the tests that read it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd
import pytest

from services.context import Ctx, ensure_profile, open_database
from services.progress import progress_data
from services.report import build_report
from services.suggestions import all_suggestions
from tests.conftest import BACKENDS, empty_database
from tests.ground_truth import (
    REGION,
    bad_day,
    declining,
    flare_up,
    flat,
    red_flag_high,
    red_flag_raised,
    rising,
    write,
)
from tests.ground_truth_model import Direction, Simulated, Truth, direction
from tracker.advice import Kind, Suggestion
from tracker.tolerance import first_window_end

SEEDS = (1, 2, 3)
# How far (in percentage points) a reported change may lie from the true one.
MARGIN_POINTS = 15.0
# Suggestions are checked once a week through the range, on each day of an episode and on the last day.
CHECK_EVERY_DAYS = 7
# Every seed runs on SQLite; the first also on PostgreSQL, whose SQL is all that differs.
SEEDS_ON = {"sqlite": SEEDS, "postgresql": SEEDS[:1]}
# Two weeks of raised pain at the end of red_flag_raised leave no tolerated work there to measure: that
# history's truth is its red flag, so the change tests leave it out.
MEASURABLE = (rising, flat, declining, flare_up, bad_day, red_flag_high)
EVERY = (*MEASURABLE, red_flag_raised)
Scenario = Callable[[int], Simulated]


@dataclass(frozen=True)
class Logged:
    """A history in a database of its own, and the suggestions its person saw on the days checked."""

    truth: Truth
    ctx: Ctx
    advice: dict[date, list[Suggestion]]


def _checked_days(truth: Truth) -> set[date]:
    span = (truth.last - truth.first).days
    every = {truth.first + timedelta(days=d) for d in range(0, span + 1, CHECK_EVERY_DAYS)}
    return every | set(truth.episode_days) | {truth.last}


@pytest.fixture(scope="module")
def logged(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[Scenario, int, str], Logged]]:
    """Write a scenario's history for a seed on a backend, once per module, asking for suggestions on the way."""
    built: dict[tuple[str, int, str], Logged] = {}
    with ExitStack() as stack:

        def get(scenario: Scenario, seed: int, backend: str) -> Logged:
            key = (scenario.__name__, seed, backend)
            if key not in built:
                folder = tmp_path_factory.mktemp(f"{scenario.__name__}-{seed}")
                database = open_database(stack.enter_context(empty_database(backend, folder)))
                stack.callback(database.dispose)
                ctx = ensure_profile(database)
                history = scenario(seed)
                checked = _checked_days(history.truth)
                advice = {day: all_suggestions(ctx, today=day) for day in write(ctx, history) if day in checked}
                built[key] = Logged(history.truth, ctx, advice)
            return built[key]

        yield get


def _cases(scenarios: tuple[Scenario, ...]) -> list[object]:
    return [
        pytest.param(s, seed, backend, id=f"{s.__name__}-{seed}-{backend}")
        for s in scenarios
        for backend in BACKENDS
        for seed in SEEDS_ON[backend]
    ]


def _off(found: float, truth: float, true_direction: Direction) -> str | None:
    """Why a reported change disagrees with the truth, or None when it agrees."""
    if direction(found) is not true_direction:
        return f"reads {found:+.1f}% ({direction(found)}), truly {truth:+.1f}% ({true_direction})"
    if abs(found - truth) > MARGIN_POINTS:
        return f"reads {found:+.1f}%, truly {truth:+.1f}%: more than {MARGIN_POINTS:g} points apart"
    return None


@pytest.mark.parametrize(("scenario", "seed", "backend"), _cases(MEASURABLE))
def test_the_reports_change_per_main_exercise_is_the_true_change(logged, scenario, seed, backend):
    history = logged(scenario, seed, backend)
    truth = history.truth
    report = build_report(history.ctx, start=truth.first, end=truth.last, regions=(REGION,))
    lines = {line.exercise: line for line in report.data.loads}
    problems = []
    for t in truth.tolerances:
        line = lines.get(t.exercise)
        if line is None or line.percent is None:
            problems.append(f"{t.exercise}: no change reported (lines: {sorted(lines)})")
        elif (why := _off(line.percent, t.percent, t.direction)) is not None:
            problems.append(f"{t.exercise}: {why}")
    assert not problems, "; ".join(problems)


HEADLINE_CHANGE = re.compile(r"\b(up|down)\b\D*?(\d+(?:\.\d+)?)\s*%")


def headline_percent(headline: str) -> float:
    """The signed change a headline states ('up 23%', 'down 8%'); 0 when it names no change."""
    found = HEADLINE_CHANGE.search(headline)
    if found is None:
        return 0.0
    return float(found[2]) * (1 if found[1] == "up" else -1)


@pytest.mark.parametrize(("scenario", "seed", "backend"), _cases(MEASURABLE))
def test_the_headline_states_the_true_direction_and_about_the_true_size(logged, scenario, seed, backend):
    history = logged(scenario, seed, backend)
    truth = history.truth
    report = build_report(history.ctx, start=truth.first, end=truth.last, regions=(REGION,))
    headline = report.data.headline
    why = _off(headline_percent(headline), truth.percent, direction(truth.percent))
    assert why is None, f"{headline!r} {why}"


@pytest.mark.parametrize(("scenario", "seed", "backend"), _cases(MEASURABLE))
def test_the_charts_tolerated_level_ends_where_the_truth_went(logged, scenario, seed, backend):
    history = logged(scenario, seed, backend)
    truth = history.truth
    data = progress_data(history.ctx, start=truth.first, end=truth.last)
    levels = data.threshold.dropna(subset=["level"]).sort_values("period")
    # The chart's start is its level once the period's opening weeks have set one (where the headline reads it):
    # a level is only claimed once reached twice, so the first days may show less than was really tolerated.
    opening = pd.Timestamp(first_window_end(truth.first, truth.last, data.picture.window))
    problems = []
    for t in truth.tolerances:
        mine = levels[levels["exercise"] == t.exercise]
        if len(mine) < 2:
            problems.append(f"{t.exercise}: {len(mine)} level(s) on the chart")
            continue
        start = mine[mine["period"] <= opening]["level"]
        first, last = float(start.iloc[-1] if len(start) else mine["level"].iloc[0]), float(mine["level"].iloc[-1])
        change = 100.0 * (last - first) / first
        if direction(change) is not t.direction:
            problems.append(f"{t.exercise}: {first:g} -> {last:g} ({change:+.1f}%), truly {t.direction}")
    assert not problems, "; ".join(problems)


def _flags(advice: list[Suggestion]) -> list[str]:
    return [s.title for s in advice if s.kind is Kind.RED_FLAG]


@pytest.mark.parametrize(("scenario", "seed", "backend"), _cases((flare_up, bad_day)))
def test_a_flare_up_or_one_bad_day_never_says_contact_your_doctor(logged, scenario, seed, backend):
    history = logged(scenario, seed, backend)
    alarms = {day.isoformat(): flags for day, advice in sorted(history.advice.items()) if (flags := _flags(advice))}
    assert not alarms


@pytest.mark.parametrize(("scenario", "seed", "backend"), _cases((red_flag_high, red_flag_raised)))
def test_a_true_red_flag_says_contact_your_doctor_on_the_last_day(logged, scenario, seed, backend):
    history = logged(scenario, seed, backend)
    assert _flags(history.advice[history.truth.last])


@pytest.mark.parametrize(("scenario", "seed", "backend"), _cases((declining,)))
def test_falling_tolerance_gets_no_load_increase_at_its_end(logged, scenario, seed, backend):
    history = logged(scenario, seed, backend)
    raises = [f"{s.key}: {s.title}" for s in history.advice[history.truth.last] if s.raises_load]
    assert not raises


def _switch_and_raise(advice: list[Suggestion]) -> set[str]:
    """Exercises that get both 'move to free weights' and 'raise the load' in one list."""
    keys = {s.key for s in advice}
    return {k.removeprefix("switch:") for k in keys if k.startswith("switch:") and f"progress:{k[7:]}" in keys}


@pytest.mark.parametrize(("scenario", "seed", "backend"), _cases(EVERY))
def test_no_exercise_gets_a_switch_and_a_raise_on_the_same_day(logged, scenario, seed, backend):
    history = logged(scenario, seed, backend)
    both = {
        day.isoformat(): sorted(names) for day, advice in history.advice.items() if (names := _switch_and_raise(advice))
    }
    assert not both

"""The tolerated level as worked out for the page (one pass per exercise) equals the rule read literally: for each
day with a tolerated session, rank every tolerated session in the trailing window and take the second best."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.threshold import Status
from tracker.tolerance import CONFIRMATIONS, Effort, Level, levels

D0 = date(2025, 1, 6)
NAMES = ("Leg press", "Chest press", "Treadmill walk")


def reference_levels(efforts: list[Effort], window_days: int, at_least: int) -> list[Level]:
    """The rule as written: per exercise and day, the sessions up to that day that fall in the window (or are among
    the last `at_least`), sorted best first, and the second of them (the first when there is one)."""
    by_exercise: dict[str, list[Effort]] = defaultdict(list)
    for e in efforts:
        if e.status is Status.TOLERATED and e.value is not None:
            by_exercise[e.exercise].append(e)
    found = []
    for name, mine in by_exercise.items():
        mine = sorted(mine, key=lambda e: e.day)
        for day in sorted({e.day for e in mine}):
            upto = [e for e in mine if e.day <= day]
            window = [w for j, w in enumerate(upto) if (day - w.day).days < window_days or j >= len(upto) - at_least]
            ranked = sorted(window, key=lambda w: w.rank, reverse=True)
            found.append(Level(day, name, ranked[min(CONFIRMATIONS, len(ranked)) - 1], len(window)))
    return sorted(found, key=lambda lv: (lv.day, lv.exercise))


def _effort(day: int, name: str, status: Status, load: float | None, reps: int | None, minutes: float | None) -> Effort:
    category = "cardio" if name == "Treadmill walk" else "strength"
    return Effort(D0 + timedelta(days=day), name, category, status, load, reps, minutes)


# Few distinct loads and reps, so ties (equal ranks on different days) are common: they decide which session's
# words the chart shows.
efforts = st.lists(
    st.builds(
        _effort,
        st.integers(0, 200),
        st.sampled_from(NAMES),
        st.sampled_from([Status.TOLERATED, Status.TOLERATED, Status.TOLERATED, Status.OVER, Status.PENDING]),
        st.none() | st.sampled_from([0.0, 40.0, 60.0, 62.5]),
        st.none() | st.integers(0, 3).map(lambda n: 10 + n),
        st.none() | st.sampled_from([0.0, 20.0, 30.0]),
    ),
    max_size=60,
)


@settings(max_examples=300, deadline=None)
@given(efforts=efforts, window_days=st.integers(1, 60), at_least=st.integers(1, 5))
def test_every_level_and_the_session_behind_it_match_the_rule_read_literally(
    efforts: list[Effort], window_days: int, at_least: int
) -> None:
    assert levels(efforts, window_days, at_least) == reference_levels(efforts, window_days, at_least)


def test_a_long_history_gives_one_level_per_tolerated_day_from_the_same_sessions_as_the_rule():
    history = [_effort(d, NAMES[d % 2], Status.TOLERATED, 40.0 + (d * 7) % 25, 10 + d % 3, None) for d in range(900)]
    found = levels(history, 28, 3)
    assert len(found) == 900
    assert found == reference_levels(history, 28, 3)

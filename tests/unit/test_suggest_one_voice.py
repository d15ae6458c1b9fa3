"""Properties over many generated histories: one plan per exercise a day, and a pending session is no failure."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.unit.histories import TODAY, every_candidate, keys, suggestions
from tracker.history import ExerciseDone, PainAround, SessionDone, SetDone
from tracker.suggestions import Kind

MACHINES = ["Leg press", "Chest press machine"]
CARDIO = ["Treadmill walk", "Stationary bike", "Running"]


@st.composite
def training(draw: st.DrawFn) -> list[SessionDone]:
    """Sessions 2-7 days apart: machines at slowly rising loads, often every set at the top, some cardio; pain
    mostly calm with a settled next morning, sometimes over the limit, worse, or not rated yet."""
    calm = draw(st.booleans())  # half the histories go well throughout, so raises and switches come up often
    gaps = draw(st.lists(st.integers(2, 6), min_size=1, max_size=20))
    days = [sum(gaps[i:]) - gaps[-1] for i in range(len(gaps))]
    load = {name: draw(st.sampled_from([30.0, 40.0, 50.0])) for name in MACHINES}
    history = []
    for day in days:
        entries = []
        names = draw(st.lists(st.sampled_from(MACHINES + CARDIO), min_size=1, max_size=3, unique=True))
        for name in names:
            if name in MACHINES:
                load[name] += draw(st.sampled_from([0.0, 0.0, 0.0, 2.5, 5.0]))
                top = draw(st.booleans())
                reps = [12, 12, 12] if top else draw(st.lists(st.integers(8, 12), min_size=3, max_size=3))
                entries.append(ExerciseDone(name, tuple(SetDone(load[name], r) for r in reps)))
            else:
                entries.append(ExerciseDone(name, (), float(draw(st.integers(10, 60)))))
        before = draw(st.integers(1, 4))
        during = draw(st.sampled_from([2, 3, 4] if calm else [2, 3, 3, 4, 4, 5, 6]))
        morning = before if calm else draw(st.sampled_from([None, before, before, before, before + 1, before + 2]))
        rating = PainAround("lower_back", before, during, morning)
        history.append(SessionDone(TODAY - timedelta(days=day), tuple(entries), (rating,)))
    return history


@settings(max_examples=150, deadline=None)
@given(training())
def test_never_two_load_plans_for_one_exercise_on_one_day(history):
    found = suggestions(history)
    planned = Counter(name for s in found for name in s.plans)
    assert all(count == 1 for count in planned.values()), keys(found)
    # The same, read from what the person sees: the exercise each plan names in its key or its text.
    rules = ("switch", "progress", "deload", "pacing", "pace_up", "ladder_down")
    subjects = [s.key.split(":", 1)[1] for s in found if s.key.split(":", 1)[0] in rules]
    subjects += [name for s in found if s.kind is Kind.EASE for name in MACHINES if f"{name}:" in s.what]
    assert len(subjects) == len(set(subjects)), keys(found)


def lighter_or_ease(sessions: list[SessionDone]) -> set[str]:
    """The lighter weeks and ease-offs the rules make as of TODAY, shown or waiting behind another change."""
    return {s.key for s in every_candidate(sessions) if s.kind in (Kind.DELOAD, Kind.EASE)}


@settings(max_examples=150, deadline=None)
@given(training())
def test_a_session_waiting_for_its_next_morning_brings_no_lighter_week_or_ease_off(history):
    # Which one change is shown may move (a flare-up from today's pain before the session holds back a raise, and
    # a lighter week that waited behind it comes forward), so this compares what the rules make, shown or waiting.
    latest = history[-1]
    pending = replace(
        latest, day=TODAY, pains=tuple(replace(p, during=min(p.during or 0, 5), morning=None) for p in latest.pains)
    )
    assert lighter_or_ease([*history[:-1], pending]) <= lighter_or_ease(history[:-1])


def test_a_session_waiting_for_its_next_morning_keeps_the_move_to_free_weights():
    # Found by a random run: Chest press machine has earned the move to free weights and Leg press's lighter week
    # waits behind it. Today's chest press, at fewer reps, waits for its next morning: until then it counts for
    # neither the raise nor the move, so the move stays and the lighter week keeps waiting.
    both = (
        ExerciseDone("Leg press", (SetDone(30.0, 8),) * 3),
        ExerciseDone("Chest press machine", (SetDone(40.0, 12),) * 3),
    )
    calm = (PainAround("lower_back", 1, 2, 1),)
    history = [SessionDone(TODAY - timedelta(days=d), both, calm) for d in (16, 14, 12, 10, 8, 6)]
    today = (ExerciseDone("Chest press machine", (SetDone(40.0, 8),) * 3), ExerciseDone("Treadmill walk", (), 30.0))
    waiting = SessionDone(TODAY, today, (PainAround("lower_back", 1, 2, None),))
    shown = suggestions(history)
    assert keys(shown) == ["switch:Chest press machine"]
    assert "Leg press: a lighter week at 25 kg" in shown[0].what
    assert keys(suggestions([*history, waiting])) == keys(shown)

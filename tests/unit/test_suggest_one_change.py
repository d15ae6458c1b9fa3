"""Advice never contradicts its own rules: pain rated per session is not put on one exercise, one change at a time."""

from __future__ import annotations

from tests.unit.histories import ago, cardio, improving_leg_press, keys, pain, suggestions
from tracker.history import ExerciseDone, SessionDone, SetDone
from tracker.suggestions import TRYING_DAYS, Kind, is_change


def leg_press_and_treadmill(
    days_ago: int, *, weight: float = 60.0, minutes: float = 26, during: int = 3, before: int = 3, morning: int = 3
) -> SessionDone:
    """One session with leg press 3 x 10 and a treadmill walk, rated once for the session as a whole."""
    work = (ExerciseDone("Leg press", (SetDone(weight, 10),) * 3), ExerciseDone("Treadmill walk", (), minutes))
    return SessionDone(ago(days_ago), work, pain(during, before, morning))


def test_sessions_over_the_limit_with_two_exercises_ease_the_session_and_blame_neither():
    calm = [leg_press_and_treadmill(d, weight=55.0, minutes=23) for d in (30, 27, 24)]
    over = [leg_press_and_treadmill(d, during=7, morning=5 if d == 1 else 3) for d in (12, 10, 8, 5, 3, 1)]
    found = suggestions([*calm, *over])
    assert [s.kind for s in found] == [Kind.EASE]  # no "try the elliptical instead of the treadmill"
    (ease,) = found
    assert "Leg press: 52.5 kg instead of 60 kg" in ease.what and "Treadmill walk: about" in ease.what
    assert "different days" in ease.what
    assert "cannot show which of Leg press and Treadmill walk" in ease.reason
    assert "also went over your limit" in ease.reason
    assert set(ease.plans) == {"Leg press", "Treadmill walk"}


def test_treadmill_alone_over_the_limit_still_steps_down_to_the_elliptical():
    history = [cardio(d, minutes=26, during=7) for d in (5, 3)] + [cardio(1, minutes=20, during=3)]
    assert "ladder_down:Treadmill walk" in keys(suggestions(history))


def test_one_session_over_the_limit_whose_morning_settled_gets_one_ease_off_that_says_it_settled():
    calm = [leg_press_and_treadmill(d, weight=50.0, minutes=18) for d in (9, 6, 4)]
    found = suggestions([*calm, leg_press_and_treadmill(2, weight=50.0, minutes=18, during=8)])
    assert [s.kind for s in found] == [Kind.EASE]  # not also "Treadmill walk: restart at 14 minutes"
    (ease,) = found
    assert "Leg press: 45 kg instead of 50 kg" in ease.what and "Treadmill walk: about 14 minutes instead of 18" in (
        ease.what
    )
    assert "settled (3/10 before, 3/10 the next morning), a good sign" in ease.reason
    assert "one lighter session is enough" in ease.reason
    assert "clearly higher" not in ease.reason


def test_a_worse_next_morning_is_named_as_the_reason():
    calm = [leg_press_and_treadmill(d, weight=50.0, minutes=18) for d in (9, 6, 4)]
    found = suggestions([*calm, leg_press_and_treadmill(2, weight=50.0, minutes=18, during=3, morning=5)])
    (ease,) = found
    assert "stayed within your limit" in ease.reason and "clearly higher than before the session" in ease.reason
    assert "a good sign" not in ease.reason


def test_easing_off_never_means_more_cardio_minutes_than_just_done():
    calm = [leg_press_and_treadmill(d, weight=50.0, minutes=30) for d in (9, 6, 4)]
    (ease,) = suggestions([*calm, leg_press_and_treadmill(2, weight=50.0, minutes=10, during=8)])
    assert "Treadmill walk: about 8 minutes instead of 10" in ease.what


def test_two_raises_due_at_once_offer_one_and_say_the_other_waits():
    chest = [
        SessionDone(ago(d), (ExerciseDone("Chest press machine", (SetDone(40.0, 12),) * 3),), pain()) for d in (5, 3)
    ]
    row = [SessionDone(ago(d), (ExerciseDone("Seated row machine", (SetDone(30.0, 12),) * 3),), pain()) for d in (4, 2)]
    found = suggestions([*chest, *row])
    assert [s.key for s in found if is_change(s)] == ["progress:Chest press machine"]
    assert "Seated row machine: try 32.5 kg" in found[0].what and "One change at a time" in found[0].what
    # When the waiting ones come back, as services/suggestions.current brings them (TRYING_DAYS after accepting).
    assert f"the next comes after {TRYING_DAYS // 7} weeks of trying it; dismiss or snooze it" in found[0].what


def test_the_move_to_free_weights_goes_first_and_the_cardio_build_up_waits():
    walks = [cardio(d, minutes=20) for d in (20, 13, 6)]
    found = suggestions([*improving_leg_press(), *walks])
    changes = [s for s in found if is_change(s)]
    assert [s.key for s in changes] == ["switch:Leg press"]
    assert "Treadmill walk: build up to 22 minutes" in changes[0].what

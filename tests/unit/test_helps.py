"""What helps: next-day pain after a kind of exercise against days without it."""

from datetime import date, timedelta
from statistics import fmean

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.helps import what_helps

D0 = date(2026, 3, 2)


def day(n: int) -> date:
    """The day n days after D0."""
    return D0 + timedelta(days=n)


def test_next_day_pain_is_compared_once_both_sides_have_three_days():
    # Cardio on days 0, 2, 4; pain the next day 2 each time. Days 1, 3, 5 without: pain the next day 4.
    daily = {day(n): (2.0 if n % 2 == 1 else 4.0) for n in range(1, 7)}
    done = {day(0): {"Cardio"}, day(2): {"Cardio"}, day(4): {"Cardio"}}
    (cardio,) = what_helps(daily, done, ["Cardio"])
    assert (cardio.days_with, cardio.days_without) == (3, 3)
    assert (cardio.pain_with, cardio.pain_without, cardio.difference) == (2.0, 4.0, -2.0)
    assert cardio.text == "Cardio: next-day pain 2.0 after 3 days with it, 4.0 after 3 days without (-2.0)."


def test_too_few_days_says_how_many_more_are_needed():
    daily = {day(1): 3.0, day(2): 5.0}
    (strength,) = what_helps(daily, {day(0): {"Strength"}}, ["Strength"])
    assert strength.difference is None
    assert strength.text == (
        "Strength: needs 2 more days with it and 2 more days without it, each followed by a day with a pain rating."
    )


def test_days_whose_next_day_has_no_rating_do_not_count():
    daily = {day(5): 3.0}
    (kind,) = what_helps(daily, {day(0): {"Cardio"}, day(4): {"Cardio"}}, ["Cardio"])
    assert (kind.days_with, kind.days_without) == (1, 0)


def test_days_before_the_range_are_left_out():
    daily = {day(1): 3.0, day(2): 3.0}
    (kind,) = what_helps(daily, {}, ["Cardio"], since=day(1))
    assert kind.days_without == 1


def test_an_empty_history_needs_three_of_each():
    (kind,) = what_helps({}, {}, ["Cardio"])
    assert "3 more days with it and 3 more days without it" in kind.text


def reference_helps(daily, done, kinds, since):
    """The comparison read literally: for each kind, every rated next day sorted to 'with' or 'without'."""
    days = [
        (d - timedelta(days=1), pain) for d, pain in daily.items() if since is None or d - timedelta(days=1) >= since
    ]
    found = []
    for kind in kinds:
        with_it = [pain for d, pain in days if kind in done.get(d, ())]
        without = [pain for d, pain in days if kind not in done.get(d, ())]
        found.append(
            (
                len(with_it),
                len(without),
                round(fmean(with_it), 1) if with_it else None,
                round(fmean(without), 1) if without else None,
            )
        )
    return found


KINDS = ("Cardio", "Strength", "Stretching")


@settings(max_examples=200, deadline=None)
@given(
    daily=st.dictionaries(st.integers(0, 60).map(day), st.integers(0, 100).map(lambda n: n / 10), max_size=40),
    done=st.dictionaries(st.integers(-1, 60).map(day), st.sets(st.sampled_from(KINDS)), max_size=40),
    kinds=st.lists(st.sampled_from(KINDS), max_size=4),
    since=st.none() | st.integers(0, 30).map(day),
)
def test_the_one_pass_comparison_equals_the_rule_read_literally(daily, done, kinds, since):
    found = what_helps(daily, done, kinds, since=since)
    assert [h.kind for h in found] == kinds
    assert [(h.days_with, h.days_without, h.pain_with, h.pain_without) for h in found] == reference_helps(
        daily, done, kinds, since
    )

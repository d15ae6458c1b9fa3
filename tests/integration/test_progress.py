"""The Progress page's data: aggregated frames from the owner's history, on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import fields, is_dataclass, replace
from datetime import date, datetime, timedelta

import pandas as pd
import pytest

from services.checkins import record_morning
from services.profiles import save_settings
from services.progress import progress_data, progress_details, progress_headline, progress_options
from services.report import build_report
from services.sessions import log_session
from tests.factories import NOW, cardio_session, strength_session
from tests.progress_history import FLARE_WEEK, fill_weeks
from tracker.session_input import EntryInput
from tracker.strength import Formula
from tracker.threshold import Status

END = NOW.date()


def test_an_empty_history_gives_empty_frames_and_says_what_is_missing(ctx):
    data = progress_data(ctx, start=END - timedelta(days=364), end=END)
    for frame in (data.threshold, data.pain, data.strength, data.cardio, data.response, data.peg, data.pressure):
        assert frame.empty
    assert "28 days" in data.comparison
    assert progress_options(ctx).first_day is None


def test_six_weeks_give_one_point_a_day_and_the_flare_as_an_over_limit_mark(ctx):
    first = fill_weeks(ctx, end=END)
    data = progress_data(ctx, start=first, end=END)
    assert data.bucket == "day"
    leg = data.threshold[data.threshold["exercise"] == "Leg press"]
    over = leg[leg["status"] == Status.OVER.value]
    assert over["period"].dt.date.tolist() == [first + timedelta(days=7 * FLARE_WEEK)]
    assert over["text"].tolist() == ["47.5 kg × 10"] and over["level"].isna().all()
    tolerated = leg[leg["status"] == Status.TOLERATED.value]
    # The level is the second-best tolerated session of the last 28 days: 40, 40, 42.5, then 45, 50 after the flare.
    assert tolerated["level"].tolist() == [40, 40, 42.5, 45, 50]
    assert set(tolerated["measure"]) == {"kg"}
    assert data.picture.lines == ("Leg press: 42.5 kg × 10 → 50 kg × 10 within the pain limit (+18%)",)
    assert set(data.response["response"]) >= {
        "settled (within 1 point)",
        "worse (2+ points up)",
        "no next-morning rating",
    }
    assert list(data.cardio["modality"].unique()) == ["Treadmill walk"]
    assert data.peg["peg"].iloc[0] == 5.0  # (6 + 5 + 4) / 3
    assert data.pressure["site"].unique().tolist() == ["Lower back, left"]
    assert "Baseline (first 14 days)" in data.comparison
    assert progress_options(ctx).first_day == first


def test_high_rep_sets_show_as_rougher_estimates_and_only_sets_over_twenty_go_unestimated(ctx):
    log_session(ctx, strength_session(when=NOW - timedelta(days=3), exercise="Leg curl", reps=15), now=NOW)
    log_session(ctx, strength_session(when=NOW - timedelta(days=2), exercise="Leg extension", reps=25), now=NOW)
    log_session(ctx, strength_session(when=NOW - timedelta(days=1), weight=60, reps=5), now=NOW)
    data = progress_data(ctx, start=END - timedelta(days=30), end=END)
    shown = data.strength.set_index("exercise")
    assert shown.loc["Leg press", "e1rm"] == 70.0  # 60 * (1 + 5/30)
    assert shown.loc["Leg press", "basis"] == "sets of 1-10 reps"
    assert shown.loc["Leg curl", "basis"] == "sets of 11-20 reps (less accurate)"
    assert data.not_estimated == ("Leg extension",)
    brzycki = progress_data(ctx, start=END - timedelta(days=30), end=END, formula=Formula.BRZYCKI)
    assert brzycki.strength.set_index("exercise").loc["Leg press", "e1rm"] == round(60 * 36 / 32, 1)


def test_weights_follow_the_unit_chosen_in_settings(ctx):
    log_session(ctx, strength_session(when=NOW - timedelta(days=1), weight=100, reps=1, sets=1), now=NOW)
    save_settings(ctx, {"unit": "lb", "pain_limit": 5, "regions": ["lower_back"]})
    data = progress_data(ctx, start=END - timedelta(days=30), end=END)
    assert data.unit == "lb"
    assert data.strength["e1rm"].tolist() == [220.5]
    assert data.threshold["value"].tolist() == [220.5]
    assert data.threshold["text"].tolist() == ["220.5 lb × 1"] and data.threshold["measure"].tolist() == ["lb"]


def test_ten_years_stay_within_a_few_hundred_points_per_series(ctx):
    start = date(2016, 1, 1)
    for month in range(0, 120, 3):
        when = datetime(2016 + month // 12, month % 12 + 1, 10, 18)
        log_session(ctx, strength_session(when=when, weight=40 + month), now=NOW)
        record_morning(ctx, when.date() + timedelta(days=1), {"lower_back": 2}, today=END)
    data = progress_data(ctx, start=start, end=END)
    assert data.bucket == "quarter"
    assert len(data.threshold) == 40 and len(data.pain) <= 45


def test_over_a_long_range_flares_show_as_one_mark_per_quarter_with_the_sessions_counted(ctx):
    start = date(2016, 1, 1)
    for week in range(0, 8 * 52, 2):
        when = datetime(2016, 1, 4, 18) + timedelta(weeks=week)
        flare = week % 6 == 0
        log_session(ctx, strength_session(when=when, weight=40, during=8 if flare else 3), now=NOW)
        log_session(ctx, strength_session(when=when, exercise="Chest press machine", during=8 if flare else 3), now=NOW)
    data = progress_data(ctx, start=start, end=END)
    over = data.threshold[data.threshold["status"] == Status.OVER.value]
    assert data.bucket == "quarter"
    for name in ("Chest press machine", "Leg press"):
        mine = over[over["exercise"] == name]
        assert mine["period"].is_unique, "one mark per exercise and quarter, on its own chart"
        assert mine["sessions"].sum() == len(range(0, 8 * 52, 6))


def test_the_exercise_and_region_filters_narrow_what_is_shown(ctx):
    first = fill_weeks(ctx, end=END)
    data = progress_data(ctx, start=first, end=END, exercises=["Treadmill walk"], regions=["left_knee"])
    assert set(data.threshold["exercise"]) == {"Treadmill walk"}
    assert data.pain.empty  # nothing was rated for the left knee
    assert set(data.threshold["status"]) == {Status.UNRATED.value}


def test_another_owners_history_never_shows(ctx, db):
    from services.context import ensure_profile

    fill_weeks(ensure_profile(db, "someone-else"), end=END)
    data = progress_data(ctx, start=END - timedelta(days=60), end=END)
    assert data.threshold.empty and data.pain.empty and data.peg.empty and data.pressure.empty


@pytest.mark.parametrize("days", [7, 90])
def test_what_helps_needs_three_days_each_way(ctx, days):
    first = fill_weeks(ctx, end=END, weeks=1 if days == 7 else 6)
    data = progress_data(ctx, start=first, end=END)
    lines = " ".join(data.helps_lines)
    if days == 7:
        assert data.helps.empty and "more day" in lines
    else:
        assert not data.helps.empty and "next-day pain" in lines


def test_the_threshold_picture_shows_the_main_exercises_and_what_the_filter_picks(ctx):
    names = ["Leg press", "Leg curl", "Leg extension", "Lat pulldown", "Cable row", "Goblet squat", "Split squat"]
    for i, name in enumerate(names):
        for j in range(1 if name == "Split squat" else 2):
            when = NOW - timedelta(days=2 * i + j + 1)
            log_session(ctx, strength_session(when=when, exercise=name), now=NOW)
    data = progress_data(ctx, start=END - timedelta(days=30), end=END)
    assert data.picture.exercises == ("Cable row", "Goblet squat", "Lat pulldown", "Leg curl")
    assert set(data.threshold["exercise"]) == set(data.picture.exercises)
    picked = progress_data(ctx, start=END - timedelta(days=30), end=END, exercises=["Split squat"])
    assert picked.picture.exercises == ("Split squat",) and set(picked.threshold["exercise"]) == {"Split squat"}


def test_stretches_and_short_cardio_never_crowd_strength_out(ctx):
    busy = ["Treadmill walk", "Stationary bike", "Elliptical trainer", "Hamstring stretch", "Hip flexor stretch"]
    busy += ["Cat-cow stretch", "Pilates"]
    for day in range(1, 15):
        when = NOW - timedelta(days=day)
        entries = tuple(EntryInput(n, minutes=30 if n == "Treadmill walk" else 10) for n in busy)
        log_session(ctx, replace(cardio_session(when=when), entries=entries), now=NOW)
    for name in ("Leg press", "Goblet squat"):
        log_session(ctx, strength_session(when=NOW - timedelta(days=20), exercise=name, reps=8), now=NOW)
    data = progress_data(ctx, start=END - timedelta(days=30), end=END, max_lines=6)
    # The walk has the most minutes; the bike's ten-minute warm-ups come after strength.
    assert data.picture.exercises == ("Treadmill walk", "Goblet squat", "Leg press", "Elliptical trainer")
    assert data.top_strength == ()  # only two strength exercises: all of them show
    assert set(data.strength["exercise"]) == {"Leg press", "Goblet squat"}


def test_the_exercise_filter_offers_what_this_owner_logged_and_not_what_is_in_the_bin(ctx, db):
    from services.context import ensure_profile
    from services.sessions import delete_session

    log_session(ctx, strength_session(when=NOW - timedelta(days=3), exercise="Leg press"), now=NOW)
    binned = log_session(ctx, strength_session(when=NOW - timedelta(days=2), exercise="Goblet squat"), now=NOW)
    delete_session(ctx, binned, now=NOW)
    log_session(ensure_profile(db, "someone-else"), strength_session(exercise="Split squat"), now=NOW)
    assert progress_options(ctx).exercises == ("Leg press",)


def test_a_short_period_says_to_pick_a_longer_one_and_a_filter_says_it_hides_the_rest(ctx):
    from ui.progress_more import sections

    first = fill_weeks(ctx, end=END)
    short = progress_data(ctx, start=END - timedelta(days=20), end=END)
    assert "at least 28 days" in short.comparison and "longer" in short.comparison
    picked = progress_data(ctx, start=first, end=END, exercises=["Leg press"])
    cardio = next(section for section in sections(picked) if section.key == "cardio")
    assert not cardio.panels and "filters above" in cardio.empty
    everything = next(
        section for section in sections(progress_data(ctx, start=first, end=END)) if section.key == "cardio"
    )
    assert everything.panels  # the walks show once nothing is filtered


@pytest.mark.parametrize("days", [30, 400])
def test_the_page_reads_in_two_parts_exactly_what_the_report_reads_at_once(ctx, days):
    fill_weeks(ctx, end=END)
    filters = {"start": END - timedelta(days=days - 1), "end": END, "max_lines": 6}
    whole = progress_data(ctx, **filters)  # type: ignore[arg-type]
    parts = [progress_headline(ctx, **filters), progress_details(ctx, **filters)]  # type: ignore[arg-type]
    for part in parts:
        for field in fields(part):
            mine, theirs = getattr(part, field.name), getattr(whole, field.name)
            assert _same(mine, theirs), field.name


def _same(a: object, b: object) -> bool:
    """Equal values, frames compared cell by cell (nested in the picture and the health views too)."""
    if isinstance(a, pd.DataFrame) and isinstance(b, pd.DataFrame):
        return a.equals(b)
    if is_dataclass(a) and is_dataclass(b):
        return all(_same(getattr(a, f.name), getattr(b, f.name)) for f in fields(a))
    return a == b


def test_a_period_starting_before_the_history_tells_the_same_change_as_all_time_and_the_report(ctx):
    # Twelve weeks of logging seen over "last 12 months", over all time and in a report from the first day: the
    # three headlines and per-exercise lines must be the same words (a doctor compares the page with the PDF).
    first = fill_weeks(ctx, end=END, weeks=12)
    twelve_months = progress_headline(ctx, start=END - timedelta(days=364), end=END)
    all_time = progress_headline(ctx, start=progress_options(ctx).first_day or END, end=END)
    report = build_report(ctx, start=first, end=END, regions=())
    assert twelve_months.picture.changes, "the history should show a change"
    assert twelve_months.picture.headline == all_time.picture.headline == report.data.headline
    assert twelve_months.picture.lines == all_time.picture.lines

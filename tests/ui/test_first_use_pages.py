"""Today, Log session, History, Check-ins and Settings as a newcomer meets them (AppTest)."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta

import pytest
from streamlit.testing.v1 import AppTest

from services.history import history
from services.profiles import get_settings, save_settings
from services.sessions import log_session
from tests.factories import cardio_session, create_session


def _texts(at: AppTest) -> str:
    kinds = ("markdown", "info", "warning", "success", "error", "caption")
    return "\n".join(str(getattr(e, "value", "")) for kind in kinds for e in at.get(kind))


def _in_pounds(ctx) -> None:
    settings = get_settings(ctx)
    save_settings(ctx, {"unit": "lb", "pain_limit": settings.pain_limit, "regions": list(settings.regions)})


def test_an_empty_database_leads_with_the_first_session_not_the_weekly_peg(at):
    shown = _texts(at)
    assert "Log your first session" in [e.proto.label for e in at.get("page_link")]
    assert at.button(key="try_demo").label == "Try with demo data"
    assert "PEG-3" not in shown
    assert "Threshold keeps a log" in shown


def test_after_the_first_session_today_shows_what_to_log(at, app_ctx):
    create_session(app_ctx, when=datetime.now() - timedelta(hours=2))
    at.run()
    assert "Log your first session" not in [e.proto.label for e in at.get("page_link")]
    assert "Last 7 days" in [h.value for h in at.header]


def test_three_sets_of_twelve_at_sixty_fill_every_set_and_each_stays_editable(at, app_ctx):
    at.switch_page("pages/log.py").run()
    at.selectbox(key="log_ex_0").set_value("Leg press").run()
    at.number_input(key="log_qr_0").set_value(12).run()
    at.number_input(key="log_qw_0").set_value(60).run()
    assert [at.number_input(key=f"log_w_0_{j}").value for j in range(3)] == [60, 60, 60]
    assert [at.number_input(key=f"log_r_0_{j}").value for j in range(3)] == [12, 12, 12]
    at.number_input(key="log_r_0_2").set_value(10)
    for code, value in (("pb", 2), ("pd", 4), ("pa", 3)):
        at.number_input(key=f"log_{code}_lower_back").set_value(value)
    at.button(key="log_save").click().run()
    assert history(app_ctx).loc[0, "exercises"] == "Leg press: 60 kg × 12, 60 kg × 12, 60 kg × 10"
    saved = [s.value for s in at.success]
    assert saved and "Leg press: 2 × 12 at 60 kg, 1 × 10 at 60 kg" in saved[0] and "peak pain 4/10" in saved[0]


def test_every_field_of_the_log_form_has_its_own_label(at, app_ctx):
    settings = get_settings(app_ctx)
    save_settings(app_ctx, {"unit": "kg", "pain_limit": settings.pain_limit, "regions": ["lower_back", "left_knee"]})
    at.switch_page("pages/log.py").run()
    at.selectbox(key="log_ex_0").set_value("Leg press").run()
    at.button(key="log_add").click().run()
    at.selectbox(key="log_ex_1").set_value("Treadmill walk").run()
    labels = Counter(w.label for w in [*at.number_input, *at.selectbox, *at.text_area, *at.date_input])
    assert [label for label, count in labels.items() if count > 1] == []
    assert "Leg press: set 2 weight (kg)" in labels and "Left knee: peak pain during" in labels


def test_an_error_names_its_region(at, app_ctx):
    at.switch_page("pages/log.py").run()
    at.selectbox(key="log_ex_0").set_value("Leg press").run()
    at.number_input(key="log_qr_0").set_value(10).run()
    at.number_input(key="log_pd_lower_back").set_value(11)
    at.button(key="log_save").click().run()
    errors = [e.value for e in at.error]
    assert any(e.startswith("Lower back: peak pain during") for e in errors), errors
    assert any(e.startswith("Not saved: ") for e in errors)


def test_distances_are_in_miles_for_someone_who_weighs_in_pounds(at, app_ctx):
    _in_pounds(app_ctx)
    at.switch_page("pages/log.py").run()
    at.selectbox(key="log_ex_0").set_value("Treadmill walk").run()
    assert at.number_input(key="log_dist_0").label == "Treadmill walk: distance (miles, optional)"
    at.number_input(key="log_min_0").set_value(30)
    at.number_input(key="log_dist_0").set_value(2)
    for code in ("pb", "pd", "pa"):
        at.number_input(key=f"log_{code}_lower_back").set_value(2)
    at.button(key="log_save").click().run()
    assert not at.exception
    assert history(app_ctx).loc[0, "exercises"] == "Treadmill walk: 30 min, 2 miles"


def test_history_prints_no_missing_value_as_none(at, app_ctx):
    create_session(app_ctx, when=datetime.now() - timedelta(hours=2), rpe=None, notes="")
    log_session(app_ctx, cardio_session(when=datetime.now() - timedelta(hours=1)))
    at.switch_page("pages/history.py").run()
    frame = at.dataframe[0].value
    assert not frame.isna().any().any(), frame
    assert set(frame["effort"]) == {""}
    assert "None" not in _texts(at) and "nan" not in _texts(at)


def test_a_deleted_session_is_described_like_a_live_one(at, app_ctx):
    create_session(app_ctx, when=datetime.now() - timedelta(hours=2), during=6)
    at.switch_page("pages/history.py").run()
    at.button(key="hist_delete").click().run()
    at.button(key="hist_delete_yes").click().run()
    binned = [m.value for m in at.expander[0].markdown]
    assert any("Leg press: 3 × 10 at 40 kg" in m and "peak pain 6/10" in m for m in binned), binned


def test_saving_an_edit_returns_to_history_with_what_changed(at, app_ctx):
    create_session(app_ctx, weight=40, sets=1, when=datetime.now() - timedelta(hours=1))
    at.switch_page("pages/history.py").run()
    at.button(key="hist_edit").click().run()
    at.number_input(key="log_w_0_0").set_value(42.5)
    at.button(key="log_save").click().run()
    assert at.title[0].value == "History"
    assert any("Session updated:" in s.value and "42.5 kg" in s.value for s in at.success)


def test_the_morning_check_in_says_what_was_saved(at, app_ctx):
    create_session(app_ctx, when=datetime.now() - timedelta(days=1))
    at.switch_page("pages/checkins.py").run()
    at.number_input(key="am_lower_back").set_value(3)
    at.button(key="am_save").click().run()
    assert any("Lower back 3/10" in s.value for s in at.success)


@pytest.mark.parametrize("limit", [0, 11])
def test_the_pain_limit_label_and_its_error_give_the_same_range(at, limit):
    at.switch_page("pages/settings.py").run()
    field = at.number_input(key="set_limit")
    assert "(1-10)" in field.label
    field.set_value(limit)
    at.button(key="set_save").click().run()
    assert any("1" in e.value and "10" in e.value for e in at.error)


def test_history_shows_date_peak_pain_and_exercises_and_more_columns_on_request(at, app_ctx):
    create_session(app_ctx, when=datetime.now() - timedelta(hours=2), during=5, notes="stairs fine")
    at.switch_page("pages/history.py").run()
    assert list(at.dataframe[0].proto.column_order) == ["when", "peak", "exercises"]
    assert at.dataframe[0].value.loc[0, "peak"] == "5/10"
    at.get("button_group")[0].set_value(["notes"]).run()
    assert list(at.dataframe[0].proto.column_order) == ["when", "peak", "exercises", "notes"]

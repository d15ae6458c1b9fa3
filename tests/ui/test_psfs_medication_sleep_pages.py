"""Function goals (PSFS), PGIC, medication and sleep through their pages (AppTest)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from streamlit.testing.v1 import AppTest

from services.function_goals import add_goal, function_goals
from services.medication import medication
from services.sleep import sleep_nights
from tests.factories import create_session


def _said(at: AppTest) -> str:
    return "\n".join(
        str(getattr(e, "value", ""))
        for kind in ("success", "error", "info", "markdown", "caption")
        for e in at.get(kind)
    )


def test_psfs_activities_added_rated_and_a_bad_rating_shown_beside_its_field(at, app_ctx):
    at.switch_page("pages/function.py").run()
    for name in ("Climb two flights of stairs", "Carry shopping home"):
        at.text_input(key="psfs_new").set_value(name)
        at.button(key="psfs_add_button").click().run()
        assert f"Added {name!r}" in _said(at)
    assert "name 1 more" in _said(at)
    ids = [g.id for g in function_goals(app_ctx).active]
    at.number_input(key=f"psfs_{ids[0]}").set_value(4)
    at.number_input(key=f"psfs_{ids[1]}").set_value(12)
    at.button(key="psfs_save").click().run()
    assert "Carry shopping home: rating must be a whole number from 0 to 10; you entered 12." in _said(at)
    assert function_goals(app_ctx).rounds == []
    at.number_input(key=f"psfs_{ids[1]}").set_value(6)
    at.button(key="psfs_save").click().run()
    assert f"Ratings saved for {date.today():%Y-%m-%d}: average 5 out of 10." in _said(at)
    assert [r.average for r in function_goals(app_ctx).rounds] == [5.0]
    at.button(key=f"psfs_retire_{ids[0]}").click().run()
    assert "its ratings stay in your history" in _said(at)
    assert [g.activity for g in function_goals(app_ctx).retired] == ["Climb two flights of stairs"]


def test_psfs_and_pgic_due_prompts_on_today(at, app_ctx):
    create_session(app_ctx, when=datetime.now() - timedelta(days=40))
    add_goal(app_ctx, {"activity": "Sit through a film"})
    at.switch_page("pages/home.py").run()
    assert "Function goals due" in _said(at)
    assert "Once a month: how are you overall" in _said(at)
    at.switch_page("pages/function.py").run()
    at.radio(key="pgic_score").set_value(2)
    at.button(key="pgic_save").click().run()
    assert "Saved: much improved." in _said(at)
    at.switch_page("pages/home.py").run()
    assert "Once a month" not in _said(at)


def test_medication_added_dose_changed_and_as_needed_dose_logged(at, app_ctx):
    at.switch_page("pages/medication.py").run()
    at.text_input(key="med_name").set_value("Naproxen")
    at.number_input(key="med_dose").set_value(0.0)
    at.button(key="med_add").click().run()
    assert "Regular medication: dose (mg) must be a number above 0 and at most" in _said(at)
    at.number_input(key="med_dose").set_value(250.0)
    at.date_input(key="med_start").set_value(date.today() - timedelta(days=10))
    at.button(key="med_add").click().run()
    assert "Added Naproxen 250 mg" in _said(at)
    ((med_id, _),) = medication(app_ctx).current
    at.number_input(key=f"med_new_{med_id}").set_value(500.0)
    at.button(key=f"med_change_{med_id}").click().run()
    assert f"Naproxen: 500 mg from {date.today():%Y-%m-%d}." in _said(at)
    at.text_input(key="prn_name").set_value("Paracetamol")
    at.number_input(key="prn_dose").set_value(1000.0)
    at.button(key="prn_save").click().run()
    assert "Logged Paracetamol 1000 mg" in _said(at)
    assert [r.amount for _, r in medication(app_ctx).regular] == ["500 mg", "250 mg"]
    ((_, dose),) = medication(app_ctx).doses
    (taken,) = at.dataframe[0].value["Taken"]
    assert taken == f"{dose.taken_at:%Y-%m-%d %H:%M}"  # to the minute, as logged: no seconds


def test_sleep_rating_saved_with_the_morning_check_in_and_refused_above_10(at, app_ctx):
    at.switch_page("pages/checkins.py").run()
    at.number_input(key="am_lower_back").set_value(3)
    at.number_input(key="am_sleep").set_value(11)
    at.button(key="am_save").click().run()
    assert "Morning check-in: sleep quality last night must be a whole number from 0 to 10" in _said(at)
    at.number_input(key="am_sleep").set_value(7)
    at.button(key="am_save").click().run()
    assert "Lower back 3/10; sleep 7/10." in _said(at)
    assert sleep_nights(app_ctx, date.today(), date.today()) == {date.today(): 7}


def test_after_adding_a_medication_the_next_one_starts_today_and_an_ended_dose_says_why_it_stays(at, app_ctx):
    at.switch_page("pages/medication.py").run()
    at.text_input(key="med_name").set_value("Naproxen")
    at.number_input(key="med_dose").set_value(250.0)
    at.date_input(key="med_start").set_value(date.today() - timedelta(days=30))
    at.button(key="med_add").click().run()
    assert not at.exception and not at.warning
    assert at.date_input(key="med_start").value == date.today()
    ((first, _),) = medication(app_ctx).current
    at.number_input(key=f"med_new_{first}").set_value(500.0)
    at.date_input(key=f"med_from_{first}").set_value(date.today() - timedelta(days=5))
    at.button(key=f"med_change_{first}").click().run()
    assert not at.exception
    assert any("Naproxen goes on at 500 mg from" in c.value and "so this last day stays" in c.value for c in at.caption)

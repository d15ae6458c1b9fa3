"""Demo mode: a button opens made-up data in its own database; leaving it shows the user's own again.

AppTest runs the entry script (app.py, where the banner lives) only on an AppTest's first run and the page
script alone after that, so the banner is checked on a first run that starts in demo mode.
"""

from __future__ import annotations

import os
from datetime import date

from streamlit.testing.v1 import AppTest

from services.context import ensure_profile, open_database
from services.history import history
from services.medication import add_regular, medication
from services.sessions import delete_session, deleted_sessions
from tests.factories import create_session
from tests.ui.conftest import APP
from ui import auth, log_form, medication_remove, session
from ui.session import DEMO_KEY

BANNER = "Demo data"


def _warnings(at: AppTest) -> str:
    return "\n".join(str(w.value) for w in at.warning)


def _history_rows(at: AppTest) -> int:
    at.switch_page("pages/history.py").run()
    assert not at.exception
    return len(at.dataframe[0].value) if at.dataframe else 0


def _in_demo_from_the_start() -> AppTest:
    app = AppTest.from_file(APP, default_timeout=30)
    app.session_state[DEMO_KEY] = True
    return app.run()


def _demo_sessions() -> int:
    demo = open_database(os.environ["THRESHOLD_DEMO_URL"])
    try:
        return len(history(ensure_profile(demo)))
    finally:
        demo.dispose()


def test_try_with_demo_data_opens_about_two_years_of_history(at, app_ctx):
    assert BANNER not in _warnings(at)
    at.button(key="try_demo").click().run()
    assert not at.exception
    assert at.session_state[DEMO_KEY]
    assert 150 < _history_rows(at) == _demo_sessions() < 550  # two years at 3-5 sessions a week
    assert history(app_ctx).empty  # the user's own database got nothing


def test_demo_mode_shows_a_banner_with_a_way_out(at):
    at.button(key="try_demo").click().run()
    demo = _in_demo_from_the_start()
    assert not demo.exception
    assert BANNER in _warnings(demo)
    assert "leave_demo" in [b.key for b in demo.button]
    assert "try_demo" not in [b.key for b in demo.button]  # no second offer while inside


def test_leaving_the_demo_shows_the_users_own_empty_data(at, app_ctx):
    at.button(key="try_demo").click().run()
    demo = _in_demo_from_the_start()
    demo.button(key="leave_demo").click().run()
    assert not demo.exception
    assert not demo.session_state[DEMO_KEY]
    assert BANNER not in _warnings(demo)
    assert "try_demo" in [b.key for b in demo.button]
    assert _history_rows(demo) == 0
    assert any("No sessions yet" in str(i.value) for i in demo.info)
    assert history(app_ctx).empty


def test_the_demo_database_is_filled_only_once(at):
    at.button(key="try_demo").click().run()
    first = _demo_sessions()
    again = AppTest.from_file(APP, default_timeout=30).run()
    again.button(key="try_demo").click().run()
    assert not again.exception
    assert _demo_sessions() == first
    assert _history_rows(again) == first


def test_hosted_visitors_each_get_their_own_demo(monkeypatch):
    assert session.demo_subject() == "local"  # one shared demo on a personal install
    monkeypatch.setattr(auth, "auth_enabled", lambda: True)
    monkeypatch.setattr(auth, "subject", lambda: "oidc|alice")
    assert session.demo_subject() == "demo|oidc|alice"


def test_the_progress_page_draws_its_charts_from_the_demo(at):
    at.button(key="try_demo").click().run()
    at.switch_page("pages/progress.py").run()
    at.session_state["prog_more"] = True  # "More charts" opened
    at.run()
    assert not at.exception
    # Two years of demo fill every section: tolerated work, pressure threshold, pain, strength, cardio,
    # 24-hour response, what helps, PEG (none falls back to an empty state asking for more logging).
    assert len(at.get("vega_lite_chart")) >= 7


def test_a_demo_address_equal_to_the_users_own_database_is_refused(at, app_ctx, monkeypatch):
    monkeypatch.setenv("THRESHOLD_DEMO_URL", os.environ["DATABASE_URL"])
    at.button(key="try_demo").click().run()
    assert not at.exception
    assert any("THRESHOLD_DEMO_URL" in str(e.value) for e in at.error)
    assert DEMO_KEY not in at.session_state or not at.session_state[DEMO_KEY]
    assert history(app_ctx).empty


def test_an_undo_or_an_edit_of_ones_own_session_does_not_follow_into_the_demo(at, app_ctx):
    # Both databases number their sessions from 1: an Undo or an open edit must not act on the demo's session 1.
    own = create_session(app_ctx)
    delete_session(app_ctx, own)
    at.session_state["undo_id"] = own  # what deleting it on History leaves behind
    at.session_state[log_form.EDIT_KEY] = own  # and what "Edit" on History would have left
    at.button(key="try_demo").click().run()
    assert not at.exception and at.session_state[DEMO_KEY]
    at.switch_page("pages/history.py").run()
    assert "undo" not in [b.key for b in at.button] and "Session deleted." not in _warnings(at)
    at.switch_page("pages/log.py").run()
    assert [t.value for t in at.title] == ["Log a session"]
    assert [s for s, _, _ in deleted_sessions(app_ctx)] == [own]  # still in the person's own bin


def test_a_session_half_typed_in_the_demo_is_not_waiting_in_ones_own_log_form(at):
    at.button(key="try_demo").click().run()
    leaving = _in_demo_from_the_start()
    leaving.switch_page("pages/log.py").run()
    leaving.session_state[log_form.key("pb", "lower_back")] = 7  # pain before, typed in the demo
    leaving.session_state[log_form.key("notes")] = "made-up"
    leaving.run()
    leaving.button(key="leave_demo").click().run()
    assert not leaving.exception and not leaving.session_state[DEMO_KEY]
    assert leaving.session_state[log_form.key("pb", "lower_back")] is None
    assert leaving.session_state[log_form.key("notes")] == ""


def test_a_medication_half_typed_in_the_demo_is_not_waiting_in_ones_own_forms(at):
    at.button(key="try_demo").click().run()
    leaving = _in_demo_from_the_start()
    leaving.switch_page("pages/medication.py").run()
    leaving.text_input(key="prn_name").set_value("Made-up pill")
    leaving.number_input(key="prn_dose").set_value(2.0)
    leaving.text_input(key="med_name").set_value("Made-up regular")
    leaving.run()
    leaving.button(key="leave_demo").click().run()
    assert not leaving.exception and not leaving.session_state[DEMO_KEY]
    leaving.switch_page("pages/medication.py").run()
    assert leaving.text_input(key="prn_name").value == "" and leaving.number_input(key="prn_dose").value is None
    assert leaving.text_input(key="med_name").value == ""


def test_a_demo_sessions_undo_does_not_follow_back_into_ones_own_data(at, app_ctx):
    own = create_session(app_ctx)
    delete_session(app_ctx, own)
    at.button(key="try_demo").click().run()
    leaving = _in_demo_from_the_start()
    leaving.session_state["undo_id"] = own  # a demo session with the same id, deleted in the demo
    leaving.button(key="leave_demo").click().run()
    assert not leaving.exception and not leaving.session_state[DEMO_KEY]
    leaving.switch_page("pages/history.py").run()
    assert "undo" not in [b.key for b in leaving.button]
    assert [s for s, _, _ in deleted_sessions(app_ctx)] == [own]


def test_a_remove_question_opened_in_the_demo_is_not_asked_about_ones_own_medication(at, app_ctx):
    # Both databases number their medication from 1: "Remove …?" on the demo's row must not follow onto one's own.
    at.button(key="try_demo").click().run()
    leaving = _in_demo_from_the_start()
    leaving.switch_page("pages/medication.py").run()
    demo = open_database(os.environ["THRESHOLD_DEMO_URL"])
    try:
        ((dose_id, _), *_) = medication(ensure_profile(demo)).doses
    finally:
        demo.dispose()
    leaving.selectbox(key="prn_list_pick").set_value(dose_id).run()
    leaving.button(key=f"prn_list_remove_{dose_id}").click().run()
    leaving.button(key=f"prn_list_remove_yes_{dose_id}").click().run()
    assert "prn_list_undo_button" in [b.key for b in leaving.button]
    keys = [str(b.key) for b in leaving.button]
    demo_id = min(int(k.rsplit("_", 1)[1]) for k in keys if k.startswith("med_list_remove_"))
    for _ in range(demo_id):
        add_regular(app_ctx, {"name": "Amitriptyline", "dose": 10, "unit": "mg", "start": date.today()})
    assert demo_id in [i for i, _ in medication(app_ctx).regular]
    leaving.button(key=f"med_list_remove_{demo_id}").click().run()
    assert "Only for a mistake" in _warnings(leaving)
    leaving.button(key="leave_demo").click().run()
    assert not leaving.exception and not leaving.session_state[DEMO_KEY]
    leaving.switch_page("pages/medication.py").run()
    assert "Only for a mistake" not in _warnings(leaving)
    assert f"med_list_remove_yes_{demo_id}" not in [b.key for b in leaving.button]
    assert f"med_list_remove_{demo_id}" in [b.key for b in leaving.button], "one's own row offers Remove… afresh"
    assert f"{medication_remove.DOSES}_undo" not in leaving.session_state, "the demo's undo stays in the demo"

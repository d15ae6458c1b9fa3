"""The Report page: preview, PDF built only when asked, and share links created, listed and withdrawn."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from streamlit.testing.v1 import AppTest

from services.context import Ctx, ensure_profile
from services.function_goals import add_goal, function_goals, rate_goals
from services.medication import add_regular
from services.pgic import pgic_status
from services.profiles import save_settings
from services.sharing import create_link, list_links, open_link
from tests.factories import create_session
from tests.ui.test_pages import _texts as _page_texts
from tests.ui.test_signin import _hosted
from ui import share_links
from ui.session import DEMO_KEY


def _texts(at: AppTest) -> str:
    """Every message and line of text on the page, the plain-text elements (the person's own words) included."""
    return "\n".join([_page_texts(at), *(str(t.value) for t in at.text)])


def _report_page(at: AppTest) -> AppTest:
    return at.switch_page("pages/report.py").run()


def _token_from(at: AppTest) -> str:
    (shown,) = [c.value for c in at.code]
    assert "/?token=" in shown
    return shown.split("token=", 1)[1]


def test_preview_shows_the_summary_for_the_chosen_range(at, app_ctx):
    save_settings(app_ctx, {"unit": "kg", "pain_limit": 5, "regions": ["lower_back"], "display_name": "Zoë Ångström"})
    for days in (1, 2, 3):
        create_session(app_ctx, when=datetime.now() - timedelta(days=days))
    _report_page(at)
    assert not at.exception
    texts = _texts(at)
    assert "Zoë Ångström" in texts and "3 sessions" in texts
    note = " ".join(c.value for c in at.caption)
    assert "Progress opens on the last 12 months" in note and "pick the same dates here" in note
    at.date_input(key="rep_end").set_value(date.today() - timedelta(days=10)).run()
    assert "0 sessions" in _texts(at) and "Nothing was logged in this period." in _texts(at)


def test_a_reversed_range_says_what_to_fix(at, app_ctx):
    _report_page(at)
    at.date_input(key="rep_start").set_value(date.today() - timedelta(days=1))
    at.date_input(key="rep_end").set_value(date.today() - timedelta(days=5)).run()
    assert any("before the start date" in e.value for e in at.error)
    assert all(b.key != "rep_pdf_build" for b in at.button) and "sessions," not in _texts(at)


def test_pdf_is_built_only_when_asked_and_rebuilt_for_a_new_range(at, app_ctx):
    create_session(app_ctx, when=datetime.now() - timedelta(days=1))
    _report_page(at)
    assert "rep_pdf_built" not in at.session_state
    assert [b.key for b in at.get("download_button")] == ["rep_fhir"]
    at.button(key="rep_pdf_build").click().run()
    assert not at.exception
    request, data = at.session_state["rep_pdf_built"]
    assert data.startswith(b"%PDF") and request[2] == ("lower_back",)
    assert [b.key for b in at.get("download_button")] == ["rep_pdf_download", "rep_fhir"]
    at.multiselect(key="rep_regions").set_value(["lower_back", "left_knee"]).run()
    assert [b.key for b in at.get("download_button")] == ["rep_fhir"], "the old PDF no longer matches the request"


ALICE = {"is_logged_in": True, "sub": "alice", "iss": "oidc", "name": "Alice"}


def _signed_in_report(app_db) -> tuple[AppTest, Ctx]:
    """Alice, signed in on a server with sign-in configured (where share links are offered), on the Report page."""
    at = _hosted(ALICE)
    at.run()
    return _report_page(at), ensure_profile(app_db, "oidc|alice")


def test_without_sign_in_configured_no_link_is_offered_and_the_page_says_why(at, app_ctx):
    _report_page(at)
    assert not at.exception
    assert all(b.key != "share_create" for b in at.button)
    assert share_links.SHARING_NEEDS_SIGN_IN in [i.value for i in at.info]


def test_creating_a_link_shows_it_once_and_lists_it(app_db):
    at, app_ctx = _signed_in_report(app_db)
    at.number_input(key="share_days").set_value(10)
    at.text_area(key="share_note").set_value("Für Dr. Müller: knee since March")
    at.button(key="share_create").click().run()
    assert not at.exception
    token = _token_from(at)
    scope = open_link(app_ctx.db, token)
    assert scope.owner_id == app_ctx.owner_id and scope.note == "Für Dr. Müller: knee since March"
    (link,) = list_links(app_ctx)
    assert (link.expires_at - link.created_at).days == 10
    at.run()
    assert not at.code, "the link is shown only once"
    assert "opened once" in _texts(at)


def test_withdrawing_a_link_stops_it_and_shows_withdrawn(app_db):
    at, app_ctx = _signed_in_report(app_db)
    at.button(key="share_create").click().run()
    token = _token_from(at)
    (link,) = list_links(app_ctx)
    at.button(key=f"share_revoke_{link.id}").click().run()
    assert list_links(app_ctx)[0].revoked
    assert "withdrawn" in _texts(at)
    assert all(b.key != f"share_revoke_{link.id}" for b in at.button)
    doctor = _hosted({"is_logged_in": False})
    doctor.query_params["token"] = token
    doctor.run()
    assert "This link is not valid" in _texts(doctor)


def test_a_note_with_markup_is_refused_beside_the_field(app_db):
    at, app_ctx = _signed_in_report(app_db)
    at.text_area(key="share_note").set_value("<script>alert(1)</script>")
    at.button(key="share_create").click().run()
    assert any("markup" in e.value for e in at.error)
    assert list_links(app_ctx) == [] and not at.code


def test_in_hosted_mode_each_person_reports_and_shares_only_their_own_data(app_db):
    alice = ensure_profile(app_db, "oidc|alice")
    save_settings(alice, {"unit": "kg", "pain_limit": 5, "regions": ["lower_back"], "display_name": "Alice A"})
    create_session(alice, when=datetime.now() - timedelta(days=1))
    create_link(alice, start=date.today() - timedelta(days=7), end=date.today(), regions=["lower_back"])
    bob = _hosted({"is_logged_in": True, "sub": "bob", "iss": "oidc", "name": "Bob"})
    bob.run()
    _report_page(bob)
    assert not bob.exception
    texts = _texts(bob)
    assert "0 sessions" in texts and "Alice" not in texts
    assert not [b for b in bob.button if str(b.key).startswith("share_revoke_")]


def test_the_link_points_at_the_app_root_not_the_report_page(monkeypatch):
    class Context:
        url = "https://clinic.example/threshold/report"

    monkeypatch.setattr(share_links.st, "context", Context())
    monkeypatch.setattr(share_links.st, "get_option", lambda name: "threshold/")
    assert share_links.link_url("abc") == "https://clinic.example/threshold/?token=abc"
    monkeypatch.setattr(share_links.st, "get_option", lambda name: "")
    assert share_links.link_url("abc") == "https://clinic.example/?token=abc"


def test_demo_mode_offers_no_share_links(at, app_ctx):
    at.session_state[DEMO_KEY] = True
    _report_page(at)
    assert not at.exception
    assert all(b.key != "share_create" for b in at.button)
    assert "leave the demo" in _texts(at)


def test_an_address_in_a_link_note_is_listed_exactly_as_typed(app_db):
    at, alice = _signed_in_report(app_db)
    note = "Scan results: https://clinic.example/my_scan_2026 (ask *Dr* Lee)"
    create_link(alice, start=date.today() - timedelta(days=7), end=date.today(), regions=["lower_back"], note=note)
    at.run()
    assert f"Note: {note}" in [t.value for t in at.text]


def _pgic_due(app_ctx: Ctx) -> None:
    """Someone who started 40 days ago and has not answered the overall-change question yet."""
    create_session(app_ctx, when=datetime.now() - timedelta(days=40))


def test_pgic_due_is_asked_beside_the_report_and_the_answer_lands_on_page_one(at, app_ctx):
    _pgic_due(app_ctx)
    _report_page(at)
    assert not at.exception
    radio = at.radio(key="rep_pgic_score")
    assert radio.value is None and len(radio.options) == 7, "optional: nothing chosen for the person"
    assert "Overall change since starting" not in _texts(at)
    radio.set_value(2)
    at.button(key="rep_pgic_save").click().run()
    assert not at.exception
    assert [r.score for r in pgic_status(app_ctx).answers] == [2]
    texts = _texts(at)
    assert "Saved: much improved. It is on page 1 of the report." in texts
    answered = f"Much improved (2 on the 1-7 scale), answered {date.today().day} {date.today():%b %Y}"
    assert f"• {answered}" in texts
    assert not [r for r in at.radio if r.key == "rep_pgic_score"], "answered: not asked again this month"


def test_pgic_can_be_skipped_and_saving_without_an_answer_says_what_to_do(at, app_ctx):
    _pgic_due(app_ctx)
    _report_page(at)
    at.button(key="rep_pgic_save").click().run()
    assert any("Overall change" in e.value for e in at.error)
    assert pgic_status(app_ctx).answers == []
    at.button(key="rep_pgic_skip").click().run()
    assert not at.exception
    assert not [r for r in at.radio if r.key == "rep_pgic_score"] and "1 session" in _texts(at)
    assert pgic_status(app_ctx).answers == [] and pgic_status(app_ctx).due


def test_pgic_is_not_asked_when_not_due(at, app_ctx):
    create_session(app_ctx, when=datetime.now() - timedelta(days=2))
    _report_page(at)
    assert not [r for r in at.radio if r.key == "rep_pgic_score"]


def test_psfs_activities_and_medication_names_show_exactly_as_typed_on_page_one(at, app_ctx):
    activity = "Walk to https://park.example/my_path_2 **fast** (see [map])"
    add_goal(app_ctx, {"activity": activity, "created_on": date.today() - timedelta(days=14)})
    (goal,) = function_goals(app_ctx).active
    rate_goals(app_ctx, date.today() - timedelta(days=14), {goal.id: 2})
    rate_goals(app_ctx, date.today(), {goal.id: 6})
    add_regular(app_ctx, {"name": "Co_codamol *slow*", "dose": 2, "unit": "tablets", "start": date.today()})
    _report_page(at)
    assert not at.exception
    shown = [str(t.value) for t in at.text]
    assert any(f"• {activity}: 2 (" in t and "+4: clinically important improvement" in t for t in shown)
    assert any("• Co_codamol *slow* 2 tablets, regular: since" in t for t in shown)
    assert "https://park" not in _page_texts(at), "never through Markdown, which would make a link of it"
    assert any(t.startswith("• Tolerated work") or "sessions" in t for t in shown), "every block alike"


def test_the_report_charts_draw_without_warnings_in_the_server_log(at, app_ctx, caplog):
    # Each chart used to log a warning with a stack trace (alt= overriding the chart's own description), which
    # also gave the four threshold panels one screen-reader name without their exercises.
    for days in (1, 2, 3, 5, 8):
        create_session(app_ctx, when=datetime.now() - timedelta(days=days))
    with caplog.at_level("WARNING"):
        _report_page(at)
    assert not at.exception
    assert at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")
    assert not [r for r in caplog.records if "overrides it for the accessible name" in r.getMessage()]

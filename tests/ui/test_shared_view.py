"""The doctor's view through a share link: exactly the link's range and regions, read-only, no sign-in."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from db.models import ShareLink
from services.checkins import record_checkin
from services.context import ensure_profile
from services.function_goals import add_goal, function_goals, rate_goals
from services.medication import add_regular
from services.profiles import save_settings
from services.sharing import create_link, list_links, revoke_link
from tests.factories import create_session
from tests.ui.conftest import APP
from tests.ui.test_report_page import _texts
from tests.ui.test_signin import AUTH
from tracker import sharing
from ui.share_links import SHARED_NEEDS_SIGN_IN

INPUTS = (
    "text_input",
    "text_area",
    "number_input",
    "date_input",
    "time_input",
    "selectbox",
    "multiselect",
    "radio",
    "checkbox",
    "toggle",
    "slider",
    "select_slider",
    "color_picker",
    "chat_input",
)
TODAY = date.today()


def _doctor(token: str, *, hosted: bool = True) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    if hosted:
        at.secrets["auth"] = AUTH
        at.user = {"is_logged_in": False}
    at.query_params["token"] = token
    return at.run()


def _inputs(at: AppTest) -> list[str]:
    return [kind for kind in INPUTS for _ in at.get(kind)]


def _share(ctx, *, days_back: int = 20, regions=("lower_back",), note: str = "", now: datetime | None = None) -> str:
    end = (now or datetime.now()).date()
    return create_link(ctx, start=end - timedelta(days=days_back), end=end, regions=list(regions), note=note, now=now)


@pytest.fixture
def alice(app_db):
    """A signed-in person with a name, three recent sessions and an old one outside any link's range."""
    ctx = ensure_profile(app_db, "oidc|alice")
    save_settings(ctx, {"unit": "kg", "pain_limit": 5, "regions": ["lower_back"], "display_name": "Zoë Ångström"})
    for days in (1, 3, 5):
        create_session(ctx, when=datetime.now() - timedelta(days=days), notes="Stairs fine")
    create_session(ctx, when=datetime.now() - timedelta(days=60), exercise="Leg curl")
    return ctx


def test_a_valid_link_shows_its_range_and_summary_without_sign_in(alice):
    at = _doctor(_share(alice, note="Knee since March"), hosted=True)
    assert not at.exception
    texts = _texts(at)
    start = TODAY - timedelta(days=20)
    assert f"{start.day} {start:%b %Y} to {TODAY.day} {TODAY:%b %Y}" in texts
    assert "Zoë Ångström" in texts and "3 sessions" in texts and "Knee since March" in texts
    assert all(b.key != "sign_in" for b in at.button)
    assert len(list_links(alice)[0].views) == 1
    # Daily pain, the leg press sessions still without a next-morning rating, and the next-morning response.
    assert len(at.get("vega_lite_chart")) == 3
    assert "1 recent session is waiting for the next-morning rating" in texts  # as written, no escapes


def test_without_sign_in_configured_a_link_shows_nothing_of_the_data(alice):
    at = _doctor(_share(alice), hosted=False)
    assert not at.exception
    assert [w.value for w in at.warning] == [SHARED_NEEDS_SIGN_IN]
    assert "Zoë" not in _texts(at) and not at.button and not at.sidebar.children
    assert list_links(alice)[0].views == ()


def test_the_shared_view_has_no_input_and_only_the_download_buttons(alice):
    at = _doctor(_share(alice))
    assert _inputs(at) == []
    assert [b.key for b in at.button] == ["shared_pdf_build"]
    at.button(key="shared_pdf_build").click().run()
    assert not at.exception
    assert [b.key for b in at.button] == []
    assert [b.key for b in at.get("download_button")] == ["shared_pdf_download", "shared_fhir"]
    _, pdf = at.session_state["shared_pdf_built"]
    assert pdf.startswith(b"%PDF")
    assert len(list_links(alice)[0].views) == 1, "clicks on the page are not new visits"


def test_withdrawing_stops_a_view_that_is_already_open(alice):
    at = _doctor(_share(alice))
    revoke_link(alice, list_links(alice)[0].id)
    at.button(key="shared_pdf_build").click().run()
    assert "This link is not valid" in _texts(at)
    assert "shared_pdf_built" not in at.session_state


@pytest.mark.parametrize(
    "mangle",
    [
        lambda t: t[:-1],
        lambda t: t[: len(t) // 2],
        lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"),
        lambda t: sharing.new_token(),
        lambda t: "",
        lambda t: "' OR 1=1 --",
    ],
    ids=["truncated", "half", "tampered", "random", "empty", "sql"],
)
def test_wrong_tokens_show_only_the_plain_message(alice, mangle):
    at = _doctor(mangle(_share(alice)))
    _assert_plain_refusal(at)
    assert list_links(alice)[0].views == ()


def test_expired_and_withdrawn_links_show_the_same_plain_message(alice):
    expired = _share(alice, now=datetime.now() - timedelta(days=31))
    _assert_plain_refusal(_doctor(expired))
    withdrawn = _share(alice)
    revoke_link(alice, list_links(alice)[0].id)
    _assert_plain_refusal(_doctor(withdrawn))


def _assert_plain_refusal(at: AppTest) -> None:
    assert not at.exception
    assert [w.value for w in at.warning] == [sharing.INVALID]
    assert [t.value for t in at.title] == ["Threshold"]
    texts = _texts(at)
    assert "Zoë" not in texts and "sessions" not in texts and "Stairs" not in texts
    assert _inputs(at) == [] and not at.button and not at.sidebar.children


def test_a_link_never_shows_another_owners_data(app_db, alice):
    bob = ensure_profile(app_db, "oidc|bob")
    save_settings(bob, {"unit": "kg", "pain_limit": 5, "regions": ["left_knee"], "display_name": "Bob Builder"})
    create_session(bob, when=datetime.now() - timedelta(days=2), region="left_knee", before=9, notes="Bob's note")
    for back in (1, 0):  # still 9/10 on waking the next two days: a red flag
        day = date.today() - timedelta(days=back)
        record_checkin(bob, {"day": day, "region": "left_knee", "pain": 9}, today=date.today())
    bobs = _doctor(_share(bob, regions=("left_knee",)))
    texts = _texts(bobs)
    assert "Bob Builder" in texts and "1 session in 3 days" in texts and "Very high left knee pain" in texts
    assert "Zoë" not in texts
    alices = _texts(_doctor(_share(alice)))
    assert "Bob" not in alices and "left knee" not in alices.lower() and "3 sessions" in alices


def test_a_link_shows_only_its_regions(app_db, alice):
    create_session(alice, when=datetime.now() - timedelta(days=2), region="left_knee", during=9)
    texts = _texts(_doctor(_share(alice, regions=("lower_back",))))
    assert "knee" not in texts.lower()


NOTE = "Scan: https://clinic.example/my_scan_2 **stars** <b>bold</b> \\ end"


def test_the_note_psfs_activities_and_medication_names_show_exactly_as_typed(alice):
    token = _share(alice, note="placeholder")
    # The form refuses a tag in a note; one stored by an older version or a restored backup still shows as typed.
    with alice.db.write() as s:
        s.scalars(select(ShareLink)).one().note = NOTE
    activity = "Walk to https://park.example/my_path **fast**"
    add_goal(alice, {"activity": activity, "created_on": TODAY - timedelta(days=10)})
    (goal,) = function_goals(alice).active
    rate_goals(alice, TODAY - timedelta(days=10), {goal.id: 5})
    add_regular(alice, {"name": "Co_codamol *slow*", "dose": 2, "unit": "tablets", "start": TODAY - timedelta(days=5)})
    at = _doctor(token)
    assert not at.exception
    shown = [str(t.value) for t in at.text]
    assert NOTE in shown, "the note is one plain-text element, character for character"
    assert any(f"• {activity}: 5 (" in t and "rated once in this period" in t for t in shown)
    assert any(t.startswith("• Co_codamol *slow* 2 tablets, regular: since") for t in shown)
    markdown = "\n".join(str(m.value) for m in at.markdown)
    assert "Note from the patient" in markdown
    assert "clinic.example" not in markdown and "park.example" not in markdown and "Co_codamol" not in markdown

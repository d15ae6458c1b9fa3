"""The FHIR download on the Report page and in the share view, and the reminder settings (AppTest)."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from formats.fhir import read_bundle
from services.medication import log_dose
from services.profiles import get_reminders
from tests.factories import create_session
from tests.integration.test_cli_fhir_reminders import events_of
from tests.ui.test_shared_view import _doctor, _share, alice  # noqa: F401 (the fixture is used by name)

NOW = datetime.now().replace(microsecond=0)


def _fhir(downloads, start: str) -> Any:
    (name,) = [n for n in downloads if n.startswith(start) and n.endswith(".json")]
    return read_bundle(downloads[name]())


def test_fhir_download_on_the_report_page_holds_the_reports_range(at, app_ctx, downloads):
    create_session(app_ctx, when=NOW - timedelta(days=2), before=2, during=4, after=3)
    create_session(app_ctx, when=NOW - timedelta(days=200), before=7, during=8, after=7)
    at.switch_page("pages/report.py").run()
    assert not at.exception
    assert any("clinic" in str(c.value) and "FHIR" in str(c.value) for c in at.text)
    record = _fhir(downloads, "threshold-fhir-")
    assert sorted(p.score for p in record.pains) == [2, 3, 4], "the session 200 days ago is outside the 12 weeks"


def test_fhir_download_in_the_share_view_holds_only_what_the_link_grants(alice, downloads):  # noqa: F811
    create_session(alice, when=NOW - timedelta(days=2), region="left_knee", before=6, during=6, after=6)
    log_dose(alice, {"name": "Ibuprofen", "dose": 400, "unit": "mg", "taken_at": NOW - timedelta(days=2)}, now=NOW)
    log_dose(alice, {"name": "Ibuprofen", "dose": 400, "unit": "mg", "taken_at": NOW - timedelta(days=50)}, now=NOW)
    at = _doctor(_share(alice, regions=("lower_back",)))
    assert not at.exception
    record = _fhir(downloads, "threshold-fhir-")
    assert record.pains and {p.region for p in record.pains} == {"lower_back"}
    assert len(record.exercises) == 4, "three sessions and the knee one in 20 days, not the one 60 days back"
    assert [d.taken for d in record.as_needed] == [NOW - timedelta(days=2)]
    assert record.name == "Zoë Ångström"


def test_reminder_times_bad_input_is_refused_beside_the_field_and_not_stored(at, app_ctx):
    at.switch_page("pages/settings.py").run()
    at.text_input(key="rem_morning").set_value("7.30")
    at.text_input(key="rem_peg_at").set_value("25:00")
    at.button(key="rem_save").click().run()
    errors = [e.value for e in at.error]
    assert any("Morning check-in" in e and "like 08:00" in e for e in errors)
    assert any("Weekly PEG-3" in e for e in errors)
    assert at.text_input(key="rem_morning").value == "7.30", "what was typed stays"
    assert get_reminders(app_ctx).morning == "08:00"


def test_reminder_times_saved_then_the_calendar_file_uses_them(at, app_ctx, downloads):
    at.switch_page("pages/settings.py").run()
    at.text_input(key="rem_morning").set_value("06:40")
    at.selectbox(key="rem_peg_weekday").set_value("thursday")
    at.selectbox(key="rem_zone").set_value("Asia/Tokyo")
    at.button(key="rem_save").click().run()
    assert not at.exception
    assert any("Reminder times saved" in s.value and "Asia/Tokyo" in s.value for s in at.success)
    saved = get_reminders(app_ctx)
    assert (saved.morning, saved.peg_weekday, saved.zone) == ("06:40", "thursday", "Asia/Tokyo")
    events = events_of(downloads["threshold-reminders.ics"]())
    morning = events["Threshold: morning check-in"]["dtstart"].dt
    assert morning.time() == time(6, 40) and str(morning.tzinfo) == "Asia/Tokyo"

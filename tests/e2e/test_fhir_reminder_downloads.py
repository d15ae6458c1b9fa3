"""In the browser: the FHIR file from the Report page and the calendar reminders from Settings, then opened."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from fhir.resources.R4B.bundle import Bundle
from playwright.sync_api import Page

from tests.e2e.conftest import App
from tests.e2e.test_downloads import SESSIONS, download, seed
from tests.e2e.ui import go_to, open_app
from tests.integration.test_cli_fhir_reminders import events_of

pytestmark = pytest.mark.e2e


def test_fhir_file_from_the_report_and_reminders_from_settings(app: App, page: Page, tmp_path: Path) -> None:
    seed(app)
    open_app(page, app.url)
    go_to(page, "Report", "Report for your doctor")
    fhir = download(page, "Download for your clinic's system (FHIR)", tmp_path)
    assert fhir.name.startswith("threshold-fhir-") and fhir.suffix == ".json"
    bundle = Bundle.model_validate_json(fhir.read_bytes())
    kinds = [e.resource.get_resource_type() for e in bundle.entry or () if e.resource is not None]
    # Per session: before, during and after in one region, and the next morning.
    assert kinds[0] == "Patient" and kinds.count("Observation") == len(SESSIONS) * (4 + 1)

    go_to(page, "Settings")
    ics = download(page, "Download calendar reminders (.ics)", tmp_path)
    assert ics.name == "threshold-reminders.ics"
    events = events_of(ics.read_bytes())
    assert sorted(events) == [
        "Threshold: morning check-in",
        "Threshold: re-rate your function goals",
        "Threshold: weekly PEG-3",
    ]
    assert all(e["dtstart"].dt.date() >= date.today() for e in events.values())

"""Downloads in demo mode: every file name says demo, and so do the PDF's pages, the zip's README and the backup.

AppTest runs the entry script only on its first run, so a test that starts in demo mode begins a fresh AppTest
after the demo database was filled through the home page's button.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from datetime import date, datetime, timedelta

import pytest
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from formats.report_pdf import DEMO_MARK
from services.history import history
from tests.factories import create_session
from tests.ui.conftest import APP
from ui.session import DEMO_KEY

SQLITE = "application/vnd.sqlite3"
Downloads = dict[str, Callable[[], bytes]]


# Automatic pre-restore backups of every test here go to a temporary folder (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("safety_dir")


@pytest.fixture
def demo(at: AppTest) -> AppTest:
    """The app in demo mode, the demo database filled."""
    at.button(key="try_demo").click().run()
    app = AppTest.from_file(APP, default_timeout=60)
    app.session_state[DEMO_KEY] = True
    return app.run()


def _visit_every_download(at: AppTest) -> None:
    """Open each page that offers a download, making every button appear (PDF built, the chart download section
    open on its first chart, then on the pain trend)."""
    for page in ("pages/backup.py", "pages/data.py", "pages/history.py"):
        at.switch_page(page).run()
        assert not at.exception
    _pdf(at)
    at.switch_page("pages/progress.py").run()
    at.session_state["dl_charts"] = True  # what opening the page's chart download section sends
    at.run()
    at.selectbox(key="dl_chart").set_value("pain").run()
    assert not at.exception


def _pdf(at: AppTest) -> PdfReader:
    at.switch_page("pages/report.py").run()
    at.button(key="rep_pdf_build").click().run()
    assert not at.exception
    _request, data = at.session_state["rep_pdf_built"]
    return PdfReader(io.BytesIO(data))


def _texts(at: AppTest) -> str:
    return "\n".join(
        str(getattr(e, "value", "")) for kind in ("markdown", "info", "warning", "error") for e in at.get(kind)
    )


def _named(downloads: Downloads, start: str) -> bytes:
    (name,) = [n for n in downloads if n.startswith(start)]
    return downloads[name]()


def test_in_demo_mode_every_download_is_named_demo(demo, downloads):
    _visit_every_download(demo)
    assert {name.rsplit(".", 1)[-1] for name in downloads} == {"sqlite", "zip", "csv", "pdf", "png", "svg", "json"}
    assert [name for name in downloads if not name.startswith("threshold-demo-")] == []


def test_outside_demo_mode_the_file_names_are_as_before(at, app_ctx, downloads):
    create_session(app_ctx, when=datetime.now() - timedelta(days=2))
    _visit_every_download(at)
    today = date.today()
    assert set(downloads) == {
        f"threshold-backup-{today}.sqlite",
        f"threshold-data-{today}.zip",
        "threshold-history.csv",
        f"threshold-report-{today - timedelta(weeks=12)}-to-{today}.pdf",
        f"threshold-fhir-{today - timedelta(weeks=12)}-to-{today}.json",
        "progress-threshold-leg-press.png",
        "progress-threshold-leg-press.svg",
        "progress-pain.png",
        "progress-pain.svg",
    }


def test_the_demo_pdf_says_demo_on_every_page(demo):
    reader = _pdf(demo)
    assert len(reader.pages) > 2
    assert [i for i, page in enumerate(reader.pages) if DEMO_MARK not in page.extract_text()] == []
    assert reader.metadata is not None and "demo" in str(reader.metadata.title)


def test_the_real_pdf_has_no_demo_mark(at, app_ctx):
    create_session(app_ctx, when=datetime.now() - timedelta(days=2))
    reader = _pdf(at)
    assert [page for page in reader.pages if "demo" in page.extract_text().lower()] == []


def test_a_pdf_built_in_the_demo_is_not_offered_after_leaving_it(demo):
    _pdf(demo)
    demo.button(key="leave_demo").click().run()
    demo.switch_page("pages/report.py").run()
    assert not demo.exception
    assert [b.key for b in demo.get("download_button")] == ["rep_fhir"], "the FHIR file is made when clicked"


def test_the_demo_data_page_and_its_zip_say_demo(demo, downloads):
    demo.switch_page("pages/data.py").run()
    assert "demo's made-up data, not your own" in _texts(demo)
    assert [b.label for b in demo.get("download_button")] == ["Download the demo data"]
    with zipfile.ZipFile(io.BytesIO(_named(downloads, "threshold-demo-data-"))) as archive:
        readme = archive.read("README.txt").decode("utf-8")
    assert readme.startswith("DEMO DATA: made-up example data, not a real person's record.")


def test_the_backup_page_in_the_demo_says_it_backs_up_the_demo_only(demo):
    demo.switch_page("pages/backup.py").run()
    assert not demo.exception
    texts = _texts(demo)
    assert "demo's made-up data only, not your own" in texts and "your own data is not touched" in texts
    assert demo.checkbox(key="backup_confirm").label == "Yes, replace the demo data with this backup"


def test_a_demo_backup_restores_into_the_demo_but_not_over_your_own_data(demo, app_ctx, downloads):
    demo.switch_page("pages/backup.py").run()
    backup = _named(downloads, "threshold-demo-backup-")
    for app in (demo, AppTest.from_file(APP, default_timeout=60).run()):
        app.switch_page("pages/backup.py").run()
        app.file_uploader(key="backup_upload").set_value(("d.sqlite", backup, SQLITE)).run()
        app.checkbox(key="backup_confirm").check().run()
        app.button(key="backup_restore").click().run()
        assert not app.exception
    assert "Backup restored" in "\n".join(str(s.value) for s in demo.success)
    assert "demo's made-up data, not of your own" in _texts(app)
    assert history(app_ctx).empty


def test_the_demo_fhir_file_is_labelled_test_data_and_names_no_one(demo, downloads):
    _visit_every_download(demo)
    bundle = json.loads(_named(downloads, "threshold-demo-fhir-"))
    labels = {
        r.get("meta", {}).get("security", [{}])[0].get("code")
        for r in [bundle, *(e["resource"] for e in bundle["entry"])]
    }
    assert labels == {"HTEST"}
    assert "made-up" in bundle["entry"][0]["resource"]["name"][0]["text"]

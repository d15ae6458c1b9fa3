"""Downloading the CSV zip, the doctor's PDF and a Progress chart (PNG, SVG) in the browser, then opening them."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from services.checkins import record_morning
from tests.e2e.conftest import App
from tests.e2e.ui import click, go_to, idle, open_app, open_chart_downloads, open_more_charts
from tests.factories import create_session

pytestmark = pytest.mark.e2e

# Days ago and the weight lifted (kg).
SESSIONS = {20: 40.0, 13: 42.5, 6: 45.0}


def seed(app: App) -> None:
    """Three leg-press sessions a week apart, each with a settled next morning."""
    for days, weight in SESSIONS.items():
        day = date.today() - timedelta(days=days)
        create_session(app.ctx, when=datetime.combine(day, time(17)), weight=weight, reps=10)
        record_morning(app.ctx, day + timedelta(days=1), {"lower_back": 1})


def download(page: Page, button: str, folder: Path) -> Path:
    """Press a download button and keep the file the browser receives."""
    with page.expect_download() as started:
        click(page, button)
    done = started.value
    target = folder / done.suggested_filename
    done.save_as(target)
    return target


def test_csv_zip_and_pdf_report(app: App, page: Page, tmp_path: Path) -> None:
    seed(app)
    open_app(page, app.url)

    go_to(page, "Your data")
    archive = download(page, "Download all my data", tmp_path)
    assert archive.name == f"threshold-data-{date.today()}.zip"
    with zipfile.ZipFile(archive) as files:
        assert "README.txt" in files.namelist()
        sets = list(csv.DictReader(io.StringIO(files.read("sets.csv").decode("utf-8-sig"))))
        checkins = list(csv.DictReader(io.StringIO(files.read("checkins.csv").decode("utf-8-sig"))))
    assert len(sets) == 3 * len(SESSIONS)
    assert {row["exercise"] for row in sets} == {"Leg press"}
    assert sorted({float(row["weight_kg"]) for row in sets}) == sorted(SESSIONS.values())
    assert len(checkins) == len(SESSIONS)

    go_to(page, "Report", "Report for your doctor")
    click(page, "Prepare the PDF")
    expect(page.get_by_role("button", name="Download the PDF")).to_be_visible()
    idle(page)
    report = download(page, "Download the PDF", tmp_path)
    assert report.name.startswith("threshold-report-") and report.suffix == ".pdf"
    text = "\n".join(p.extract_text() for p in PdfReader(report).pages)
    assert "Adherence" in text
    assert "3 sessions" in text
    assert "Leg press" in text


def test_progress_chart_as_png_and_svg_from_its_download_menu(app: App, page: Page, tmp_path: Path) -> None:
    seed(app)
    open_app(page, app.url)
    go_to(page, "Progress")
    open_more_charts(page)
    # One "Download charts" section for every chart drawn; its widgets are made only once it is opened.
    expect(page.get_by_test_id("stDownloadButton")).to_have_count(0)
    section = open_chart_downloads(page, "Strength: estimated one-rep max")
    made = {}
    for kind in ("png", "svg"):
        with page.expect_download() as started:
            section.get_by_role("button", name=f"Download {kind.upper()}", exact=True).click()
        assert started.value.suggested_filename == f"progress-strength.{kind}"
        made[kind] = tmp_path / started.value.suggested_filename
        started.value.save_as(made[kind])
    assert made["png"].read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    svg = made["svg"].read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<svg") and "Leg press" in svg
    assert "Strength: estimated one-rep max" in svg, "a picture on its own says what it shows"

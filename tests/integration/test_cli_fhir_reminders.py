"""`cli.py export --format fhir` and `cli.py reminders`, run as a user would in a separate process."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle
from icalendar import Calendar
from sqlalchemy import func, select

from db.models import Checkin, PainRating
from services.context import Ctx, ensure_profile, open_database
from services.demo import fill_demo
from services.profiles import save_reminders
from tests.integration.test_cli import _one_clear_line, run

PAIN = "72514-3"


@pytest.fixture
def demo_file(tmp_path: Path) -> Iterator[tuple[Ctx, Path]]:
    """A SQLite file holding a few months of demo history for the local owner."""
    path = tmp_path / "demo.db"
    database = open_database(str(path))
    ctx = ensure_profile(database)
    fill_demo(ctx, years=0.2, seed=5, today=date(2026, 11, 20))
    yield ctx, path
    database.dispose()


def events_of(data: bytes) -> dict[str, Any]:
    """The calendar's events by summary."""
    calendar = Calendar.from_ical(data)
    return {str(e["summary"]): e for e in calendar.walk("VEVENT")}


def test_fhir_export_of_the_demo_has_one_pain_observation_per_stored_rating(demo_file, tmp_path):
    ctx, path = demo_file
    with ctx.db.read() as s:
        ratings = sum(
            s.scalar(select(func.count()).select_from(PainRating).where(column.is_not(None))) or 0
            for column in (PainRating.before, PainRating.during, PainRating.after)
        ) + (s.scalar(select(func.count()).select_from(Checkin)) or 0)
    out = tmp_path / "x.json"
    result = run("export", "--format", "fhir", "-o", str(out), "--db", str(path), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"FHIR Bundle written to {out}" in result.stdout
    bundle = Bundle.model_validate_json(out.read_bytes())
    resources: list[Any] = [e.resource for e in bundle.entry or ()]
    pains = [r for r in resources if r.get_resource_type() == "Observation" and r.code.coding[0].code == PAIN]
    assert ratings > 20 and len(pains) == ratings
    assert resources[0].get_resource_type() == "Patient"


def test_fhir_export_refuses_an_unknown_time_zone_and_writes_nothing(demo_file, tmp_path):
    _, path = demo_file
    out = tmp_path / "x.json"
    result = run(
        "export", "--format", "fhir", "--zone", "Mars/Olympus", "-o", str(out), "--db", str(path), cwd=tmp_path
    )
    _one_clear_line(result, "Mars/Olympus", "Europe/Berlin")
    assert not out.exists()


def test_reminders_use_the_times_saved_in_settings(demo_file, tmp_path):
    ctx, path = demo_file
    save_reminders(ctx, {"morning": "7:30", "peg_weekday": "Sunday", "peg_at": "19:00", "psfs_at": "09:15",
                         "zone": "Europe/London"})  # fmt: skip
    result = run("reminders", "-o", "threshold.ics", "--db", str(path), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    events = events_of((tmp_path / "threshold.ics").read_bytes())
    morning = events["Threshold: morning check-in"]["dtstart"].dt
    assert morning.time() == time(7, 30) and str(morning.tzinfo) == "Europe/London"
    peg = events["Threshold: weekly PEG-3"]
    assert peg["dtstart"].dt.time() == time(19, 0) and peg["rrule"]["byday"] == ["SU"]
    psfs = events["Threshold: re-rate your function goals"]
    assert psfs["dtstart"].dt.time() == time(9, 15) and psfs["rrule"]["interval"] == [14]


def test_reminders_options_override_the_settings_for_that_file(demo_file, tmp_path):
    _, path = demo_file
    out = tmp_path / "r.ics"
    result = run("reminders", "--peg", "Fri 18:15", "--morning", "06:45", "--zone", "America/New_York",
                 "-o", str(out), "--db", str(path), cwd=tmp_path)  # fmt: skip
    assert result.returncode == 0, result.stderr
    events = events_of(out.read_bytes())
    peg = events["Threshold: weekly PEG-3"]["dtstart"].dt
    assert (peg.strftime("%a %H:%M"), str(peg.tzinfo)) == ("Fri 18:15", "America/New_York")
    assert events["Threshold: morning check-in"]["dtstart"].dt.time() == time(6, 45)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--morning", "25:00"), ("Morning check-in", "'25:00'", "08:00")),
        (("--peg", "Someday 08:00"), ("Weekly PEG-3", "day of the week")),
        (("--zone", "Mars/Olympus"), ("Mars/Olympus", "Europe/London")),
    ],
    ids=["hour", "weekday", "zone"],
)
def test_reminders_bad_options_are_one_clear_line_and_no_file(demo_file, tmp_path, args, words):
    _, path = demo_file
    out = tmp_path / "r.ics"
    _one_clear_line(run("reminders", *args, "-o", str(out), "--db", str(path), cwd=tmp_path), *words)
    assert not out.exists()


def test_reminders_peg_option_without_a_time_is_a_usage_error(tmp_path):
    result = run("reminders", "--peg", "Monday", cwd=tmp_path)
    assert result.returncode == 2 and "Mon 08:00" in result.stderr


def test_fhir_export_help_names_the_format(tmp_path):
    result = run("export", "--help", cwd=tmp_path)
    assert "--format {csv,fhir}" in result.stdout

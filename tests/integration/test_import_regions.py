"""An import or restore into a profile that still tracks only the starting region tracks the data's regions."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from services.backup import make_backup, restore_backup
from services.checkins import due_today, record_morning
from services.context import Ctx, ensure_profile
from services.export import export_zip
from services.profiles import get_settings, save_settings
from services.sessions import delete_session
from services.transfer import import_file
from tests.factories import NOW, create_session
from tests.transfer_data import STRONG_6

TODAY = NOW.date()


def _knee_history(ctx: Ctx) -> None:
    """Two knee sessions and a knee check-in the morning after the second; no other region is rated."""
    create_session(ctx, when=NOW - timedelta(days=3), region="right_knee")
    create_session(ctx, when=NOW - timedelta(days=1), region="right_knee")
    record_morning(ctx, TODAY, {"right_knee": 2}, today=TODAY)


@pytest.fixture
def knee_zip(ctx: Ctx) -> bytes:
    """A Threshold export whose pain ratings and check-ins are all for the right knee."""
    source = ensure_profile(ctx.db, "knee-patient")
    save_settings(source, {"unit": "kg", "pain_limit": 5, "regions": ["right_knee"]})
    _knee_history(source)
    return export_zip(source)


def test_an_import_into_a_new_profile_tracks_only_the_files_regions(ctx, knee_zip):
    checked = import_file(ctx, "threshold-export.zip", knee_zip, save=False)
    assert checked.preview is not None
    assert "tracks the file's region in its place" in checked.preview.regions_note
    assert get_settings(ctx).regions == ("lower_back",)  # a preview changes nothing
    result = import_file(ctx, "threshold-export.zip", knee_zip)
    assert result.written, result.problems
    assert get_settings(ctx).regions == ("right_knee",)
    assert any(note.startswith("Now tracking: Right knee (from the file).") for note in result.notes)
    assert any("The lower back is no longer tracked" in note for note in result.notes)


def test_todays_knee_check_in_is_the_morning_check_in_done_after_such_an_import(ctx, knee_zip):
    import_file(ctx, "threshold-export.zip", knee_zip)
    due = due_today(ctx, today=TODAY)
    assert due.checkin_sessions == [] and due.missing_regions == []


def test_an_import_keeps_the_lower_back_the_person_chose_beside_other_regions(ctx, knee_zip):
    save_settings(ctx, {"unit": "kg", "pain_limit": 5, "regions": ["lower_back", "left_hip"]})
    result = import_file(ctx, "threshold-export.zip", knee_zip)
    assert get_settings(ctx).regions == ("lower_back", "left_hip", "right_knee")
    assert any(note.startswith("Now also tracking the right knee") for note in result.notes)
    assert not any("no longer tracked" in note for note in result.notes)


def test_an_import_keeps_the_lower_back_when_the_person_rated_it_in_a_session(ctx, knee_zip):
    create_session(ctx, when=NOW - timedelta(days=20), region="lower_back")
    result = import_file(ctx, "threshold-export.zip", knee_zip)
    assert get_settings(ctx).regions == ("lower_back", "right_knee")
    assert any(note.startswith("Now also tracking the right knee") for note in result.notes)


def test_an_import_keeps_the_lower_back_when_the_person_rated_it_on_waking(ctx, knee_zip):
    record_morning(ctx, TODAY - timedelta(days=30), {"lower_back": 4}, today=TODAY)
    import_file(ctx, "threshold-export.zip", knee_zip)
    assert get_settings(ctx).regions == ("lower_back", "right_knee")


def test_an_import_that_rates_the_lower_back_too_keeps_it(ctx):
    source = ensure_profile(ctx.db, "back-and-knee")
    save_settings(source, {"unit": "kg", "pain_limit": 5, "regions": ["lower_back", "right_knee"]})
    _knee_history(source)
    record_morning(source, TODAY - timedelta(days=1), {"lower_back": 3}, today=TODAY)
    import_file(ctx, "threshold-export.zip", export_zip(source))
    assert get_settings(ctx).regions == ("lower_back", "right_knee")


def test_a_workout_app_import_without_pain_ratings_leaves_the_starting_region(ctx):
    result = import_file(ctx, "strong.csv", STRONG_6.encode())
    assert result.written, result.problems
    assert get_settings(ctx).regions == ("lower_back",)
    assert not any("tracking" in note for note in result.notes)


def test_a_second_import_that_rates_the_lower_back_adds_it_back(ctx, knee_zip):
    import_file(ctx, "threshold-export.zip", knee_zip)
    source = ensure_profile(ctx.db, "back-only")
    record_morning(source, TODAY - timedelta(days=2), {"lower_back": 3}, today=TODAY)
    result = import_file(ctx, "threshold-export.zip", export_zip(source))
    assert get_settings(ctx).regions == ("right_knee", "lower_back")
    assert any(note.startswith("Now also tracking the lower back") for note in result.notes)


def test_a_restored_backup_that_tracks_only_the_unrated_starting_region_tracks_its_rated_ones(ctx, safety_dir):
    source = ensure_profile(ctx.db, "old-backup")  # tracks the lower back, rates only the knee
    _knee_history(source)
    result = restore_backup(ctx, make_backup(source), now=datetime.combine(TODAY, NOW.time()))
    assert get_settings(ctx).regions == ("right_knee",)
    assert any(note.startswith("Now tracking: Right knee (from the backup's ratings).") for note in result.notes)


def test_a_restored_backup_keeps_the_regions_its_settings_chose(ctx, safety_dir):
    source = ensure_profile(ctx.db, "chosen")
    save_settings(source, {"unit": "kg", "pain_limit": 5, "regions": ["neck", "lower_back"]})
    _knee_history(source)
    result = restore_backup(ctx, make_backup(source), now=datetime.combine(TODAY, NOW.time()))
    assert get_settings(ctx).regions == ("neck", "lower_back")  # the knee is not added: the backup's choice
    assert not any("tracking" in note for note in result.notes)


def test_the_region_rule_counts_ratings_in_the_bin(ctx, knee_zip):
    session_id = create_session(ctx, when=NOW - timedelta(days=20), region="lower_back")
    delete_session(ctx, session_id)
    import_file(ctx, "threshold-export.zip", knee_zip)
    assert get_settings(ctx).regions == ("lower_back", "right_knee")

"""Reminder times in Settings: stored beside the rule thresholds, checked, and used by the calendar file."""

from __future__ import annotations

from datetime import date

import pytest

from services.backup import make_backup, restore_backup
from services.function_goals import function_goals
from services.profiles import get_reminders, get_settings, save_reminders, save_settings
from services.reminders import reminder_calendar
from tests.integration.test_cli_fhir_reminders import events_of
from tracker.errors import ValidationError
from tracker.settings import Reminders

GOOD = {"morning": "07:05", "peg_weekday": "wed", "peg_at": "20:00", "psfs_at": "18:30", "zone": "Europe/London"}


def _keep(ctx, rules):
    settings = get_settings(ctx)
    save_settings(ctx, {"unit": settings.unit, "pain_limit": settings.pain_limit, "regions": list(settings.regions),
                        "display_name": settings.display_name, "rules": rules})  # fmt: skip


def test_reminder_times_survive_saving_the_rule_thresholds_and_keep_out_of_them(ctx):
    assert get_reminders(ctx) == Reminders()
    save_reminders(ctx, GOOD)
    _keep(ctx, {"psfs_interval_days": 7})
    assert get_reminders(ctx) == Reminders("07:05", "wednesday", "20:00", "18:30", "Europe/London")
    assert get_settings(ctx).rules == {"psfs_interval_days": 7}
    assert function_goals(ctx, today=date(2026, 11, 20)).interval_days == 7


def test_reminder_calendar_repeats_function_goals_at_the_rule_interval(ctx):
    save_reminders(ctx, GOOD)
    _keep(ctx, {"psfs_interval_days": 10})
    events = events_of(reminder_calendar(ctx))
    assert events["Threshold: re-rate your function goals"]["rrule"]["interval"] == [10]
    assert events["Threshold: weekly PEG-3"]["rrule"]["byday"] == ["WE"]


def test_reminder_bad_times_are_refused_per_field_and_nothing_is_stored(ctx):
    save_reminders(ctx, GOOD)
    with pytest.raises(ValidationError) as caught:
        save_reminders(ctx, {"morning": "8am", "peg_weekday": "Funday", "peg_at": "24:00", "psfs_at": "=1+2",
                             "zone": "Atlantis/Capital"})  # fmt: skip
    assert set(caught.value.errors) == {"morning", "peg_weekday", "peg_at", "psfs_at", "zone"}
    assert "like 08:00" in caught.value.errors["morning"]
    assert get_reminders(ctx).morning == "07:05"


def test_reminder_times_and_thresholds_come_back_from_a_backup_without_a_repair_note(ctx, safety_dir):
    save_reminders(ctx, GOOD)
    _keep(ctx, {"psfs_interval_days": 9})
    data = make_backup(ctx)
    save_reminders(ctx, {**GOOD, "morning": "09:00"})
    result = restore_backup(ctx, data)
    assert result.notes == ()
    assert get_reminders(ctx).morning == "07:05" and get_settings(ctx).rules == {"psfs_interval_days": 9}

"""Calendar reminders: the owner's stored times (or times given for this file only) as an iCalendar file."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from db.models import Profile
from formats.reminders import ReminderTimes, reminders_ics
from services.context import Ctx, settings_of
from services.profiles import reminders_of, time_zones, zone_of
from tracker.rules import thresholds
from tracker.settings import check_reminders


def reminder_calendar(ctx: Ctx, given: Mapping[str, Any] | None = None, *, start: date | None = None) -> bytes:
    """The .ics file; `given` overrides some stored fields for this file only (checked like the Settings form).

    The function goals reminder repeats every "days between ratings" of the rule settings, so the calendar and
    Today agree on when a new rating is due.
    """
    with ctx.db.read() as s:
        profile = s.get_one(Profile, ctx.owner_id)
        rules, reminders = settings_of(profile).rules, reminders_of(profile)
    if given:
        reminders = check_reminders({**reminders.stored(), **given}, zones=time_zones())
    times = ReminderTimes(
        morning=reminders.morning,
        peg_weekday=reminders.peg_weekday,
        peg_at=reminders.peg_at,
        psfs_every_days=thresholds(rules).count("psfs_interval_days"),
        psfs_at=reminders.psfs_at,
    )
    return reminders_ics(times, zone_of(reminders), start=start)

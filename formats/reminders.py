"""Reminders a person can add to any calendar app: an iCalendar (RFC 5545) file of three repeating events.

Each event keeps the same UID whatever the times, so importing a new file after changing the times in
Settings updates the reminders instead of adding a second set.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Alarm, Calendar, Event

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# The PSFS is re-rated every one to two weeks (Stratford 1995); closer ratings mostly measure noise.
PSFS_MIN_DAYS, PSFS_MAX_DAYS = 7, 14
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})$")
_LENGTH = timedelta(minutes=10)
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "threshold:reminders")
_ZONE_RULES_AHEAD = timedelta(days=366 * 20)

MORNING_TEXT = (
    "Rate your pain on waking in Threshold. How you feel the morning after is the clearest sign of "
    "whether yesterday's load suited you, so a few seconds now make the next suggestion better."
)
PEG_TEXT = (
    "Answer the three PEG-3 questions in Threshold: pain, and how much it got in the way of enjoying life "
    "and of general activity this week. Weekly answers give your clinician a trend they can read."
)
PSFS_TEXT = (
    "Re-rate the activities you chose in Threshold. What you can do matters as much as how much it hurts, "
    "and rating them every one to two weeks shows whether that is changing."
)


def _clock(label: str, value: str) -> time:
    """'08:00' as a time of day, or a ValueError that says what was wrong."""
    found = _CLOCK.match(value.strip())
    hour, minute = (int(found.group(1)), int(found.group(2))) if found else (-1, -1)
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise ValueError(f"{label}: {value!r} is not a time of day; use hours 0-23 and minutes, like 08:00.")
    return time(hour, minute)


@dataclass(frozen=True)
class ReminderTimes:
    """When each reminder goes off: times as 'HH:MM' on a 24-hour clock in the person's time zone."""

    morning: str = "08:00"
    peg_weekday: str = "monday"
    peg_at: str = "08:00"
    psfs_every_days: int = 14
    psfs_at: str = "08:00"

    def __post_init__(self) -> None:
        _clock("Morning check-in", self.morning)
        _clock("Weekly PEG-3", self.peg_at)
        _clock("Function goals (PSFS)", self.psfs_at)
        if self.peg_weekday.strip().lower() not in WEEKDAYS:
            raise ValueError(f"Weekly PEG-3: {self.peg_weekday!r} is not a day of the week; use a name like Monday.")
        days = self.psfs_every_days
        if isinstance(days, bool) or not isinstance(days, int) or not PSFS_MIN_DAYS <= days <= PSFS_MAX_DAYS:
            raise ValueError(
                f"Function goals (PSFS): re-rate every {PSFS_MIN_DAYS} to {PSFS_MAX_DAYS} days, not {days!r}; "
                "closer ratings mostly show day-to-day noise, and further apart a change is noticed late."
            )


def zone_named(name: str) -> ZoneInfo:
    """The IANA time zone of that name ('Europe/Berlin'), or a ValueError that says how to name one."""
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ValueError(f"Unknown time zone {name!r}; use a name like Europe/Berlin or America/New_York.") from error


def reminders_ics(
    times: ReminderTimes = ReminderTimes(),
    zone: str = "UTC",
    *,
    start: date | None = None,
    stamp: datetime | None = None,
) -> bytes:
    """The reminders as an .ics file, repeating from `start` (today by default) at the times in `zone`."""
    tz = zone_named(zone)
    first = start or datetime.now(tz).date()
    weekday = WEEKDAYS.index(times.peg_weekday.strip().lower())
    peg_day = first + timedelta(days=(weekday - first.weekday()) % 7)
    calendar = Calendar()
    calendar.add("prodid", "-//Threshold//Reminders//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Threshold reminders")
    made = (stamp or datetime.now(UTC)).astimezone(UTC)

    def at(day: date, clock: str) -> datetime:
        return datetime.combine(day, _clock("Reminder", clock), tzinfo=tz)

    morning = _event("morning-checkin", "Threshold: morning check-in", MORNING_TEXT, made)
    morning.add("dtstart", at(first, times.morning))
    morning.add("rrule", {"freq": "daily"})
    peg = _event("weekly-peg", "Threshold: weekly PEG-3", PEG_TEXT, made)
    peg.add("dtstart", at(peg_day, times.peg_at))
    peg.add("rrule", {"freq": "weekly", "byday": times.peg_weekday.strip()[:2].upper()})
    psfs = _event("psfs-rerating", "Threshold: re-rate your function goals", PSFS_TEXT, made)
    psfs.add("dtstart", at(first, times.psfs_at))
    psfs.add("rrule", {"freq": "daily", "interval": times.psfs_every_days})
    for event in (morning, peg, psfs):
        calendar.add_component(event)
    if tz.key != "UTC":
        # Calendar apps go by the zone's name; the rules written out only need to cover the years ahead.
        calendar.add_missing_timezones(first_date=first - timedelta(days=1), last_date=first + _ZONE_RULES_AHEAD)
    return calendar.to_ical()


def _event(key: str, summary: str, text: str, made: datetime) -> Event:
    """An event with its stable UID, words, length and an alarm at its start (times and rule added after)."""
    event = Event()
    event.add("uid", f"{uuid.uuid5(_NAMESPACE, key)}@threshold")
    event.add("dtstamp", made)
    event.add("summary", summary)
    event.add("description", text)
    event.add("duration", _LENGTH)
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", timedelta(0))
    event.add_component(alarm)
    return event

"""Calendar reminders: three repeating events any calendar app can read, at the times and in the zone asked for."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest
from icalendar import Calendar

from formats.reminders import ReminderTimes, reminders_ics

THURSDAY = date(2026, 12, 3)
STAMP = datetime(2026, 12, 3, 7, 0, tzinfo=UTC)


def _events(data: bytes) -> dict[str, Any]:
    calendar = Calendar.from_ical(data)
    return {str(e["summary"]): e for e in calendar.walk("VEVENT")}


def test_the_defaults_give_three_events_repeating_daily_weekly_on_monday_and_every_fourteen_days():
    events = _events(reminders_ics(start=THURSDAY, stamp=STAMP))
    assert set(events) == {
        "Threshold: morning check-in",
        "Threshold: weekly PEG-3",
        "Threshold: re-rate your function goals",
    }
    rules = {name: e["rrule"].to_ical().decode() for name, e in events.items()}
    assert rules["Threshold: morning check-in"] == "FREQ=DAILY"
    assert rules["Threshold: weekly PEG-3"] == "FREQ=WEEKLY;BYDAY=MO"
    assert rules["Threshold: re-rate your function goals"] == "FREQ=DAILY;INTERVAL=14"
    morning = events["Threshold: morning check-in"]["dtstart"].dt
    assert morning == datetime(2026, 12, 3, 8, 0, tzinfo=UTC)
    assert events["Threshold: weekly PEG-3"]["dtstart"].dt.date() == date(2026, 12, 7)


def test_times_are_in_the_persons_zone_and_the_zone_is_described_for_the_calendar_app():
    times = ReminderTimes(morning="07:15", peg_weekday="Sunday", peg_at="19:30", psfs_every_days=10, psfs_at="09:05")
    data = reminders_ics(times, "Europe/Berlin", start=THURSDAY, stamp=STAMP)
    events = _events(data)
    morning = events["Threshold: morning check-in"]["dtstart"].dt
    assert (morning.time(), str(morning.tzinfo)) == (time(7, 15), "Europe/Berlin")
    assert morning.utcoffset() == timedelta(hours=1)
    peg = events["Threshold: weekly PEG-3"]["dtstart"].dt
    assert (peg.date(), peg.time()) == (date(2026, 12, 6), time(19, 30))
    assert events["Threshold: weekly PEG-3"]["rrule"]["byday"] == ["SU"]
    assert events["Threshold: re-rate your function goals"]["rrule"]["interval"] == [10]
    assert [str(z["tzid"]) for z in Calendar.from_ical(data).walk("VTIMEZONE")] == ["Europe/Berlin"]


def test_each_event_has_a_display_alarm_and_a_description_that_says_why():
    for name, event in _events(reminders_ics(start=THURSDAY, stamp=STAMP)).items():
        alarms = event.walk("VALARM")
        assert [str(a["action"]) for a in alarms] == ["DISPLAY"]
        assert str(alarms[0]["description"]) == name
        assert "Threshold" in str(event["description"]) and len(str(event["description"])) > 80


def test_uids_stay_the_same_when_the_times_change_so_a_new_file_updates_the_reminders():
    before = {str(e["uid"]) for e in _events(reminders_ics(start=THURSDAY, stamp=STAMP)).values()}
    later = reminders_ics(ReminderTimes(morning="06:00", psfs_every_days=7), "Asia/Tokyo", start=THURSDAY)
    assert {str(e["uid"]) for e in _events(later).values()} == before
    assert len(before) == 3


@pytest.mark.parametrize(
    ("times", "message"),
    [
        (lambda: ReminderTimes(morning="25:00"), "Morning check-in: '25:00' is not a time of day"),
        (lambda: ReminderTimes(peg_at="8 am"), "Weekly PEG-3: '8 am' is not a time of day"),
        (lambda: ReminderTimes(psfs_at="09:60"), "use hours 0-23 and minutes"),
        (lambda: ReminderTimes(peg_weekday="Funday"), "'Funday' is not a day of the week"),
        (lambda: ReminderTimes(psfs_every_days=30), "re-rate every 7 to 14 days, not 30"),
        (lambda: ReminderTimes(psfs_every_days=3), "re-rate every 7 to 14 days, not 3"),
    ],
)
def test_bad_times_are_refused_with_a_message_that_says_what_to_enter(times, message):
    with pytest.raises(ValueError, match=message):
        times()


def test_an_unknown_time_zone_is_refused_with_an_example_of_a_good_one():
    with pytest.raises(ValueError, match="Unknown time zone 'Mars/Olympus'; use a name like Europe/Berlin"):
        reminders_ics(zone="Mars/Olympus")

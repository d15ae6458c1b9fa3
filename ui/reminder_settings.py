"""The Settings section for calendar reminders: times, time zone, save, and the .ics download."""

from __future__ import annotations

import streamlit as st

from services.context import Ctx
from services.profiles import get_reminders, save_reminders, server_zone, time_zones
from services.reminders import reminder_calendar
from tracker.settings import WEEKDAYS, Reminders
from ui.demo import download_name
from ui.forms import attempt, field_error, show_flash

FORM = "reminders"
ICS_MIME = "text/calendar"
HOW_TO_ADD = (
    "Open the downloaded file with your calendar app (on a computer, Google Calendar takes it under Settings, "
    "Import & export; Apple Calendar and Outlook open it directly): the three reminders then repeat there by "
    "themselves, and a file downloaded after changing the times updates them in most calendar apps."
)
_TIMES = (
    ("morning", "Morning check-in (HH:MM)", "Rating pain on waking shows whether yesterday's load suited you."),
    ("peg_at", "Weekly PEG-3 at (HH:MM)", "The same weekday and time each week keeps the answers comparable."),
    ("psfs_at", "Function goals re-rating at (HH:MM)", "Repeats every 'days between ratings' of the rules below."),
)


def _save(ctx: Ctx) -> None:
    raw = {field: st.session_state.get(f"rem_{field}") for field in (*(t[0] for t in _TIMES), "peg_weekday", "zone")}

    def said(saved: Reminders) -> str:
        return (
            f"Reminder times saved: check-in {saved.morning}, PEG-3 on {saved.peg_weekday.capitalize()}s at "
            f"{saved.peg_at}, function goals at {saved.psfs_at} ({saved.zone or server_zone()}). "
            "Download the calendar file again to bring them to your calendar."
        )

    attempt(ctx, FORM, lambda: save_reminders(ctx, raw), said, where=FORM)


def render_reminder_settings(ctx: Ctx) -> None:
    """Time fields, weekday, time zone (the server's by default), Save, and the calendar file from saved times."""
    current = get_reminders(ctx)
    st.write(
        "Reminders in your own calendar app, so you need not open Threshold to remember: the morning check-in "
        "every day, the PEG-3 once a week and the function goals re-rating."
    )
    field_error(FORM, "form")
    for field, label, why in _TIMES:
        st.text_input(label, value=getattr(current, field), key=f"rem_{field}", max_chars=5, help=why)
        field_error(FORM, field)
    st.selectbox(
        "Weekly PEG-3 on",
        WEEKDAYS,
        index=WEEKDAYS.index(current.peg_weekday),
        format_func=str.capitalize,
        key="rem_peg_weekday",
    )
    field_error(FORM, "peg_weekday")
    zones = time_zones()
    zone = current.zone or server_zone()
    st.selectbox(
        "Time zone",
        zones,
        index=zones.index(zone) if zone in zones else 0,
        key="rem_zone",
        help="The reminders follow this zone's clock, summer time included; it also dates the FHIR export.",
    )
    field_error(FORM, "zone")
    st.button("Save reminder times", key="rem_save", on_click=_save, args=(ctx,))
    show_flash(FORM)
    st.download_button(
        "Download calendar reminders (.ics)",
        data=lambda: reminder_calendar(ctx),
        file_name=download_name("threshold-reminders.ics"),
        mime=ICS_MIME,
        key="rem_download",
        icon=":material/event:",
        on_click="ignore",
    )
    st.caption(f"The file holds the saved times. {HOW_TO_ADD}")

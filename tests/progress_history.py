"""A few weeks of sessions, pain, check-ins, PEG and pressure thresholds for the Progress tests."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from services.checkins import record_morning, record_peg, record_pressure
from services.context import Ctx
from services.sessions import log_session
from tests.factories import cardio_session, strength_session

FLARE_WEEK = 3


def fill_weeks(ctx: Ctx, *, end: date, weeks: int = 6) -> date:
    """Three sessions a week up to `end` (leg press rising 2.5 kg a week, a walk, a 12-rep session),
    a flare in week FLARE_WEEK (pain 7 during, worse next morning), morning check-ins, weekly PEG
    and a pressure threshold every other week. Returns the first day."""
    first = end - timedelta(days=7 * weeks - 1)
    now = datetime.combine(end, time(23, 0))
    for week in range(weeks):
        monday = first + timedelta(days=7 * week)
        flare = week == FLARE_WEEK
        at = datetime.combine(monday, time(18, 0))
        log_session(ctx, strength_session(when=at, weight=40 + 2.5 * week, during=7 if flare else 4, before=3), now=now)
        morning = monday + timedelta(days=1)
        if morning <= end:
            record_morning(ctx, morning, {"lower_back": 6 if flare else 2}, today=end)
        walk_day = monday + timedelta(days=2)
        if walk_day <= end:
            log_session(
                ctx,
                cardio_session(when=datetime.combine(walk_day, time(9)), minutes=20 + 5 * week),
                now=now,
            )
        light_day = monday + timedelta(days=4)
        if light_day <= end:
            log_session(ctx, strength_session(when=datetime.combine(light_day, time(9)), weight=20, reps=12), now=now)
        record_peg(ctx, {"day": monday, "pain": 6 - week // 2, "enjoyment": 5, "activity": 4}, today=end)
        if week % 2 == 0:
            trials = {f"trial{i}": 3.0 + 0.2 * week for i in (1, 2, 3)}
            record_pressure(ctx, {"day": monday, "site": "Lower back, left", **trials}, today=end)
    return first

"""Pain scales and what their numbers mean (NRS 0-10, PEG-3, clinically important change)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from statistics import fmean

NRS_MIN = 0
NRS_MAX = 10
DEFAULT_PAIN_LIMIT = 5
# Silbernagel's pain-monitoring model: 0-2 safe, 3-5 acceptable, above 5 too much.
SAFE_MAX = 2
# Farrar 2001 / Ostelo 2008: about 2 points or 30% is a change a person notices.
MCID_POINTS = 2.0
MCID_PERCENT = 30.0
# A single 0-10 rating wobbles by about a point from day to day with no real change, so a next-morning rise
# of this many points still counts as settled; one more is "worse" (the scale's smallest real change is ~2).
WOBBLE_POINTS = 1

REGIONS: dict[str, str] = {
    "lower_back": "Lower back",
    "upper_back": "Upper back",
    "neck": "Neck",
    "left_hip": "Left hip",
    "right_hip": "Right hip",
    "left_knee": "Left knee",
    "right_knee": "Right knee",
    "left_shoulder": "Left shoulder",
    "right_shoulder": "Right shoulder",
}
DEFAULT_REGIONS: tuple[str, ...] = ("lower_back",)


class Zone(StrEnum):
    """Where a pain-during-exercise score falls in the monitoring model."""

    SAFE = "safe"
    ACCEPTABLE = "acceptable"
    TOO_MUCH = "too much"


class Response(StrEnum):
    """How pain the next morning compares with pain before the session (no rating yet: None, pending)."""

    SETTLED = "settled"
    WORSE = "worse"


def zone(during: int, limit: int = DEFAULT_PAIN_LIMIT) -> Zone:
    """Classify pain during exercise against the user's acceptable limit."""
    if during > limit:
        return Zone.TOO_MUCH
    return Zone.SAFE if during <= SAFE_MAX else Zone.ACCEPTABLE


def next_morning_response(before: int, morning: int) -> Response:
    """Settled when within 1 point of the pre-session level (or below it), worse when 2 or more points above.

    One point above is within the day-to-day wobble of the scale, not a reaction to the session.
    """
    return Response.SETTLED if morning - before <= WOBBLE_POINTS else Response.WORSE


def peg_score(pain: int, enjoyment: int, activity: int) -> float:
    """PEG-3 score: the mean of its three 0-10 items (Krebs 2009)."""
    return round(fmean((pain, enjoyment, activity)), 2)


@dataclass(frozen=True)
class Change:
    """Difference between a baseline and a current pain level."""

    baseline: float
    current: float
    points: float
    percent: float | None
    important: bool

    @property
    def label(self) -> str:
        """Plain words for the change, cautious below the clinically important threshold."""
        if not self.important:
            # A large share of a low baseline can still be less than a point: say why it does not count.
            if self.percent is not None and abs(self.percent) >= MCID_PERCENT:
                return f"no clear change (under {WOBBLE_POINTS:g} point, within a rating's day-to-day wobble)"
            return "no clear change"
        return "clinically important improvement" if self.points < 0 else "clinically important worsening"


def pain_change(baseline: float, current: float) -> Change:
    """Compare current pain with baseline; important past 2 points, or past 30% when that is at least the
    scale's day-to-day wobble of a point (30% of a baseline of 2 is 0.6 points: no change a person could tell)."""
    points = round(current - baseline, 2)
    percent = round(100.0 * points / baseline, 1) if baseline > 0 else None
    relative = percent is not None and abs(percent) >= MCID_PERCENT and abs(points) >= WOBBLE_POINTS
    important = abs(points) >= MCID_POINTS or relative
    return Change(baseline, current, points, percent, important)

"""Red flags in logged pain (reasons to contact a doctor): very high pain that does not ease, pain that stays raised.

A short rise of pain is a flare-up (tracker/flareups.py), common and expected, and never an alarm here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from tracker.advice import Kind, Suggestion, day_text
from tracker.history import History
from tracker.pain import REGIONS
from tracker.restingpain import RestingDay, resting_days, usual_levels
from tracker.rules import Thresholds

# Days without a rating inside a stretch of raised pain: people in pain do not log every day.
MAX_GAP_DAYS = 3
NOT_LOGGED_REMINDER = (
    "Threshold cannot see what is not logged. New numbness or weakness, loss of bladder or bowel control, fever, "
    "unexplained weight loss, pain after a fall, or pain that wakes you at night: if any of these appear, "
    "get medical help straight away."
)
SEE_DOCTOR = "Please contact your doctor about this before your next session."


@dataclass(frozen=True)
class Run:
    """A stretch of days in one region that meets a red-flag rule."""

    kind: str
    region: str
    days: tuple[RestingDay, ...]
    usual: float | None = None


def _high_runs(days: list[RestingDay], region: str, limits: Thresholds) -> list[Run]:
    """Calendar days in a row on which even the lowest rating at rest stayed at or above the red-flag pain."""
    level, needed = limits["red_flag_pain"], limits.count("red_flag_high_days")
    runs: list[Run] = []
    run: list[RestingDay] = []
    for day in [*days, None]:
        if day is not None and day.low >= level and (not run or (day.day - run[-1].day).days == 1):
            run.append(day)
            continue
        if len(run) >= needed:
            runs.append(Run("high", region, tuple(run)))
        run = [day] if day is not None and day.low >= level else []
    return runs


def _raised_runs(days: list[RestingDay], region: str, limits: Thresholds) -> list[Run]:
    """Stretches of about two weeks or more in which every rating day stayed clearly above the usual level.

    The usual level is taken from the weeks before a stretch begins, so it does not creep up with the pain.
    """
    points, needed = limits["red_flag_raised_points"], limits.count("red_flag_raised_days")
    runs: list[Run] = []
    run: list[RestingDay] = []
    usual: float | None = None
    levels = usual_levels(days)
    for i, day in enumerate([*days, None]):
        continuing = (
            day is not None
            and usual is not None
            and run
            and (day.day - run[-1].day).days <= MAX_GAP_DAYS + 1
            and day.high - usual >= points
        )
        if continuing:
            assert day is not None
            run.append(day)
            continue
        if run and (run[-1].day - run[0].day).days + 1 >= needed:
            runs.append(Run("raised", region, tuple(run), usual))
        run, usual = [], None
        if day is not None:
            usual = levels[i]
            if usual is not None and day.high - usual >= points:
                run = [day]
    return runs


RULES: tuple[Callable[[list[RestingDay], str, Thresholds], list[Run]], ...] = (_high_runs, _raised_runs)


def red_flags_in(history: History, limits: Thresholds, start: date, end: date) -> list[Suggestion]:
    """Red flags seen anywhere from `start` to `end`, one per region and kind, the latest first.

    Each is judged on all the history up to `end` (a stretch may begin before `start`), so a long range
    finds exactly what a short one ending on the same day finds.
    """
    found: list[tuple[date, Suggestion]] = []
    for region, days in resting_days(history, end).items():
        for rule in RULES:
            runs = [r for r in rule(days, region, limits) if r.days[-1].day >= start]
            if runs:
                flag = _flag(runs, limits, start)
                found.append((flag.dates[-1], flag))
    found.sort(key=lambda pair: pair[0], reverse=True)
    return [flag for _, flag in found]


def red_flags(history: History, limits: Thresholds, today: date) -> list[Suggestion]:
    """Red flags seen in the recent days (the setting 'recent_days'), the latest first."""
    return red_flags_in(history, limits, today - timedelta(days=limits.count("recent_days") - 1), today)


def _flag(runs: list[Run], limits: Thresholds, start: date) -> Suggestion:
    """One red flag for a region and kind, from its stretches; the reason speaks of the latest one."""
    latest, region = runs[-1], runs[-1].region
    name = REGIONS.get(region, region).lower()
    first, last = latest.days[0].day, latest.days[-1].day
    if latest.kind == "high":
        title = f"Very high {name} pain that does not ease"
        reason = (
            f"Your {name} pain stayed at {min(d.low for d in latest.days)}/10 or more, before sessions and on "
            f"waking, on {len(latest.days)} days in a row ({day_text(first)} to {day_text(last)}). Pain of "
            f"{limits['red_flag_pain']:g}/10 or more on {limits.count('red_flag_high_days')} days in a row "
            "that rest does not ease is a red flag."
        )
    else:
        title = f"{REGIONS.get(region, region)} pain has stayed raised for weeks"
        reason = (
            f"Your usual {name} pain was about {latest.usual:g}/10. From {day_text(first)} to {day_text(last)} "
            f"({(last - first).days + 1} days) every rating before sessions or on waking was "
            f"{limits['red_flag_raised_points']:g} points or more above it, "
            f"up to {max(d.high for d in latest.days)}/10. "
            f"Pain that stays clearly raised for {limits.count('red_flag_raised_days')} days or more, even after "
            "easing off, is a red flag; a flare-up usually settles sooner."
        )
    days = tuple(d for run in runs for d in run.days if d.day >= start)
    return Suggestion(
        key=f"red_flag:{latest.kind}:{region}",
        kind=Kind.RED_FLAG,
        title=title,
        what=f"{SEE_DOCTOR} Hold off on any increase in load until then. {NOT_LOGGED_REMINDER}",
        reason=f"{reason} Pain like this is a reason to have a doctor look at it, not something to train through.",
        evidence=tuple(d.text(name) for d in latest.days),
        dates=tuple(d.day for d in days),
        fingerprint=f"{first.isoformat()}:{last.isoformat()}",
        raises_load=False,
    )

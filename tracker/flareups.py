"""Flare-ups: a short rise of pain at rest over the usual level. Common and expected; advice, never an alarm."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from tracker.advice import Kind, Suggestion, day_text, days_text, make
from tracker.history import History
from tracker.pain import REGIONS
from tracker.restingpain import RestingDay, resting_days, usual_level
from tracker.rules import Thresholds
from tracker.settings import Settings


def flare_ups(history: History, settings: Settings, limits: Thresholds, today: date) -> list[Suggestion]:
    """Per region, a rise at rest of 'flare_rise' points or more over the usual level in the last 'flare_days'."""
    since = today - timedelta(days=limits.count("flare_days") - 1)
    found: list[Suggestion] = []
    for region, days in resting_days(history, today).items():
        raised = [
            (day, usual)
            for i, day in enumerate(days)
            if day.day >= since
            and (usual := usual_level(days, i)) is not None
            and day.high - usual >= limits["flare_rise"]
        ]
        if raised:
            found.append(_advice(region, raised, settings, limits))
    return found


def _advice(region: str, raised: list[tuple[RestingDay, float]], settings: Settings, limits: Thresholds) -> Suggestion:
    name = REGIONS.get(region, region).lower()
    usual = raised[0][1]
    peak = max(day.high for day, _ in raised)
    last = raised[-1][0].day
    until = last + timedelta(days=limits.count("flare_days"))
    shorter = 100 - limits["pacing_start_percent"]
    what = (
        f"Ease off for a few days: about {limits['deload_percent']:g}% less load in strength work and about "
        f"{shorter:g}% shorter cardio than usual. Keep moving gently (easy walking, stretches, a relief position): "
        f"rest alone tends to make it last longer. Once your {name} pain is back near {usual:g}/10, build back up to "
        f"your usual loads and minutes over one to two weeks. Until {day_text(until)} no suggestion here will raise "
        "your load."
    )
    reason = (
        f"Your usual {name} pain at rest is about {usual:g}/10 (the middle of your ratings in the four weeks before). "
        f"It rose to {peak}/10 on {days_text([day.day for day, _ in raised])}: {peak - usual:g} points above it, "
        f"where a flare-up starts at {limits['flare_rise']:g}. A short rise like this is common when you exercise "
        "with chronic pain and usually eases with rest and lighter training within days."
    )
    if peak >= limits["red_flag_pain"]:
        reason += (
            f" If it stays at {limits['red_flag_pain']:g}/10 or more for {limits.count('red_flag_high_days')} days in "
            "a row even with rest, it becomes a red flag and this page will tell you to have it checked."
        )
    suggestion = make(
        f"flare_up:{region}",
        Kind.FLARE_UP,
        f"A flare-up in your {name}: ease off, keep moving",
        what,
        reason,
        fingerprint=raised[0][0].day.isoformat(),
        unit=settings.unit,
        extra_evidence=[day.text(name) for day, _ in raised],
    )
    return replace(suggestion, dates=tuple(day.day for day, _ in raised))

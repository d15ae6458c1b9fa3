"""Cautions about the kind of activity: high impact while pain is significant, one-sided sport without balance."""

from __future__ import annotations

from datetime import date, timedelta

from tracker.advice import Kind, Suggestion, day_text, days_text, make
from tracker.history import History
from tracker.rules import Thresholds
from tracker.settings import Settings

# High-impact activity counts if it was logged this recently.
IMPACT_DAYS = 7
# One-sided sport is counted over four weeks.
ONE_SIDED_DAYS = 28
BALANCING_CATEGORIES = frozenset({"flexibility"})


ALTERNATIVES = "brisk walking, the elliptical trainer, or exercise in water (swimming laps or aqua aerobics)"


def high_impact(history: History, settings: Settings, limits: Thresholds, today: date) -> list[Suggestion]:
    """Running, jumping or basketball lately while resting pain is significant, or with pain over the limit."""
    recent_start = today - timedelta(days=limits.count("recent_days") - 1)
    resting = [
        (s.day, p.before if p.morning is None else max(p.before or 0, p.morning))
        for s in history.sessions
        if s.day >= recent_start
        for p in s.pains
    ]
    resting += [(m.day, m.pain) for m in history.mornings if m.day >= recent_start]
    worst = max((pain for _, pain in resting if pain is not None), default=None)
    pain_up = worst is not None and worst >= limits["impact_pain"]
    since = today - timedelta(days=IMPACT_DAYS - 1)
    limit = settings.pain_limit
    found: list[Suggestion] = []
    for name in history.names_done(recent_start):
        info = history.info(name)
        if info is None or info.impact != "high":
            continue
        lately = history.with_exercise(name, since)
        # As for the cardio ladder: only a session with no other strength or cardio work puts its pain on `name`.
        over = [
            s for s in history.with_exercise(name, recent_start) if s.over_limit(limit) and history.alone_in(s, name)
        ]
        hurt = len(over) >= limits.count("impact_over_limit")
        if not hurt and not (pain_up and lately):
            continue
        why = []
        if hurt:
            peaks = ", ".join(f"{s.peak}/10 on {day_text(s.day)}" for s in over)
            why.append(
                f"Pain during {name.lower()} went over your limit of {limit}/10 ({peaks}) in the last "
                f"{limits.count('recent_days')} days."
            )
        if pain_up and lately:
            why.append(
                f"You logged {name.lower()} on {days_text([s.day for s in lately])}, and your pain at rest reached "
                f"{worst}/10 in the last {limits.count('recent_days')} days (the reminder starts at "
                f"{limits['impact_pain']:g}/10)."
            )
        found.append(
            make(
                f"impact:{name}",
                Kind.WARNING,
                f"Go easy on {name.lower()} while pain is up",
                f"For now, swap {name.lower()} for low-impact cardio: {ALTERNATIVES}. These train heart and lungs "
                f"without the landing. Come back to {name.lower()} gradually once pain stays within your limit.",
                " ".join(why) + " Jumping, landing and sudden turns load painful joints hard.",
                over if hurt else lately,
                fingerprint=f"{worst}:{over[-1].day.isoformat() if over else ''}",
                unit=settings.unit,
            )
        )
    return found


def one_sided(history: History, settings: Settings, limits: Thresholds, today: date) -> list[Suggestion]:
    """Golf or tennis logged often without stretching or core work to balance the one-sided rotation."""
    since = today - timedelta(days=ONE_SIDED_DAYS - 1)
    balancing = [
        s
        for s in history.sessions
        if any((i := history.info(e.name)) is not None and i.category in BALANCING_CATEGORIES for e in s.exercises)
    ]
    if balancing and balancing[-1].day >= since:
        return []
    found: list[Suggestion] = []
    for name in history.names_done(since):
        info = history.info(name)
        if info is None or info.category == "strength" or not info.one_sided:
            continue
        sessions = history.with_exercise(name, since)
        if len(sessions) < limits.count("one_sided_sessions"):
            continue
        last_balance = f" (last on {day_text(balancing[-1].day)})" if balancing else ""
        found.append(
            make(
                f"one_sided:{name}",
                Kind.WARNING,
                f"Balance your {name.lower()} with work for the other side",
                "Add stretching and core work that turns and loads the other way (for example Pilates, yoga, or "
                "trunk rotations to your non-playing side) on some of your other days.",
                f"You played {name.lower()} {len(sessions)} times in the last four weeks with no stretching or core "
                f"session logged in that time{last_balance}. {name} rotates the trunk to one side over and over, "
                "which strains the back unevenly.",
                sessions,
                fingerprint=balancing[-1].day.isoformat() if balancing else "never",
                unit=settings.unit,
            )
        )
    return found

"""Easing off after a session that hurt: the session as a whole, since pain is rated per session, not per exercise."""

from __future__ import annotations

from datetime import date, timedelta

from tracker.advice import Kind, Suggestion, day_text, days_text, make
from tracker.cardio import start_words
from tracker.describe import joined
from tracker.history import ExerciseDone, History, SessionDone
from tracker.pain import Response
from tracker.progression import load_step
from tracker.rules import Thresholds
from tracker.settings import Settings
from tracker.strength import round_down_to_step
from tracker.units import format_weight


def ease_off(history: History, settings: Settings, limits: Thresholds, today: date) -> list[Suggestion]:
    """After the latest rated session went over the pain limit or left a worse next morning: a lighter next session.

    Every strength and cardio exercise in it eases a little, because the ratings cannot say which one hurt. A
    session without strength work is left to the cardio rules (pacing and the ladder).
    """
    limit = settings.pain_limit
    last = history.latest_judged(limit)
    if last is None or (today - last.day).days >= limits.count("recent_days") or not last.failed(limit):
        return []
    work = history.working(last)
    categories = {e.name: info.category for e in work if (info := history.info(e.name)) is not None}
    if not any(categories.get(e.name) == "strength" and e.sets for e in work):
        return []
    eased = [(e.name, text) for e in work if (text := _eased(history, e, settings, limits)) is not None]
    names = list(dict.fromkeys(name for name, _ in eased))
    what = "Next time: " + "; ".join(text for _, text in eased) + ". "
    both = {"strength", "cardio"} <= {categories.get(name) for name in names}
    earlier = _earlier_over(history, last, limit, limits)
    if both and len(earlier) + 1 >= limits.count("ladder_over_limit"):
        what += (
            "If sessions still go over after this, do the cardio and the strength work on different days for a while: "
            "the pain ratings can then tell them apart. "
        )
    what += "Go back up once a session stays within your limit and the next morning settles."
    return [
        make(
            f"ease:{last.day.isoformat()}",
            Kind.EASE,
            "Ease off next session",
            what,
            _reason(last, names, earlier, limit, limits),
            [*earlier, last],
            fingerprint=last.day.isoformat(),
            unit=settings.unit,
            plans=names,
        )
    ]


def _eased(history: History, entry: ExerciseDone, settings: Settings, limits: Thresholds) -> str | None:
    """One exercise's lighter next time, or None for work with nothing to ease (no sets, no minutes)."""
    info = history.info(entry.name)
    if info is None:
        return None
    unit, name = settings.unit, entry.name
    if info.category == "strength" and entry.sets:
        sets = len(entry.sets)
        if entry.top_weight is None:
            return f"{name}: one set fewer ({sets - 1 or 1} instead of {sets})"
        share = 1 - limits.share("deload_percent")
        lighter = round_down_to_step(entry.top_weight * share, unit, load_step(info.equipment))
        return (
            f"{name}: {format_weight(lighter, unit)} instead of {format_weight(entry.top_weight, unit)}, "
            f"or keep the load and do {max(sets - 1, 1)} sets instead of {sets}"
        )
    if info.category == "cardio" and entry.minutes:
        if info.impact == "high":
            return f"{name}: swap it for brisk walking or the elliptical trainer for now"
        restart, _ = start_words(history, name, limits, settings.pain_limit, "start again")
        # Never more than a share of what was just done: easing off must not read as a longer session.
        minutes = min(restart, max(round(entry.minutes * limits.share("pacing_start_percent")), 1))
        return f"{name}: about {minutes} minutes instead of {entry.minutes:g}"
    return None


def _earlier_over(history: History, last: SessionDone, limit: int, limits: Thresholds) -> list[SessionDone]:
    """Other sessions over the limit in the days before `last` (the cardio ladder's window)."""
    since = last.day - timedelta(days=limits.count("ladder_window_days") - 1)
    return [s for s in history.sessions if since <= s.day < last.day and s.over_limit(limit)]


def _reason(last: SessionDone, names: list[str], earlier: list[SessionDone], limit: int, limits: Thresholds) -> str:
    """Why, true of the data: pain during, how the next morning went (worse, settled or not rated yet), and why the
    whole session eases rather than one exercise."""
    mornings = "; ".join(
        f"{p.before}/10 before, {p.morning}/10 the next morning"
        for p in last.pains
        if p.before is not None and p.morning is not None
    )
    parts = []
    if last.over_limit(limit):
        parts.append(
            f"In your session on {day_text(last.day)}, pain during reached {last.peak}/10, above your limit of "
            f"{limit}/10."
        )
        if last.response is Response.SETTLED:
            enough = "" if earlier else ": one lighter session is enough, with no bigger change to your plan"
            parts.append(f"By the next morning it had settled ({mornings}), a good sign{enough}.")
        elif last.response is None:
            parts.append(
                "Its next morning is not rated (yet): how the body answers by the next morning is the best guide, so "
                "a rating helps."
            )
    else:
        parts.append(f"In your session on {day_text(last.day)}, pain during stayed within your limit of {limit}/10.")
    if last.response is Response.WORSE:
        start = "Pain the next morning was also" if last.over_limit(limit) else "But pain the next morning was"
        parts.append(
            f"{start} clearly higher than before the session ({mornings}); how the body answers by the next morning "
            "is the best guide to how much load it tolerates."
        )
    if earlier:
        parts.append(
            f"Your sessions on {days_text([s.day for s in earlier])} also went over your limit "
            f"(in the {limits.count('ladder_window_days')} days before)."
        )
    if len(names) > 1:
        parts.append(
            f"Pain is rated for the session as a whole, so it cannot show which of {joined(names)} went too far: "
            "easing each a little is fairer than blaming one."
        )
    return " ".join(parts)

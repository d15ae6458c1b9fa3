"""Cardio: the ladder (treadmill -> elliptical -> water) in both directions, and pacing of minutes."""

from __future__ import annotations

from datetime import date, timedelta
from statistics import fmean

from tracker.advice import Kind, Suggestion, day_text, days_text, make
from tracker.history import History, SessionDone
from tracker.rules import Thresholds
from tracker.settings import Settings

# Ordered from most to least load on the joints; the guidance tries them in this order.
LADDER: tuple[tuple[str, ...], ...] = (("Treadmill walk",), ("Elliptical trainer",), ("Swimming laps", "Aqua aerobics"))
STEP_WORDS = ("brisk treadmill walking", "the elliptical trainer", "exercise in water (swimming laps or aqua aerobics)")
TOLERATED_SESSIONS = 3


def _minutes(session: SessionDone, name: str) -> float | None:
    entry = session.find(name)
    return entry.minutes if entry is not None else None


def _ok(session: SessionDone, limit: int) -> bool:
    return not session.over_limit(limit) and not session.worse_next_morning


def tolerated_minutes(runs: list[SessionDone], name: str, limit: int) -> tuple[float, list[SessionDone]] | None:
    """Average minutes over the latest sessions (up to 3) that stayed within the limit, with those sessions."""
    good = [s for s in runs if _ok(s, limit) and _minutes(s, name)][-TOLERATED_SESSIONS:]
    if not good:
        return None
    return fmean(_minutes(s, name) or 0.0 for s in good), good


def ladder_down(history: History, settings: Settings, limits: Thresholds, today: date) -> list[Suggestion]:
    """After repeated flare-ups on one kind of cardio: suggest the next, gentler kind."""
    since = today - timedelta(days=limits.count("ladder_window_days") - 1)
    found: list[Suggestion] = []
    for step in (0, 1):
        gentler = {n for later in LADDER[step + 1 :] for n in later}
        for name in LADDER[step]:
            over = [s for s in history.with_exercise(name, since) if s.over_limit(settings.pain_limit)]
            if len(over) < limits.count("ladder_over_limit"):
                continue
            if any(s.day > over[-1].day and any(e.name in gentler for e in s.exercises) for s in history.sessions):
                continue  # already moved down after the latest flare-up
            tolerated = tolerated_minutes(history.with_exercise(name), name, settings.pain_limit)
            start = (
                f" Start with about {_round(tolerated[0] * limits.share('pacing_start_percent'))} minutes "
                f"({limits['pacing_start_percent']:g}% of what you tolerated on {name}) and add about "
                f"{limits['pacing_weekly_percent']:g}% a week."
                if tolerated
                else ""
            )
            found.append(
                make(
                    f"ladder_down:{name}",
                    Kind.LADDER_DOWN,
                    f"Try {STEP_WORDS[step + 1]} instead of {name.lower()}",
                    f"For your cardio, switch to {STEP_WORDS[step + 1]} for now.{start}",
                    f"{name} went over your pain limit of {settings.pain_limit}/10 on "
                    f"{days_text([s.day for s in over])}. "
                    "Cardio helps most when it does not provoke pain during the session, and the next kind down "
                    "puts less load on the joints.",
                    over,
                    fingerprint=over[-1].day.isoformat(),
                    unit=settings.unit,
                )
            )
    return found


def ladder_up(history: History, settings: Settings, limits: Thresholds, today: date) -> list[Suggestion]:
    """After a step down and a settled stretch: suggest trying one step back up."""
    since = today - timedelta(weeks=limits.count("settled_weeks"))
    window = [s for s in history.sessions if s.day > since]
    if not window or not all(_ok(s, settings.pain_limit) for s in window):
        return []
    found: list[Suggestion] = []
    weeks = limits.count("settled_weeks")
    for step in (1, 2):
        mine = [s for s in window if any(e.name in LADDER[step] for e in s.exercises)]
        upper = [s for s in history.sessions if any(e.name in LADDER[step - 1] for e in s.exercises)]
        if not mine or not upper or upper[-1].day > since:
            continue  # not at this step now, never came down from the step above, or already went back up
        covered = all(any(0 < (s.day - since).days - 7 * w <= 7 for s in mine) for w in range(weeks))
        if not covered:
            continue  # the settled stretch at this step is not long enough yet
        # The stretch at this step began with the first session here after the step above was last done.
        first = next(
            s for s in history.sessions if s.day > upper[-1].day and any(e.name in LADDER[step] for e in s.exercises)
        )
        found.append(
            make(
                f"ladder_up:{LADDER[step][0]}",
                Kind.LADDER_UP,
                f"Try one step back up: {STEP_WORDS[step - 1]}",
                f"Try one short, easy session of {STEP_WORDS[step - 1]} in place of one of your usual ones, at about "
                f"{limits['pacing_start_percent']:g}% of your usual minutes, and keep the rest as they are. "
                "Step back down if pain goes over your limit.",
                f"Your pain has stayed within your limit of {settings.pain_limit}/10, with no worse next morning, "
                f"in every session of the last {weeks} weeks "
                f"({len(mine)} sessions on {STEP_WORDS[step]}). You last did {STEP_WORDS[step - 1]} on "
                f"{day_text(upper[-1].day)}.",
                mine,
                fingerprint=first.day.isoformat(),
                raises_load=True,
                unit=settings.unit,
            )
        )
    return found


def pacing(history: History, settings: Settings, limits: Thresholds, today: date) -> list[Suggestion]:
    """Minutes for cardio: after a flare-up restart at ~80% of what was tolerated; when settled, add ~10% a week."""
    since = today - timedelta(days=limits.count("recent_days") - 1)
    found: list[Suggestion] = []
    for name in history.names_done(since):
        info = history.info(name)
        if info is None or info.category != "cardio":
            continue
        runs = [s for s in history.with_exercise(name) if _minutes(s, name)]
        if not runs or runs[-1].day < since:
            continue
        last, limit = runs[-1], settings.pain_limit
        weekly = limits.share("pacing_weekly_percent")
        if not _ok(last, limit):
            base = tolerated_minutes(runs, name, limit)
            amount, basis = base if base else (_minutes(last, name) or 0.0, [last])
            start = _round(amount * limits.share("pacing_start_percent"))
            plan = ", ".join(f"week {w + 2} about {_round(start * (1 + weekly) ** (w + 1))}" for w in range(3))
            found.append(
                make(
                    f"pacing:{name}",
                    Kind.PACING,
                    f"{name}: restart at {start} minutes",
                    f"Next time do about {start} minutes of {name.lower()}, then add about "
                    f"{limits['pacing_weekly_percent']:g}% a week ({plan}) while pain stays within your limit.",
                    f"Your session on {day_text(last.day)} {_what_went_wrong(last, limit)}. "
                    f"You tolerated about {amount:.0f} minutes before, and pacing starts at "
                    f"{limits['pacing_start_percent']:g}% of what you tolerate, then builds slowly.",
                    [*[s for s in basis if s is not last], last],
                    fingerprint=last.day.isoformat(),
                    unit=settings.unit,
                )
            )
            continue
        recent = runs[-TOLERATED_SESSIONS:]
        if info.impact == "high" or info.one_sided or len(recent) < TOLERATED_SESSIONS:
            continue
        if (recent[-1].day - recent[0].day).days < 7 or not all(
            s.settled_next_morning and _ok(s, limit) for s in recent
        ):
            continue
        usual = fmean(_minutes(s, name) or 0.0 for s in recent)
        target = _round(usual * (1 + weekly))
        if (_minutes(last, name) or 0.0) >= target:
            continue
        found.append(
            make(
                f"pace_up:{name}",
                Kind.PACING,
                f"{name}: build up to {target} minutes",
                f"Over the coming week, build up to about {target} minutes of {name.lower()} "
                f"(about {limits['pacing_weekly_percent']:g}% more than your usual {usual:.0f}).",
                f"Your last {len(recent)} sessions of {name.lower()} stayed within your pain limit of {limit}/10 "
                "with settled mornings. Adding about a tenth a week lets the body adapt without a flare-up.",
                recent,
                fingerprint=str(target),
                raises_load=True,
                unit=settings.unit,
            )
        )
    return found


def _what_went_wrong(session: SessionDone, limit: int) -> str:
    if session.over_limit(limit):
        return f"reached {session.peak}/10 pain, above your limit of {limit}/10"
    return "was followed by a clearly worse next morning"


def _round(minutes: float) -> int:
    return max(round(minutes), 1)

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
# Where high-impact cardio goes when it hurts: the top of the ladder, with the gentler rungs named too.
HIGH_IMPACT_TARGET = "brisk walking, or the elliptical trainer or water if walking hurts too"
TOLERATED_SESSIONS = 3


def _minutes(session: SessionDone, name: str) -> float | None:
    entry = session.find(name)
    return entry.minutes if entry is not None else None


def tolerated_minutes(runs: list[SessionDone], name: str, limit: int) -> tuple[float, list[SessionDone]] | None:
    """Average minutes over the latest sessions (up to 3) within the limit with a settled morning, with those.

    None when no session was tolerated: a pending session or one that went wrong is no basis for a tolerance.
    """
    good = [s for s in runs if s.tolerated(limit) and _minutes(s, name)][-TOLERATED_SESSIONS:]
    if not good:
        return None
    return fmean(_minutes(s, name) or 0.0 for s in good), good


def start_words(history: History, name: str, limits: Thresholds, limit: int, start_with: str) -> tuple[int, str]:
    """Minutes to start with, and why: a share of what was tolerated on `name`, or a cautious first amount.

    `start_with` says what starts: "start again" or "start brisk walking".

    Never claims a tolerance that did not happen.
    """
    runs = [s for s in history.with_exercise(name) if _minutes(s, name)]
    tolerated = tolerated_minutes(runs, name, limit)
    weekly = f"add about {limits['pacing_weekly_percent']:g}% a week"
    if tolerated:
        start = _round(tolerated[0] * limits.share("pacing_start_percent"))
        return start, (
            f"{start_with.capitalize()} with about {start} minutes ({limits['pacing_start_percent']:g}% of the "
            f"{tolerated[0]:.0f} minutes you tolerated on {name.lower()}) and {weekly}."
        )
    start = limits.count("pacing_first_minutes")
    words = f"none of your {len(runs)} sessions of {name.lower()} stayed"
    if len(runs) == 1:
        words = f"your one session of {name.lower()} did not stay"
    return start, (
        f"So far {words} within your limit of {limit}/10 with a settled "
        f"next morning, so there is no tolerated amount to go by yet: {start_with} with a cautious {start} "
        f"minutes at an easy pace and {weekly} while pain stays within your limit."
        + ("" if name in LADDER[-1] else f" If even that goes over your limit, {STEP_WORDS[-1]} is the gentlest start.")
    )


def ladder_down(history: History, settings: Settings, limits: Thresholds, today: date) -> list[Suggestion]:
    """After repeated sessions over the limit on one kind of cardio: suggest the next, gentler kind.

    High-impact cardio (running, jumping) is not on the ladder; it goes to the top rung, brisk walking.
    """
    since = today - timedelta(days=limits.count("ladder_window_days") - 1)
    limit = settings.pain_limit
    found: list[Suggestion] = []
    steps = [(name, step) for step in (0, 1) for name in LADDER[step]]
    steps += [
        (name, -1)
        for name in history.names_done(since)
        if (info := history.info(name)) is not None and info.category == "cardio" and info.impact == "high"
    ]
    for name, step in steps:
        gentler = {n for later in LADDER[step + 1 :] for n in later}
        needed = limits.count("impact_over_limit" if step < 0 else "ladder_over_limit")
        # Only sessions with no other strength or cardio work count: pain is rated per session, so a session that
        # also had leg press in it cannot say the treadmill was the cause (easing that session is tracker/ease.py's).
        over = [s for s in history.with_exercise(name, since) if s.over_limit(limit) and history.alone_in(s, name)]
        if len(over) < needed:
            continue
        if any(s.day > over[-1].day and any(e.name in gentler for e in s.exercises) for s in history.sessions):
            continue  # already moved down after the latest session over the limit
        short, full = (STEP_WORDS[step + 1],) * 2 if step >= 0 else ("brisk walking", HIGH_IMPACT_TARGET)
        _, start = start_words(history, name, limits, limit, f"start {short}")
        found.append(
            make(
                f"ladder_down:{name}",
                Kind.LADDER_DOWN,
                f"Try {short} instead of {name.lower()}",
                f"For now, switch your cardio to {full}. {start}",
                f"{name} went over your pain limit of {limit}/10 on {days_text([s.day for s in over])} "
                f"({', '.join(f'{s.peak}/10' for s in over)}). "
                "Cardio helps most when it does not provoke pain during the session, and "
                + (
                    "a low-impact kind spares the joints the landing."
                    if step < 0
                    else "the next kind down puts less load on the joints."
                ),
                over,
                fingerprint=over[-1].day.isoformat(),
                unit=settings.unit,
                plans=[name],
            )
        )
    return found


def ladder_up(history: History, settings: Settings, limits: Thresholds, today: date) -> list[Suggestion]:
    """After a step down and a settled stretch: suggest trying one step back up."""
    since = today - timedelta(weeks=limits.count("settled_weeks"))
    window = [s for s in history.sessions if s.day > since]
    if not window or any(s.failed(settings.pain_limit) for s in window):
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
    """Minutes for cardio: after a session over the limit restart below what was tolerated; when settled, add ~10%."""
    since = today - timedelta(days=limits.count("recent_days") - 1)
    found: list[Suggestion] = []
    for name in history.names_done(since):
        info = history.info(name)
        if info is None or info.category != "cardio":
            continue
        runs = [s for s in history.with_exercise(name) if _minutes(s, name) and s.judged(settings.pain_limit)]
        if not runs or runs[-1].day < since:
            continue
        last, limit = runs[-1], settings.pain_limit
        weekly = limits.share("pacing_weekly_percent")
        if last.failed(limit):
            if info.impact == "high":
                continue  # the high-impact caution and the ladder speak for it: not a restart of the same
            start, how = start_words(history, name, limits, limit, "start again")
            plan = ", ".join(f"week {w + 2} about {_round(start * (1 + weekly) ** (w + 1))}" for w in range(3))
            basis = tolerated_minutes(runs, name, limit)
            found.append(
                make(
                    f"pacing:{name}",
                    Kind.PACING,
                    f"{name}: restart at {start} minutes",
                    f"Next time do about {start} minutes of {name.lower()}, then add about "
                    f"{limits['pacing_weekly_percent']:g}% a week ({plan}) while pain stays within your limit.",
                    f"Your session on {day_text(last.day)} {_what_went_wrong(last, limit)}. {how} "
                    "Pacing starts below what you tolerate, then builds slowly.",
                    [*[s for s in (basis[1] if basis else []) if s is not last], last],
                    fingerprint=last.day.isoformat(),
                    unit=settings.unit,
                    plans=[name],
                )
            )
            continue
        recent = runs[-TOLERATED_SESSIONS:]
        if info.impact == "high" or info.one_sided or len(recent) < TOLERATED_SESSIONS:
            continue
        if (recent[-1].day - recent[0].day).days < 7 or not all(s.tolerated(limit) for s in recent):
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
                plans=[name],
            )
        )
    return found


def _what_went_wrong(session: SessionDone, limit: int) -> str:
    if session.over_limit(limit):
        return f"reached {session.peak}/10 pain, above your limit of {limit}/10"
    return "was followed by a clearly worse next morning"


def _round(minutes: float) -> int:
    return max(round(minutes), 1)

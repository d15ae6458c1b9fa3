"""The Suggestion value every rule returns, and the wording the rules share."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from tracker.describe import describe_sets, joined
from tracker.history import SessionDone
from tracker.pain import REGIONS, Response, next_morning_response

CHECK_WITH_PHYSIO = (
    "This is advice, not a prescription: check it with your physiotherapist before you change your plan."
)


class Kind(StrEnum):
    """What sort of advice a suggestion is; the page orders and colours by it."""

    RED_FLAG = "red flag"
    FLARE_UP = "flare-up"
    SWITCH = "machine to free weights"
    PROGRESS = "raise the load"
    DELOAD = "lighter week"
    EASE = "ease off"
    LADDER_DOWN = "easier cardio"
    LADDER_UP = "step back up"
    PACING = "pacing"
    WARNING = "warning"


@dataclass(frozen=True)
class Suggestion:
    """One piece of advice: what to do, why (with the user's numbers), and what it rests on."""

    key: str
    """Rule and subject, stable across runs, e.g. 'switch:Leg press'."""
    kind: Kind
    title: str
    what: str
    """What to do, in plain words."""
    reason: str
    """Why: the rule in plain words with the user's own numbers; ends with the check-with-physio note."""
    evidence: tuple[str, ...]
    """One line per session (or check-in) the suggestion rests on."""
    dates: tuple[date, ...]
    fingerprint: str
    """The situation it was made in; when this changes, a dismissed suggestion may come back."""
    raises_load: bool
    plans: tuple[str, ...] = ()
    """The exercises whose load or minutes this sets; at most one suggestion a day plans each exercise."""


def make(
    key: str,
    kind: Kind,
    title: str,
    what: str,
    reason: str,
    sessions: Sequence[SessionDone] = (),
    *,
    fingerprint: str,
    raises_load: bool = False,
    unit: str = "kg",
    extra_evidence: Sequence[str] = (),
    plans: Sequence[str] = (),
) -> Suggestion:
    """Build a Suggestion whose evidence lists the given sessions and whose reason ends with the physio note."""
    evidence = tuple(session_line(s, unit) for s in sessions) + tuple(extra_evidence)
    dates = tuple(s.day for s in sessions)
    return Suggestion(
        key, kind, title, what, f"{reason} {CHECK_WITH_PHYSIO}", evidence, dates, fingerprint, raises_load, tuple(plans)
    )


def day_text(day: date) -> str:
    """'2 Nov 2026'."""
    return f"{day.day} {day:%b %Y}"


def days_text(days: Sequence[date]) -> str:
    """A short list of dates: '2 Nov 2026, 5 Nov 2026 and 9 Nov 2026'."""
    return joined([day_text(d) for d in days])


def session_line(session: SessionDone, unit: str) -> str:
    """One evidence line: date, what was done, pain during and how the next morning went."""
    work = []
    for e in session.exercises:
        if e.sets:
            work.append(f"{e.name} {describe_sets([(s.weight_kg, s.reps) for s in e.sets], unit)}")
        elif e.minutes is not None:
            work.append(f"{e.name} {e.minutes:g} min")
        else:
            work.append(e.name)
    pains = []
    for p in session.pains:
        region = REGIONS.get(p.region, p.region)
        during = "?" if p.during is None else f"{p.during}/10"
        morning = ""
        if p.before is not None and p.morning is not None:
            morning = f", next morning {p.morning}/10 ({_response_word(next_morning_response(p.before, p.morning))})"
        elif p.morning is None:
            morning = ", no next-morning rating yet"
        pains.append(f"{region} during {during}{morning}")
    return f"{day_text(session.day)}: {'; '.join(work)}" + (f" — pain: {'; '.join(pains)}" if pains else "")


def _response_word(response: Response) -> str:
    return {Response.SETTLED: "settled", Response.WORSE: "worse"}[response]

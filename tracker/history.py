"""What the suggestion rules read: a person's sessions and morning check-ins as plain values."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from tracker.catalog import Exercise, by_name
from tracker.pain import Response, next_morning_response
from tracker.records import SetRecord
from tracker.strength import e1rm

_CATALOG = by_name()
# Stretches, core work and relief positions are gentle by design: the work a session's pain can be put down to is
# its strength and cardio.
WORKING_CATEGORIES = frozenset({"strength", "cardio"})
# A set as the rules see it is exactly a checked set record: load in kg (or None) and reps.
SetDone = SetRecord


@dataclass(frozen=True)
class ExerciseDone:
    """One exercise in a session: sets for strength work, minutes for cardio."""

    name: str
    sets: tuple[SetDone, ...] = ()
    minutes: float | None = None

    @property
    def top_weight(self) -> float | None:
        """The heaviest load lifted, or None when no set was loaded."""
        loads = [s.weight_kg for s in self.sets if s.weight_kg]
        return max(loads) if loads else None

    @property
    def best_e1rm(self) -> float | None:
        """The best estimated one-rep max among the sets (None when no set allows an estimate)."""
        found = [x for s in self.sets if s.weight_kg and (x := e1rm(s.weight_kg, s.reps)) is not None]
        return max(found) if found else None


@dataclass(frozen=True)
class PainAround:
    """Pain (0-10) in one region before and at peak during a session, and the next morning."""

    region: str
    before: int | None = None
    during: int | None = None
    morning: int | None = None


@dataclass(frozen=True)
class SessionDone:
    """One session as the rules see it."""

    day: date
    exercises: tuple[ExerciseDone, ...]
    pains: tuple[PainAround, ...] = ()

    @property
    def peak(self) -> int | None:
        """The highest pain during the session across regions."""
        rated = [p.during for p in self.pains if p.during is not None]
        return max(rated) if rated else None

    def over_limit(self, limit: int) -> bool:
        """True when pain during went above the user's acceptable limit."""
        peak = self.peak
        return peak is not None and peak > limit

    @property
    def response(self) -> Response | None:
        """Worse when any region was clearly worse the next morning, settled when rated and none was, else None.

        None means pending: no next-morning rating (yet), so the session is neither tolerated nor a failure.
        """
        responses = self._responses()
        if not responses:
            return None
        return Response.WORSE if Response.WORSE in responses else Response.SETTLED

    @property
    def worse_next_morning(self) -> bool:
        """True when any region was clearly worse the next morning than before the session."""
        return self.response is Response.WORSE

    @property
    def settled_next_morning(self) -> bool:
        """True only when a next-morning rating exists and no region was worse."""
        return self.response is Response.SETTLED

    def failed(self, limit: int) -> bool:
        """Pain during went over the limit, or the next morning was worse: a reason to ease off."""
        return self.over_limit(limit) or self.worse_next_morning

    def tolerated(self, limit: int) -> bool:
        """Within the limit during and settled by the next morning; a pending session is not (yet) tolerated."""
        return not self.over_limit(limit) and self.settled_next_morning

    def judged(self, limit: int) -> bool:
        """Its verdict is known: over the limit (known at once) or its next morning rated; otherwise pending."""
        return self.over_limit(limit) or self.response is not None

    def _responses(self) -> list[Response]:
        return [
            next_morning_response(p.before, p.morning)
            for p in self.pains
            if p.before is not None and p.morning is not None
        ]

    def find(self, name: str) -> ExerciseDone | None:
        """The named exercise's entry in this session, if it was done."""
        return next((e for e in self.exercises if e.name == name), None)


@dataclass(frozen=True)
class Morning:
    """A morning check-in: pain on waking in one region."""

    day: date
    region: str
    pain: int


@dataclass(frozen=True)
class History:
    """Sessions oldest first, all morning check-ins, and the user's exercise list (for counterparts)."""

    sessions: tuple[SessionDone, ...]
    mornings: tuple[Morning, ...] = ()
    exercises: Mapping[str, Exercise] = field(default_factory=by_name)

    def info(self, name: str) -> Exercise | None:
        """What the user's list (or else the shipped catalogue) says about an exercise."""
        return self.exercises.get(name) or _CATALOG.get(name)

    def with_exercise(self, name: str, since: date | None = None) -> list[SessionDone]:
        """Sessions, oldest first, in which the exercise was done (from `since` on, when given)."""
        done = self._by_exercise.get(name, [])
        return [s for s in done if s.day >= since] if since is not None else list(done)

    @cached_property
    def derived(self) -> dict[tuple[str, object], Any]:
        """What rules work out from this history and ask for more than once per suggestion run, keyed by what it is
        and its argument (tracker/restingpain.resting_days): the history never changes once made."""
        return {}

    @cached_property
    def _by_exercise(self) -> dict[str, list[SessionDone]]:
        # The rules ask for one exercise's sessions dozens of times per suggestion run; scanning ten years of
        # sessions for each ask was most of the home page's work.
        found: dict[str, list[SessionDone]] = {}
        for session in self.sessions:
            for name in dict.fromkeys(e.name for e in session.exercises):
                found.setdefault(name, []).append(session)
        return found

    def working(self, session: SessionDone) -> list[ExerciseDone]:
        """The session's strength and cardio entries (an exercise the list does not know counts as work)."""
        return [e for e in session.exercises if (i := self.info(e.name)) is None or i.category in WORKING_CATEGORIES]

    def alone_in(self, session: SessionDone, name: str) -> bool:
        """True when `name` was the session's only strength or cardio work, so its pain during can be put down to it.

        Pain is rated per session: with other work in the same session, the ratings cannot tell which one hurt.
        """
        return {e.name for e in self.working(session)} == {name}

    def judged_with(self, name: str, limit: int) -> list[SessionDone]:
        """Sessions with the exercise whose verdict is known, oldest first: pending ones are left out."""
        return [s for s in self.with_exercise(name) if s.judged(limit)]

    def latest_judged(self, limit: int) -> SessionDone | None:
        """The most recent session whose verdict is known (a pending session is skipped)."""
        return next((s for s in reversed(self.sessions) if s.judged(limit)), None)

    def names_done(self, since: date) -> list[str]:
        """Exercises done since a day, in the order first seen."""
        seen: dict[str, None] = {}
        for session in self.sessions:
            if session.day >= since:
                seen.update((e.name, None) for e in session.exercises)
        return list(seen)


def make_history(
    sessions: Sequence[SessionDone],
    mornings: Sequence[Morning] = (),
    exercises: Mapping[str, Exercise] | None = None,
) -> History:
    """A History with sessions sorted oldest first, whatever order they came in."""
    ordered = tuple(sorted(sessions, key=lambda s: s.day))
    return History(ordered, tuple(mornings), by_name() if exercises is None else exercises)

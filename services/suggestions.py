"""Suggestions for the owner: the rules run on their history, minus what they dismissed or snoozed."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from db.engine import retry_busy
from db.history_rows import rules_rows
from db.models import Decision, Exercise, Profile
from services.context import Ctx, settings_of
from tracker.catalog import Exercise as CatalogExercise
from tracker.errors import NotFoundError, ValidationError
from tracker.history import ExerciseDone, History, Morning, PainAround, SessionDone, SetDone, make_history
from tracker.settings import Settings
from tracker.suggestions import TRYING_DAYS, Kind, Suggestion, candidates, is_change, one_change_at_a_time

ACCEPTED, DISMISSED, SNOOZED = "accepted", "dismissed", "snoozed"
STATUSES = (ACCEPTED, DISMISSED, SNOOZED)
SNOOZE_DAYS = 7


def load_history(ctx: Ctx) -> tuple[History, Settings]:
    """The owner's live sessions, check-ins and exercise list as the rules' input, with their settings."""
    with ctx.db.read() as s:
        return load_history_in(s, ctx.owner_id), settings_of(s.get_one(Profile, ctx.owner_id))


def load_history_in(s: OrmSession, owner_id: int) -> History:
    """load_history's history, read in the caller's transaction `s`."""
    found = rules_rows(s, owner_id)  # plain rows: no pandas on the home page, which shows suggestions
    rows = s.scalars(select(Exercise).where(Exercise.owner_id == owner_id))
    exercises = {
        e.name: CatalogExercise(e.name, e.category, e.equipment, e.impact, e.one_sided, e.counterpart) for e in rows
    }
    sets_by_entry: dict[int, list[SetDone]] = defaultdict(list)
    # A set is a frozen value and the same weight and reps come back thousands of times in ten years: one each.
    same: dict[tuple[object, object], SetDone] = {}
    for entry_id, weight, reps in found.sets:
        one = same.get((weight, reps))
        if one is None:
            one = same[(weight, reps)] = SetDone(None if weight is None else float(weight), int(reps))
        sets_by_entry[entry_id].append(one)
    done_by_session: dict[int, list[ExerciseDone]] = defaultdict(list)
    for session_id, entry_id, name, minutes in found.entries:
        done = ExerciseDone(
            str(name), tuple(sets_by_entry.get(entry_id, ())), None if minutes is None else float(minutes)
        )
        done_by_session[session_id].append(done)
    morning_of = {(sid, str(region)): int(value) for _day, region, value, sid in found.checkins if sid is not None}
    pains_by_session: dict[int, list[PainAround]] = defaultdict(list)
    for sid, region, before, during in found.pains:
        morning = morning_of.get((sid, str(region)))
        pains_by_session[sid].append(PainAround(str(region), before, during, morning))
    done_sessions = [
        SessionDone(started.date(), tuple(done_by_session.get(sid, ())), tuple(pains_by_session.get(sid, ())))
        for sid, started in found.sessions
    ]
    mornings = [Morning(day, str(region), int(value)) for day, region, value, _sid in found.checkins]
    return make_history(done_sessions, mornings, exercises)


def _latest_decisions(ctx: Ctx) -> dict[str, Decision]:
    with ctx.db.read() as s:
        rows = s.scalars(
            select(Decision).where(Decision.owner_id == ctx.owner_id).order_by(Decision.decided_at, Decision.id)
        ).all()
        s.expunge_all()
    return {row.key: row for row in rows}


def _hidden(suggestion: Suggestion, decision: Decision | None, today: date) -> bool:
    """Dismissed or accepted in the same situation, or snoozed until a later day; red flags always show."""
    if decision is None or suggestion.kind is Kind.RED_FLAG:
        return False
    if decision.status == SNOOZED:
        return decision.until is not None and decision.until > today
    return decision.fingerprint == suggestion.fingerprint


def all_suggestions(ctx: Ctx, *, today: date | None = None) -> list[Suggestion]:
    """Every suggestion the rules make today, before the user's decisions and one-change-at-a-time are applied."""
    history, settings = load_history(ctx)
    return candidates(history, settings, today or date.today())


def _under_way(suggestion: Suggestion, decision: Decision | None, today: date) -> bool:
    """A change the user accepted lately that the rules still make: it is being tried, so others wait for it."""
    return (
        is_change(suggestion)
        and decision is not None
        and decision.status == ACCEPTED
        and decision.fingerprint == suggestion.fingerprint
        and (today - decision.decided_at.date()).days < TRYING_DAYS
    )


def current(ctx: Ctx, *, today: date | None = None) -> list[Suggestion]:
    """Suggestions to show today (red flags first), without those dismissed, accepted or snoozed, one change at a
    time: a dismissed or snoozed change makes way for the next, an accepted one still being tried holds them back."""
    today = today or date.today()
    decisions = _latest_decisions(ctx)
    found = all_suggestions(ctx, today=today)
    under_way = any(_under_way(s, decisions.get(s.key), today) for s in found)
    shown = [s for s in found if not _hidden(s, decisions.get(s.key), today)]
    return one_change_at_a_time(shown, under_way=under_way)


@retry_busy
def decide(ctx: Ctx, key: str, status: str, *, today: date | None = None, now: datetime | None = None) -> Suggestion:
    """Record that the user accepted, dismissed or snoozed (for a week) a current suggestion; returns it."""
    if status not in STATUSES:
        raise ValidationError({"status": f"Choose one of: {', '.join(STATUSES)}."})
    today = today or date.today()
    found = next((s for s in all_suggestions(ctx, today=today) if s.key == key), None)
    if found is None:
        raise NotFoundError("That suggestion no longer applies; the list has been refreshed.")
    if found.kind is Kind.RED_FLAG:
        raise ValidationError({"status": "A red flag stays until it has passed: please contact your doctor."})
    with ctx.db.write() as s:
        s.add(
            Decision(
                owner_id=ctx.owner_id,
                key=key,
                fingerprint=found.fingerprint,
                status=status,
                text=f"{found.title}\n{found.what}",
                decided_at=now or datetime.combine(today, datetime.now().time()),
                until=today + timedelta(days=SNOOZE_DAYS) if status == SNOOZED else None,
            )
        )
    return found


@dataclass(frozen=True)
class AcceptedChange:
    """A suggestion the user accepted: when, which, and what it said."""

    day: date
    key: str
    title: str
    detail: str


def accepted_changes(ctx: Ctx, start: date, end: date) -> list[AcceptedChange]:
    """Suggestions accepted from `start` to `end` (both included), oldest first, for the report."""
    with ctx.db.read() as s:
        return accepted_changes_in(s, ctx.owner_id, start, end)


def accepted_changes_in(s: OrmSession, owner_id: int, start: date, end: date) -> list[AcceptedChange]:
    """accepted_changes read in the caller's transaction `s`."""
    rows = s.execute(
        select(Decision.decided_at, Decision.key, Decision.text)
        .where(Decision.owner_id == owner_id, Decision.status == ACCEPTED)
        .where(Decision.decided_at >= datetime.combine(start, time.min))
        .where(Decision.decided_at < datetime.combine(end + timedelta(days=1), time.min))
        .order_by(Decision.decided_at, Decision.id)
    ).all()
    changes = []
    for decided_at, key, text in rows:
        title, _, detail = text.partition("\n")
        changes.append(AcceptedChange(decided_at.date(), key, title, detail))
    return changes

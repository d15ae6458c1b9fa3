"""Helpers for backup tests: fill an owner's data through the services, and dump it independent of ids."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import select

from db.models import Decision
from db.ownership import PROFILES, owned, owned_tables
from services.checkins import record_morning, record_peg, record_pressure
from services.context import Ctx
from services.function_goals import add_goal, function_goals, rate_goals, retire_goal
from services.medication import add_regular, change_dose, log_dose, medication
from services.pgic import record_pgic
from services.profiles import add_exercise, save_settings
from services.sessions import delete_session, log_session
from services.sharing import create_link, open_link
from tests.factories import NOW, cardio_session, create_session

SETTINGS = ("display_name", "unit", "pain_limit", "regions", "rule_settings")
Dump = dict[str, list[tuple[Any, ...]]]


def fill_owner(ctx: Ctx, *, weight: float = 40.0, name: str = "Ana Ruiz") -> None:
    """A bit of everything: settings, an own exercise, sessions (one in the bin), check-ins, a share link."""
    add_exercise(ctx, {"name": "Aqua jogging", "category": "cardio"})
    today = NOW.date()
    first = create_session(ctx, when=NOW - timedelta(days=3), weight=weight, notes="Felt fine 💪 — «ok»")
    create_session(ctx, when=NOW - timedelta(days=2), weight=weight + 5, region="left_knee", rpe=7)
    log_session(ctx, cardio_session(when=NOW - timedelta(days=1), exercise="Aqua jogging", minutes=25), now=NOW)
    gone = create_session(ctx, when=NOW - timedelta(days=4), weight=weight - 5)
    delete_session(ctx, gone)
    record_morning(ctx, today - timedelta(days=2), {"lower_back": 3}, today=today, sleep=7)
    fill_health(ctx)
    record_peg(ctx, {"day": today, "pain": 6, "enjoyment": 5, "activity": 4}, today=today)
    record_pressure(ctx, {"day": today, "site": "Left knee", "trial1": 3.1, "trial2": 3.4, "trial3": 3.0}, today=today)
    token = create_link(ctx, start=today - timedelta(days=10), end=today, regions=["lower_back"], now=NOW)
    open_link(ctx.db, token, now=NOW + timedelta(hours=1))
    with ctx.db.write() as s:
        # Written directly: a decision needs a live suggestion, which this little history does not give.
        s.add(Decision(owner_id=ctx.owner_id, key="switch:Leg press", status="accepted", decided_at=NOW))
    # Last, so the weights above were entered in kg.
    save_settings(ctx, {"unit": "lb", "pain_limit": 4, "regions": ["lower_back", "left_knee"], "display_name": name})
    assert first > 0


def fill_health(ctx: Ctx) -> None:
    """Function goals rated twice (one retired since), a PGIC answer, a dose change and an as-needed dose."""
    today = NOW.date()
    for activity in ("Climb two flights of stairs", "Carry shopping", "Sit through a film"):
        add_goal(ctx, {"activity": activity, "created_on": today - timedelta(days=20)}, today=today)
    goals = function_goals(ctx, today=today).active
    for days_ago, score in ((14, 3), (0, 5)):
        rate_goals(ctx, today - timedelta(days=days_ago), {g.id: score for g in goals}, today=today)
    retire_goal(ctx, goals[-1].id, today=today)
    record_pgic(ctx, {"day": today, "score": 2}, today=today)
    add_regular(ctx, {"name": "Naproxen", "dose": 250, "unit": "mg", "start": today - timedelta(days=30)}, today=today)
    change_dose(ctx, medication(ctx).current[0][0], {"dose": 500, "start": today - timedelta(days=5)}, today=today)
    log_dose(ctx, {"name": "Paracetamol", "dose": 1000, "unit": "mg", "taken_at": NOW - timedelta(hours=3)}, now=NOW)


def owner_dump(ctx: Ctx) -> Dump:
    """Every row the owner has, with ids replaced by their order, so copies with new ids compare equal."""
    rank: dict[str, dict[int, int]] = {PROFILES.name: {ctx.owner_id: 0}}
    dump: Dump = {}
    with ctx.db.engine.connect() as conn:
        profile = conn.execute(select(PROFILES).where(PROFILES.c.id == ctx.owner_id)).one()._mapping
        dump["profiles"] = [tuple(profile[key] for key in SETTINGS)]
        for table in owned_tables():
            rows = conn.execute(select(table).where(owned(table, ctx.owner_id)).order_by(table.c.id)).all()
            rank[table.name] = {row.id: i for i, row in enumerate(rows)}
            out = []
            for row in rows:
                values = []
                for column in table.columns:
                    value = row._mapping[column.name]
                    if column.name == "id":
                        value = rank[table.name][value]
                    for fk in column.foreign_keys:
                        value = None if value is None else rank[fk.column.table.name][value]
                    values.append(value)
                out.append(tuple(values))
            dump[table.name] = out
    return dump


def all_rows(ctx: Ctx) -> Dump:
    """Every row of every table as stored, ids included (to show nothing of another owner moved)."""
    with ctx.db.engine.connect() as conn:
        return {
            t.name: [tuple(r) for r in conn.execute(select(t).order_by(t.c.id))] for t in [PROFILES, *owned_tables()]
        }


def owner_rows(ctx: Ctx) -> Dump:
    """The owner's rows exactly as stored, ids included."""
    with ctx.db.engine.connect() as conn:
        return {
            t.name: [tuple(r) for r in conn.execute(select(t).where(owned(t, ctx.owner_id)).order_by(t.c.id))]
            for t in [PROFILES, *owned_tables()]
        }

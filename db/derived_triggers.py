"""Triggers that mark an owner's derived Progress data stale in the same transaction as any change it is made from.

Whatever writes a session, an entry, a set, a pain rating, a check-in, an exercise's name or kind, or the pain
limit or tracked regions (the app, the command line, an import, a restore, a hand-made SQL statement), the
database itself adds one to derived_progress.generation for that owner, so a payload built before the change
is never read after it (services/derived.py). Only a valid payload is touched: once stale, the rest of a bulk
import's rows cost one cheap check each.

SQLite rebuilds a table for some schema changes (Alembic's batch mode): a later migration that does so on one of
these tables must create its triggers again (create_statements).
"""

from __future__ import annotations

# Per table: the events that can change derived data, and how a row (NEW or OLD) names its owner.
_SESSION_OWNER = "(SELECT owner_id FROM sessions WHERE id = {row}.session_id)"
_SET_OWNER = "(SELECT s.owner_id FROM entries e JOIN sessions s ON s.id = e.session_id WHERE e.id = {row}.entry_id)"
SOURCES: dict[str, tuple[tuple[str, ...], str]] = {
    "sessions": (("INSERT", "UPDATE", "DELETE"), "{row}.owner_id"),
    "entries": (("INSERT", "UPDATE", "DELETE"), _SESSION_OWNER),
    "sets": (("INSERT", "UPDATE", "DELETE"), _SET_OWNER),
    "pain_ratings": (("INSERT", "UPDATE", "DELETE"), _SESSION_OWNER),
    "checkins": (("INSERT", "UPDATE", "DELETE"), "{row}.owner_id"),
    "exercises": (("UPDATE OF name, category", "DELETE"), "{row}.owner_id"),
    "profiles": (("UPDATE OF pain_limit, regions",), "{row}.id"),
}
FUNCTION = "threshold_derived_stale"


def _name(table: str, event: str) -> str:
    return f"derived_stale_{table}_{event.split()[0].lower()}"


def _rows(event: str) -> tuple[str, ...]:
    verb = event.split()[0]
    return {"INSERT": ("NEW",), "DELETE": ("OLD",)}.get(verb, ("OLD", "NEW"))


def _sqlite(table: str, event: str, owner: str) -> str:
    owners = ", ".join(owner.format(row=row) for row in _rows(event))
    return (
        f"CREATE TRIGGER {_name(table, event)} AFTER {event} ON {table} FOR EACH ROW "
        "WHEN EXISTS (SELECT 1 FROM derived_progress WHERE built = generation) BEGIN "
        "UPDATE derived_progress SET generation = generation + 1 "
        f"WHERE built = generation AND owner_id IN ({owners}); END"
    )


def _postgres_function(table: str, owner: str) -> str:
    steps = []
    for row, skip in (("OLD", "INSERT"), ("NEW", "DELETE")):
        steps.append(
            f"IF TG_OP <> '{skip}' THEN UPDATE derived_progress SET generation = generation + 1 "
            f"WHERE owner_id = {owner.format(row=row)} AND built = generation; END IF;"
        )
    body = "\n  ".join(steps)
    return f"""CREATE OR REPLACE FUNCTION {FUNCTION}_{table}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  {body}
  RETURN NULL;
END $$"""


def create_statements(dialect: str) -> list[str]:
    """The DDL that makes the triggers on this dialect ("sqlite" or "postgresql")."""
    if dialect == "postgresql":
        made = []
        for table, (events, owner) in SOURCES.items():
            made.append(_postgres_function(table, owner))
            made.append(
                f"CREATE TRIGGER derived_stale AFTER {' OR '.join(events)} ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION {FUNCTION}_{table}()"
            )
        return made
    return [_sqlite(table, event, owner) for table, (events, owner) in SOURCES.items() for event in events]


def drop_statements(dialect: str) -> list[str]:
    """The DDL that removes them again."""
    if dialect == "postgresql":
        triggers = [f"DROP TRIGGER IF EXISTS derived_stale ON {t}" for t in SOURCES]
        return triggers + [f"DROP FUNCTION IF EXISTS {FUNCTION}_{t}()" for t in SOURCES]
    return [f"DROP TRIGGER IF EXISTS {_name(t, e)}" for t, (events, _) in SOURCES.items() for e in events]

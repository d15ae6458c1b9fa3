"""A backup's rows checked with the rules of the forms, on the private copy, before anything is replaced.

A backup is a SQLite file anyone can edit, and SQLite stores whatever it is given ('abc' in an integer
column, a 5 MB note, a date in the year 9999). Every value is first checked against its column (type,
length, no NUL), then every record against the same rules the log form, the check-ins, Settings and the
share form apply. Settings that fail are set back to their defaults (with a message); anything else that
fails refuses the whole restore with the list of problems.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Float, Integer, String, Table, Text, select
from sqlalchemy.dialects import sqlite

from db.ownership import PROFILES, owned, owned_tables
from services.restore_health import check_health_rows
from services.suggestions import STATUSES
from tracker import validation as v
from tracker.errors import ValidationError
from tracker.pain import DEFAULT_PAIN_LIMIT, DEFAULT_REGIONS
from tracker.records import check_checkin, check_exercise, check_peg, check_pressure, check_session
from tracker.report import check_range
from tracker.rules import check_rules
from tracker.session_input import SessionInput
from tracker.settings import REMINDERS_KEY, check_settings
from tracker.sharing import MAX_DAYS

# The longest free text any form accepts is a note (2,000 characters); suggestion texts stay far below this.
MAX_TEXT = 20_000
MAX_LISTED = 200
Rows = dict[str, list[dict[str, Any]]]


class RowProblems(list[str]):
    """Problems found in a backup: the first MAX_LISTED kept, the rest counted."""

    more = 0

    def add(self, message: str) -> None:
        """Keep the message while there is room, else count it."""
        if len(self) < MAX_LISTED:
            self.append(message)
        else:
            self.more += 1


def _owner_rows(path: Path, table: Table, owner: int) -> list[dict[str, Any]]:
    """The owner's rows as SQLite holds them, untouched by SQLAlchemy's type conversion (which would fail)."""
    statement = select(table).where(owned(table, owner)).order_by(*table.primary_key.columns)
    sql = str(statement.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))
    con = sqlite3.connect(path)
    con.row_factory = sqlite3.Row
    try:
        return [dict(row) for row in con.execute(sql)]
    finally:
        con.close()


def _value_problem(column: Any, value: object) -> str | None:
    """Why a stored value cannot be read back as its column's type, or None when it can."""
    kind = column.type
    if value is None:
        return None if column.nullable or column.primary_key else "is empty"
    if isinstance(kind, Boolean):
        return None if value in (0, 1) else "is not yes or no"
    if isinstance(kind, Integer):
        return None if isinstance(value, int) and abs(value) < 2**31 else "is not a whole number"
    if isinstance(kind, Float):
        ok = isinstance(value, int | float) and math.isfinite(value)
        return None if ok else "is not a number"
    if isinstance(kind, String | Text):
        if not isinstance(value, str):
            return "is not text"
        if "\x00" in value:
            return "holds a NUL character"
        limit = kind.length or MAX_TEXT
        return f"is {len(value):,} characters long (at most {limit:,})" if len(value) > limit else None
    if isinstance(kind, DateTime | Date):
        parse = datetime.fromisoformat if isinstance(kind, DateTime) else date.fromisoformat
        try:
            parse(str(value))
        except ValueError:
            return "is not a date"
    return None


def _read(path: Path, owner: int, problems: RowProblems) -> Rows:
    """Every owned row, with dates parsed; a value its column cannot hold becomes a problem."""
    rows: Rows = {}
    for table in [PROFILES, *owned_tables()]:
        rows[table.name] = found = _owner_rows(path, table, owner)
        for row in found:
            for column in table.columns:
                problem = _value_problem(column, row[column.name])
                if problem:
                    shown = repr(row[column.name])[:40] if isinstance(row[column.name], str | int | float) else ""
                    problems.add(
                        f"{table.name} row {row.get('id')}: {column.name} {shown} {problem}.".replace("  ", " ")
                    )
                elif isinstance(column.type, DateTime) and row[column.name] is not None:
                    row[column.name] = datetime.fromisoformat(row[column.name])
                elif isinstance(column.type, Date) and row[column.name] is not None:
                    row[column.name] = date.fromisoformat(row[column.name])
    return rows


def repair_settings(profile: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Settings columns to set back to their defaults, and a sentence on each."""
    raw = {
        "unit": profile["unit"],
        "pain_limit": profile["pain_limit"],
        "regions": [r for r in str(profile["regions"] or "").split(",") if r],
        "display_name": profile["display_name"],
    }
    defaults = {
        "unit": "kg",
        "pain_limit": DEFAULT_PAIN_LIMIT,
        "regions": ",".join(DEFAULT_REGIONS),
        "display_name": "",
    }
    fixes: dict[str, Any] = {}
    try:
        check_settings(raw)
    except ValidationError as error:
        fixes = {field: defaults[field] for field in error.errors if field in defaults}
    try:
        rules = json.loads(profile["rule_settings"] or "{}")
        check_rules({k: x for k, x in rules.items() if k != REMINDERS_KEY} if isinstance(rules, dict) else {"": rules})
    except (ValueError, TypeError, ValidationError):
        fixes["rule_settings"] = "{}"
    said = {"unit": "units", "pain_limit": "acceptable pain", "regions": "body regions", "display_name": "name"}
    notes = [
        f"The backup's setting for {said.get(field, 'suggestion thresholds')} was not valid, so it was set back to "
        "the default; check Settings."
        for field in fixes
    ]
    return fixes, notes


def _check(problems: RowProblems, what: str, check: Callable[..., object], raw: object, **how: Any) -> None:
    try:
        check(raw, **how)
    except ValidationError as error:
        for message in error.errors.values():
            problems.add(f"{what}: {message}")


def _sessions(rows: Rows, problems: RowProblems, now: datetime) -> None:
    exercises = {e["id"]: e for e in rows["exercises"]}
    categories = {e["name"]: e["category"] for e in exercises.values()}
    entries, sets, pains = defaultdict(list), defaultdict(list), defaultdict(list)
    for s in rows["sets"]:
        sets[s["entry_id"]].append({"weight": s["weight_kg"], "reps": s["reps"]})
    for e in sorted(rows["entries"], key=lambda e: e["position"]):
        name = exercises.get(e["exercise_id"], {}).get("name")
        entries[e["session_id"]].append(
            {"exercise": name, "sets": sets[e["id"]]} | {k: e[k] for k in ("minutes", "distance_km", "intensity")}
        )
    for p in rows["pain_ratings"]:
        pains[p["session_id"]].append({k: p[k] for k in ("region", "before", "during", "after")})
    for session in rows["sessions"]:
        raw = session | {"entries": entries[session["id"]], "pains": pains[session["id"]]}
        what = f"session of {session['started_at']:%Y-%m-%d %H:%M}"
        given = SessionInput.from_mapping(raw)
        _check(problems, what, check_session, given, categories=categories, unit="kg", now=now, stored=True)


def _links(rows: Rows, problems: RowProblems, today: date) -> dict[int, datetime]:
    """Check share links; returns new expiry times for links that would stay valid longer than a link may."""
    shortened = {}
    for link in rows["share_links"]:
        what = f"share link made {link['created_at']:%Y-%m-%d}"
        regions = [r for r in link["regions"].split(",") if r]
        errors = v.Errors()
        check_range(errors, link["start"], link["end"], regions, today=today)
        v.text(errors, "note", link["note"], label="Note for the doctor", max_len=v.MAX_NOTES)
        for message in errors.values():
            problems.add(f"{what}: {message}")
        if link["expires_at"] - link["created_at"] > timedelta(days=MAX_DAYS):
            shortened[link["id"]] = link["created_at"] + timedelta(days=MAX_DAYS)
    return shortened


def check_backup_rows(path: Path, owner: int, *, now: datetime) -> tuple[RowProblems, list[str]]:
    """Problems with the owner's rows in the copy at path, and notes on settings repaired in the copy."""
    problems = RowProblems()
    rows = _read(path, owner, problems)
    if problems:
        return problems, []  # later checks rely on every value having its column's type
    today = now.date()
    fixes, notes = repair_settings(rows["profiles"][0])
    for e in rows["exercises"]:
        _check(problems, f"exercise {e['name'][:40]!r}", check_exercise, e)
    _sessions(rows, problems, now)
    for r in rows["checkins"]:
        _check(problems, f"morning check-in of {r['day']}", check_checkin, r, today=today)
    for r in rows["peg_checkins"]:
        _check(problems, f"PEG check-in of {r['day']}", check_peg, r, today=today)
    for r in rows["pressure_thresholds"]:
        _check(problems, f"pressure threshold of {r['day']}", check_pressure, r, today=today)
    for d in rows["decisions"]:
        if d["status"] not in STATUSES:
            problems.add(f"suggestion decision row {d['id']}: status {d['status']!r} is not one Threshold knows.")
    check_health_rows(rows, problems.add, now=now)
    shortened = _links(rows, problems, today)
    if shortened:
        notes.append(
            f"{len(shortened)} share link(s) in the backup would have stayed valid for more than {MAX_DAYS} days; "
            f"they now expire {MAX_DAYS} days after they were made."
        )
    if not problems:
        _apply(path, owner, fixes, shortened)
    return problems, notes


def _apply(path: Path, owner: int, fixes: Mapping[str, Any], shortened: Mapping[int, datetime]) -> None:
    """Write the repaired settings and link expiries into the private copy, which the restore then reads."""
    con = sqlite3.connect(path)
    try:
        with con:
            for column, value in fixes.items():
                con.execute(f"update profiles set {column} = ? where id = ?", (value, owner))
            for link, expires in shortened.items():
                con.execute("update share_links set expires_at = ? where id = ?", (expires.isoformat(" "), link))
    finally:
        con.close()

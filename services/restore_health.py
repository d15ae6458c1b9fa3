"""A backup's function goals, PGIC answers, medication and sleep ratings, checked with the forms' rules."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from tracker.errors import ValidationError
from tracker.medication import check_dose, check_regular
from tracker.pgic import check_pgic
from tracker.psfs import MAX_ACTIVE, check_activity, check_retired, check_stored_rating
from tracker.sleep import check_sleep

Rows = Mapping[str, list[dict[str, Any]]]


def check_health_rows(rows: Rows, add: Callable[[str], None], *, now: datetime) -> None:
    """Pass `add` one sentence per problem found in the new kinds of rows (nothing when all are fine)."""
    today = now.date()

    def check(what: str, run: Callable[..., object], *args: Any, **kwargs: Any) -> None:
        try:
            run(*args, **kwargs)
        except ValidationError as error:
            for message in error.errors.values():
                add(f"{what}: {message}")

    goals = rows["function_goals"]
    for g in goals:
        what = f"function goal {str(g['activity'])[:40]!r}"
        check(what, check_activity, g, today=today)
        if g["retired_on"] is not None:
            check(what, check_retired, g["created_on"], g["retired_on"], today=today)
    if (active := sum(g["retired_on"] is None for g in goals)) > MAX_ACTIVE:
        add(f"function goals: {active} activities are being rated; at most {MAX_ACTIVE} can be at once.")
    for r in rows["psfs_ratings"]:
        check(f"function goal rating of {r['day']}", check_stored_rating, r, today=today)
    for r in rows["pgic_answers"]:
        check(f"global impression of change of {r['day']}", check_pgic, r, today=today)
    for m in rows["medications"]:
        raw = m | {"start": m["start_day"], "end": m["end_day"]}
        check(f"medication {str(m['name'])[:40]!r}", check_regular, raw, today=today)
    for d in rows["as_needed_doses"]:
        check(f"as-needed dose of {d['taken_at']:%Y-%m-%d %H:%M}", check_dose, d, now=now)
    for c in rows["checkins"]:
        check(f"sleep rating of {c['day']}", check_sleep, c["sleep_quality"])

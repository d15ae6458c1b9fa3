"""Bad input gets a message naming the field and writes nothing; harmless odd text is kept as typed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from services.checkins import record_checkin, record_morning, record_peg, record_pressure
from services.context import Ctx
from services.function_goals import add_goal, rate_goals
from services.medication import add_regular, log_dose
from services.pgic import record_pgic
from services.profiles import add_exercise, list_exercises, save_settings
from services.sessions import log_session, session_form
from tests.conftest import Figures
from tests.factories import NOW, strength_session
from tests.reliability.bad_input_cases import ACCEPTED_NOTES, REFUSED, SQL_DROP, TODAY, Refused
from tests.reliability.counts import growth, row_counts, snapshot
from tracker.errors import ValidationError

CALLS: dict[str, Callable[[Ctx, Any], object]] = {
    "session": lambda ctx, raw: log_session(ctx, raw, now=NOW),
    "checkin": lambda ctx, raw: record_checkin(ctx, raw, today=TODAY),
    "peg": lambda ctx, raw: record_peg(ctx, raw, today=TODAY),
    "pressure": lambda ctx, raw: record_pressure(ctx, raw, today=TODAY),
    "settings": save_settings,
    "exercise": add_exercise,
    "psfs_activity": lambda ctx, raw: add_goal(ctx, raw, today=TODAY),
    "psfs_rating": lambda ctx, raw: rate_goals(ctx, raw["day"], raw["scores"], today=TODAY),
    "pgic": lambda ctx, raw: record_pgic(ctx, raw, today=TODAY),
    "medication": lambda ctx, raw: add_regular(ctx, raw, today=TODAY),
    "as_needed": lambda ctx, raw: log_dose(ctx, raw, now=NOW),
    "sleep": lambda ctx, raw: record_morning(ctx, raw["day"], raw["pains"], today=TODAY, sleep=raw["sleep"]),
}
ONE_SESSION = {"sessions": 1, "entries": 1, "sets": 3, "pain_ratings": 1}


def test_the_catalogue_covers_every_kind_of_bad_input() -> None:
    assert len(REFUSED) >= 40
    assert len({case.id for case in REFUSED}) == len(REFUSED)
    assert set(CALLS) == {case.use_case for case in REFUSED}


@pytest.mark.parametrize("case", REFUSED, ids=lambda case: case.id)
def test_bad_input_is_refused_with_a_message_naming_the_field_and_writes_nothing(
    shared_ctx: Ctx, case: Refused, figures: Figures
) -> None:
    before = snapshot(shared_ctx.db)
    with pytest.raises(ValidationError) as caught:
        CALLS[case.use_case](shared_ctx, case.raw)
    assert case.field in caught.value.errors, caught.value.errors
    assert case.says in caught.value.errors[case.field]
    assert snapshot(shared_ctx.db) == before
    figures.tally(f"bad input refused with a message, nothing written ({shared_ctx.db.engine.dialect.name})")


@pytest.mark.parametrize(("kind", "notes"), ACCEPTED_NOTES, ids=[kind for kind, _ in ACCEPTED_NOTES])
def test_harmless_text_in_notes_is_kept_exactly_as_typed(
    shared_ctx: Ctx, kind: str, notes: str, figures: Figures
) -> None:
    before = row_counts(shared_ctx.db)
    session_id = log_session(shared_ctx, strength_session(notes=notes), now=NOW)
    assert session_form(shared_ctx, session_id).notes == notes
    assert growth(before, row_counts(shared_ctx.db)) == ONE_SESSION
    figures.tally(f"odd but harmless notes kept exactly ({shared_ctx.db.engine.dialect.name})")


def test_sql_in_an_exercise_name_is_just_a_name(shared_ctx: Ctx) -> None:
    name = f"Bob{SQL_DROP}"[:80]
    before = row_counts(shared_ctx.db)
    add_exercise(shared_ctx, {"name": name, "category": "strength", "equipment": "dumbbell"})
    log_session(shared_ctx, strength_session(exercise=name), now=NOW)
    assert name in {exercise.name for exercise in list_exercises(shared_ctx)}
    assert growth(before, row_counts(shared_ctx.db)) == {"exercises": 1, **ONE_SESSION}

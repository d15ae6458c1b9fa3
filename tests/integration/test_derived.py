"""Derived Progress data (services/derived.py) gives the very headline the records give, and is never read stale.

The reference is the Progress headline worked out from the records (the derived data switched off); the
derived one must match it in every chart row and word, after logging, edits, deletes, morning check-ins,
setting changes, imports and restores, on SQLite and PostgreSQL. Between a write and the rebuild that follows
it, the database's triggers must have marked the data stale, whoever made the write.
"""

from __future__ import annotations

import contextlib
import itertools
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from db.engine import Database
from services import progress
from services.backup import make_backup, restore_backup
from services.checkins import record_morning
from services.context import Ctx, bump_data_version, ensure_profile, open_database
from services.derived import derived_in
from services.export import export_zip
from services.profiles import save_settings
from services.progress import Headline, progress_headline
from services.sessions import delete_session, log_session, restore_session, update_session
from services.transfer import import_file
from tracker.errors import ValidationError
from tracker.session_input import EntryInput, PainInput, SessionInput, SetInput

TODAY = date(2026, 11, 20)
NOW = datetime.combine(TODAY, time(21, 0))
REGIONS = ("lower_back", "right_knee")
STRENGTH = ("Leg press", "Goblet squat", "Bodyweight squat")
CARDIO = ("Treadmill walk", "Elliptical trainer")


def live_headline(ctx: Ctx, monkeypatch: pytest.MonkeyPatch, **filters: Any) -> Headline:
    """The headline worked out from the records, as if there were no derived data."""
    with monkeypatch.context() as patch:
        patch.setattr(progress, "derived_in", lambda _s, _owner: None)
        return progress_headline(ctx, **filters)


def assert_same(got: Headline, want: Headline) -> None:
    """Every chart row and every word of two headlines agree."""
    pd.testing.assert_frame_equal(got.threshold, want.threshold)
    pd.testing.assert_frame_equal(got.pain, want.pain)
    a, b = got.picture, want.picture
    assert (a.exercises, a.measures, a.headline, a.lines, a.subtitles, a.waiting) == (
        b.exercises,
        b.measures,
        b.headline,
        b.lines,
        b.subtitles,
        b.waiting,
    )
    assert a.changes == b.changes
    assert got.comparison == want.comparison
    assert (got.start, got.end, got.bucket, got.unit, got.pain_limit) == (
        want.start,
        want.end,
        want.bucket,
        want.unit,
        want.pain_limit,
    )


def periods(first: date) -> list[dict[str, Any]]:
    """All time, the last four weeks, a year, and one exercise chosen."""
    return [
        {"start": first, "end": TODAY},
        {"start": TODAY - timedelta(days=27), "end": TODAY},
        {"start": TODAY - timedelta(days=364), "end": TODAY},
        {"start": first, "end": TODAY, "exercises": ["Leg press"]},
    ]


def check_rebuilt(ctx: Ctx, monkeypatch: pytest.MonkeyPatch, first: date) -> None:
    """After the write's rebuild the derived data is valid and every period's headline is the records' one."""
    bump_data_version(ctx)
    with ctx.db.read() as s:
        assert derived_in(s, ctx.owner_id) is not None
    for filters in periods(first):
        assert_same(progress_headline(ctx, **filters), live_headline(ctx, monkeypatch, **filters))


def is_stale(ctx: Ctx) -> bool:
    with ctx.db.read() as s:
        return derived_in(s, ctx.owner_id) is None


def session(day: date, exercise: str = "Leg press", weight: float | None = 40.0, reps: int = 10, minutes: float = 20,
            pains: tuple[tuple[str, int | None, int | None, int | None], ...] = (("lower_back", 2, 3, 2),),
            hour: int = 18) -> SessionInput:  # fmt: skip
    """One exercise on `day`: sets for strength, minutes for cardio, pain (region, before, during, after)."""
    if exercise in CARDIO:
        entry = EntryInput(exercise, minutes=minutes)
    else:
        entry = EntryInput(exercise, sets=tuple(SetInput(weight, reps - i) for i in range(3)))
    return SessionInput(
        started_at=datetime.combine(day, time(hour)),
        entries=(entry,),
        pains=tuple(PainInput(r, b, d, a) for r, b, d, a in pains),
    )


def test_every_kind_of_write_marks_the_data_stale_until_the_rebuild(ctx: Ctx, monkeypatch: pytest.MonkeyPatch) -> None:
    first = TODAY - timedelta(days=60)
    ids = [log_session(ctx, session(first + timedelta(days=3 * i), weight=40 + i), now=NOW) for i in range(15)]
    check_rebuilt(ctx, monkeypatch, first)
    writes = [
        lambda: log_session(ctx, session(TODAY - timedelta(days=1), weight=60), now=NOW),
        lambda: record_morning(ctx, TODAY, {"lower_back": 7}, today=TODAY),
        lambda: update_session(ctx, ids[3], session(first + timedelta(days=9), weight=90, reps=5), now=NOW),
        lambda: delete_session(ctx, ids[4], now=NOW),
        lambda: restore_session(ctx, ids[4]),
        lambda: save_settings(ctx, {"unit": "kg", "pain_limit": 2, "regions": ["lower_back"]}),
        lambda: save_settings(ctx, {"unit": "kg", "pain_limit": 2, "regions": list(REGIONS)}),
    ]
    # Hand-made SQL, as a tool outside the app would write: the triggers see it all the same.
    raw = [
        "UPDATE sets SET weight_kg = weight_kg + 5 WHERE id = (SELECT min(id) FROM sets)",
        "UPDATE pain_ratings SET during = 9 WHERE id = (SELECT max(id) FROM pain_ratings)",
        "DELETE FROM sets WHERE id = (SELECT max(id) FROM sets)",
        "UPDATE exercises SET name = 'Leg press (old)' WHERE name = 'Leg press'",
    ]
    for write in writes:
        write()
        assert is_stale(ctx)
        check_rebuilt(ctx, monkeypatch, first)
    for statement in raw:
        with ctx.db.write() as s:
            s.execute(text(statement))
        assert is_stale(ctx)
        check_rebuilt(ctx, monkeypatch, first)


def test_a_change_of_weight_unit_needs_no_rebuild_and_shows_pounds(ctx: Ctx, monkeypatch: pytest.MonkeyPatch) -> None:
    first = TODAY - timedelta(days=40)
    for i in range(12):
        log_session(ctx, session(first + timedelta(days=3 * i), weight=40 + 2.5 * i), now=NOW)
    bump_data_version(ctx)
    save_settings(ctx, {"unit": "lb", "pain_limit": 5, "regions": ["lower_back"]})
    with ctx.db.read() as s:
        assert derived_in(s, ctx.owner_id) is not None  # loads are kept in kg
    for filters in periods(first):
        got = progress_headline(ctx, **filters)
        assert got.unit == "lb"
        assert_same(got, live_headline(ctx, monkeypatch, **filters))


def test_import_and_restore_rebuild_to_the_records_headline(ctx: Ctx, monkeypatch: pytest.MonkeyPatch) -> None:
    first = TODAY - timedelta(days=90)
    for i in range(30):
        day = first + timedelta(days=3 * i)
        log_session(ctx, session(day, weight=30 + i, pains=(("lower_back", 2, 3 + i % 4, 2),)), now=NOW)
        record_morning(ctx, day + timedelta(days=1), {"lower_back": 2 + i % 5}, today=TODAY)
    backup = make_backup(ctx)
    exported = export_zip(ctx)
    check_rebuilt(ctx, monkeypatch, first)
    other = ensure_profile(ctx.db, "someone-else")
    import_file(other, "threshold-export.zip", exported, now=NOW)
    assert is_stale(ctx) is False  # another owner's import leaves this owner's data valid
    check_rebuilt(other, monkeypatch, first)
    log_session(ctx, session(TODAY, weight=99), now=NOW)
    restore_backup(ctx, backup, now=NOW)
    assert is_stale(ctx)
    check_rebuilt(ctx, monkeypatch, first)


def test_years_of_history_give_the_records_headline_by_week_month_and_quarter(
    ctx: Ctx, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = TODAY - timedelta(days=7 * 365)
    for i in range(0, 7 * 365, 11):
        day = first + timedelta(days=i)
        pains = (("lower_back", 2 + i % 3, 3 + i % 5, 2 + i % 4), ("right_knee", 1, 2 + i % 3, None))
        log_session(ctx, session(day, weight=30 + (i % 200) / 4, reps=8 + i % 5, pains=pains), now=NOW)
        log_session(ctx, session(day, exercise="Treadmill walk", minutes=10 + i % 35, hour=8), now=NOW)
        record_morning(ctx, day + timedelta(days=1), {"lower_back": 2 + i % 6, "right_knee": 1 + i % 2}, today=TODAY)
    save_settings(ctx, {"unit": "kg", "pain_limit": 5, "regions": list(REGIONS)})
    bump_data_version(ctx)
    for days, bucket in ((7 * 365, "quarter"), (4 * 365, "month"), (365, "week"), (60, "day")):
        filters: dict[str, Any] = {"start": TODAY - timedelta(days=days - 1), "end": TODAY - timedelta(days=3)}
        got = progress_headline(ctx, **filters)
        assert got.bucket == bucket and len(got.pain) > 3 and "Baseline (first 14 days)" in got.comparison
        assert_same(got, live_headline(ctx, monkeypatch, **filters))


# Many random histories on SQLite (each example is a fresh profile in one scratch database).
_owners = itertools.count()


@dataclass(frozen=True)
class Step:
    kind: str
    day: int
    exercise: str
    weight: float | None
    reps: int
    minutes: float
    before: int | None
    during: int | None
    after: int | None
    region: str
    pick: int


steps = st.builds(
    Step,
    kind=st.sampled_from(["log", "log", "log+morning", "log+morning", "morning", "edit", "delete", "limit", "regions"]),
    day=st.integers(1, 45),
    exercise=st.sampled_from(STRENGTH + CARDIO),
    weight=st.one_of(st.none(), st.sampled_from([20.0, 22.5, 40.0, 41.25, 60.0])),
    reps=st.integers(3, 15),
    minutes=st.sampled_from([10.0, 12.5, 30.0, 45.0]),
    before=st.one_of(st.integers(0, 6), st.integers(0, 6), st.none()),
    during=st.integers(0, 8),
    after=st.one_of(st.integers(0, 8), st.none()),
    region=st.sampled_from(REGIONS),
    pick=st.integers(0, 1000),
)


@pytest.fixture(scope="module")
def scratch_db() -> Iterator[Database]:
    folder = tempfile.mkdtemp(prefix="threshold-derived-")
    database = open_database(f"{folder}/derived.db")
    yield database
    database.dispose()
    shutil.rmtree(folder, ignore_errors=True)


def _apply(ctx: Ctx, step: Step, ids: list[int]) -> None:
    with contextlib.suppress(ValidationError):  # refused as a person's input would be: nothing was written
        _write(ctx, step, ids)


def _write(ctx: Ctx, step: Step, ids: list[int]) -> None:
    day = TODAY - timedelta(days=step.day)
    pains = ((step.region, step.before, step.during, step.after),)
    given = session(day, step.exercise, step.weight, step.reps, step.minutes, pains, 6 + step.pick % 15)
    if step.kind.startswith("log"):
        ids.append(log_session(ctx, given, now=NOW))
    if step.kind == "log+morning":  # the next morning: settled, or worse by the pick
        morning = (step.before or 0) + step.pick % 4
        record_morning(ctx, day + timedelta(days=1), {step.region: min(morning, 10)}, today=TODAY)
    if step.kind == "morning":
        record_morning(ctx, day, {step.region: step.during or 0}, today=TODAY)
    elif step.kind == "edit" and ids:
        update_session(ctx, ids[step.pick % len(ids)], given, now=NOW)
    elif step.kind == "delete" and ids:
        delete_session(ctx, ids.pop(step.pick % len(ids)), now=NOW)
    elif step.kind == "limit":
        save_settings(ctx, {"unit": "kg", "pain_limit": 2 + step.pick % 6, "regions": list(REGIONS)})
    elif step.kind == "regions":
        save_settings(ctx, {"unit": "kg", "pain_limit": 5, "regions": [step.region]})


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(history=st.lists(steps, min_size=5, max_size=40), rebuild_after=st.integers(1, 40))
def test_any_history_gives_the_records_headline(
    scratch_db: Database, monkeypatch: pytest.MonkeyPatch, history: list[Step], rebuild_after: int
) -> None:
    ctx = ensure_profile(scratch_db, f"derived-{next(_owners)}")
    save_settings(ctx, {"unit": "kg", "pain_limit": 5, "regions": list(REGIONS)})
    ids: list[int] = []
    first = TODAY - timedelta(days=45)
    for i, step in enumerate(history, start=1):
        _apply(ctx, step, ids)
        if i % rebuild_after == 0:
            check_rebuilt(ctx, monkeypatch, first)
    check_rebuilt(ctx, monkeypatch, first)
    log_session(ctx, session(TODAY, weight=50.0), now=NOW)
    assert is_stale(ctx)

"""A large import is checked and written in batches, yet stays all or nothing and never imports a session twice."""

from __future__ import annotations

import gc
import io
import zipfile

from sqlalchemy import func, select

from bench.bench_import import export_like
from db.models import ExerciseSession, WorkSet
from services.transfer import CHECK_BATCH, import_file

# Enough sessions for three batches; ten sets each.
SESSIONS = 2 * CHECK_BATCH + 200


def _counts(ctx) -> tuple[int, int]:
    with ctx.db.read() as s:
        sessions = s.scalar(select(func.count()).select_from(ExerciseSession))
        sets = s.scalar(select(func.count()).select_from(WorkSet))
    return int(sessions or 0), int(sets or 0)


def _with_last_set(data: bytes, replace: bytes) -> bytes:
    """The export with the reps of the very last set row changed (a session in the last batch)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            content = source.read(name)
            if name == "sets.csv":
                head, last = content.rstrip(b"\r\n").rsplit(b"\r\n", 1)
                content = head + b"\r\n" + last.rsplit(b",", 1)[0] + b"," + replace + b"\r\n"
            target.writestr(name, content)
    return out.getvalue()


def test_a_bad_set_in_the_last_batch_writes_nothing_and_names_its_line(ctx):
    data, _frame = export_like(SESSIONS * 10)
    result = import_file(ctx, "export.zip", _with_last_set(data, b"abc"))
    assert not result.written
    assert [(p.file, p.line) for p in result.problems] == [("sets.csv", SESSIONS * 10 + 1)]
    assert "abc" in result.problems[0].message or "reps" in result.problems[0].message
    assert _counts(ctx) == (0, 0)


def test_importing_twice_adds_nothing_the_second_time_across_batches(ctx):
    data, _frame = export_like(SESSIONS * 10)
    first = import_file(ctx, "export.zip", data)
    assert first.written and (first.sessions_added, first.sets_added) == (SESSIONS, SESSIONS * 10)
    again = import_file(ctx, "export.zip", data)
    assert again.written and again.sessions_added == 0 and again.already_there >= SESSIONS
    assert _counts(ctx) == (SESSIONS, SESSIONS * 10)


def test_a_preview_counts_every_batch_and_writes_nothing(ctx):
    data, _frame = export_like(SESSIONS * 10)
    result = import_file(ctx, "export.zip", data, save=False)
    assert result.checked_only and result.preview is not None
    assert (result.preview.sessions, result.preview.sets, result.preview.with_pain) == (
        SESSIONS,
        SESSIONS * 10,
        SESSIONS,
    )
    assert _counts(ctx) == (0, 0)


def test_sets_listed_out_of_order_are_put_in_set_order_and_keep_their_lines(ctx):
    files = {
        "sessions.csv": "session_id,started_at,effort_rpe,notes\r\n1,2026-01-05 07:00:00,6,\r\n",
        "entries.csv": "session_id,entry_number,exercise,minutes,distance_km,intensity\r\n1,1,Leg press,,,\r\n",
        "sets.csv": "session_id,entry_number,set_number,weight_kg,reps\r\n1,1,3,50,8\r\n1,1,1,40,abc\r\n1,1,2,45,9\r\n",
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    refused = import_file(ctx, "export.zip", out.getvalue())
    assert [(p.file, p.line) for p in refused.problems] == [("sets.csv", 3)]
    files["sets.csv"] = files["sets.csv"].replace("abc", "10")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    assert import_file(ctx, "export.zip", out.getvalue()).written
    with ctx.db.read() as s:
        rows = s.execute(select(WorkSet.position, WorkSet.weight_kg).order_by(WorkSet.position)).all()
    assert [tuple(r) for r in rows] == [(0, 40.0), (1, 45.0), (2, 50.0)]


def test_an_import_written_or_refused_leaves_the_cycle_collector_as_it_found_it(ctx):
    data, _frame = export_like(20)
    assert gc.isenabled()
    assert import_file(ctx, "export.zip", _with_last_set(data, b"abc")).problems
    assert gc.isenabled()
    gc.disable()
    try:
        assert import_file(ctx, "export.zip", data).written
        assert not gc.isenabled()
    finally:
        gc.enable()

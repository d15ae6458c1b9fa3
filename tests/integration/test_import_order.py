"""A Threshold export is read a batch of sessions at a time, whatever order its tables' rows come in."""

from __future__ import annotations

import gc
import io
import weakref
import zipfile

import pytest
from sqlalchemy import select

from bench.bench_import import export_like
from db.models import Entry, ExerciseSession, WorkSet
from formats.readers import reading, threshold_sessions
from formats.readers.model import Problems
from formats.readers.table_walk import in_order
from formats.readers.upload import parse_upload
from services.transfer import import_file

SESSIONS = 120  # ten sets each; SCAN_SLICE is made smaller than this, so that a table out of order is walked often


def _rewritten(data: bytes, change: dict[str, object]) -> bytes:
    """The export with the named members' rows (after the header) reordered or extended by `change`."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            content = source.read(name).decode("utf-8-sig")
            if name in change:
                header, *rows = content.rstrip("\r\n").split("\r\n")
                rows = change[name](rows)  # type: ignore[operator]
                content = "\r\n".join([header, *rows]) + "\r\n"
            target.writestr(name, content.encode("utf-8-sig"))
    return out.getvalue()


def _stored_sets(ctx) -> list[tuple[int, int, int, float | None, int]]:
    """(session number, entry number, set number, weight, reps) of every stored set, sessions numbered by time."""
    with ctx.db.read() as s:
        rows = s.execute(
            select(ExerciseSession.started_at, Entry.position, WorkSet.position, WorkSet.weight_kg, WorkSet.reps)
            .join(Entry, Entry.session_id == ExerciseSession.id)
            .join(WorkSet, WorkSet.entry_id == Entry.id)
        ).all()
    starts = {started: n for n, started in enumerate(sorted({r[0] for r in rows}), start=1)}
    return sorted((starts[r[0]], r[1] + 1, r[2] + 1, r[3], r[4]) for r in rows)


@pytest.fixture
def small_slices(monkeypatch: pytest.MonkeyPatch) -> None:
    """Slices of 50 sessions for tables out of order (three walks of such a table for SESSIONS)."""
    monkeypatch.setattr(threshold_sessions, "SCAN_SLICE", 50)


# The order of a table is learnt from the session ids kept as it was checked, or (past MAX_RUNS) by a walk of it.
@pytest.mark.parametrize("max_runs", [reading.MAX_RUNS, 3])
def test_tables_in_reverse_order_import_the_same_history_as_in_order(ctx, small_slices, monkeypatch, max_runs):
    monkeypatch.setattr(reading, "MAX_RUNS", max_runs)
    data, frame = export_like(SESSIONS * 10)
    shuffled = _rewritten(
        data,
        {
            "sets.csv": lambda rows: rows[::-1],
            "entries.csv": lambda rows: rows[::-1],
            "pain_ratings.csv": lambda rows: rows[1::2] + rows[::2],
        },
    )
    result = import_file(ctx, "export.zip", shuffled)
    assert result.written, result.problems[:3]
    assert (result.sessions_added, result.sets_added) == (SESSIONS, SESSIONS * 10)
    expected = sorted((int(n), int(e), int(k), float(w), int(r)) for n, e, k, w, r in frame.itertuples(index=False))
    assert _stored_sets(ctx) == expected


def test_rows_of_unknown_sessions_are_named_once_each_however_often_their_table_is_walked(ctx, small_slices):
    data, _frame = export_like(SESSIONS * 10)
    stray = ["999,1,1,40,10", "998,1,1,40,10"]
    # Reversed and with two rows of sessions that do not exist: lines 2 and 3 after the header.
    shuffled = _rewritten(data, {"sets.csv": lambda rows: stray + rows[::-1]})
    result = import_file(ctx, "export.zip", shuffled)
    assert not result.written
    assert [(p.file, p.line) for p in result.problems] == [("sets.csv", 2), ("sets.csv", 3)]
    assert "'999' is not in sessions.csv" in result.problems[0].message
    assert _stored_sets(ctx) == []


def test_a_set_of_an_entry_missing_from_entries_csv_is_named_when_its_table_is_out_of_order(ctx, small_slices):
    data, _frame = export_like(SESSIONS * 10)
    shuffled = _rewritten(data, {"sets.csv": lambda rows: [*rows[::-1], "7,9,1,40,10"]})
    result = import_file(ctx, "export.zip", shuffled)
    assert [(p.file, p.line, p.message) for p in result.problems] == [
        ("sets.csv", SESSIONS * 10 + 2, "entry 9 of session 7 is not in entries.csv.")
    ]


def test_the_reader_keeps_no_batch_it_has_handed_over(small_slices):
    data, _frame = export_like(SESSIONS * 10)
    stream = parse_upload("export.zip", data).stream
    assert stream is not None and len(stream) == SESSIONS
    batches = stream.batches(20, Problems())
    first = next(batches)
    assert len(first) == 20 and len(first[0].raw["entries"][0]["sets"]) == 5
    gone = [weakref.ref(session) for session in first]
    del first
    second = next(batches)
    gc.collect()
    # Memory holds the batch being checked, not every session read so far: a file of any size fits.
    assert all(ref() is None for ref in gone)
    assert len(second) == 20
    assert sum(len(batch) for batch in batches) == SESSIONS - 40


@pytest.mark.parametrize("max_runs", [reading.MAX_RUNS, 3])
def test_a_table_is_known_to_be_in_session_order_or_not_whether_its_runs_were_kept(monkeypatch, max_runs):
    monkeypatch.setattr(reading, "MAX_RUNS", max_runs)
    ids = {"1": 0, "2": 1, "3": 2}
    ordered = reading.read_csv("sets.csv", b"session_id,reps\r\n1,5\r\n1,6\r\n2,5\r\n9,1\r\n3,5\r\n3,4\r\n")
    reversed_ = reading.read_csv("sets.csv", b"session_id,reps\r\n3,5\r\n2,6\r\n2,5\r\n1,5\r\n")
    assert (ordered.runs is not None, reversed_.runs is not None) == (max_runs > 3, max_runs > 3)
    assert (in_order(ordered, ids), in_order(reversed_, ids)) == (True, False)

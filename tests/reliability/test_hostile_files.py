"""Hostile uploads (zip bombs, odd zips, malformed CSV): one clear refusal each, memory bounded, nothing written."""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest

import cli
from formats.readers.model import MAX_PROBLEMS
from services.context import Ctx
from services.transfer import ImportResult, import_file
from tests.conftest import Figures
from tests.reliability.counts import snapshot
from tests.reliability.hostile_files import CASES, MB, Hostile, strong_bad_rows
from tests.transfer_data import STRONG_6

# The largest hostile file here declares 300 MB; reading any of them may use a small, fixed amount beside it.
MEMORY_BOUND = 48 * MB
T = TypeVar("T")


def peak_memory(run: Callable[[], T]) -> tuple[T, int]:
    """What run returns, and the most memory Python held for it at any moment (tracemalloc's peak)."""
    tracemalloc.start()
    try:
        return run(), tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.fixture(scope="module")
def cli_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One SQLite file for the command-line cases."""
    yield tmp_path_factory.mktemp("cli") / "cli.db"


def test_the_catalogue_covers_every_kind_of_hostile_file() -> None:
    assert len(CASES) >= 18
    assert len({case.id for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_a_hostile_upload_is_refused_in_one_sentence_with_bounded_memory_and_nothing_written(
    shared_ctx: Ctx, case: Hostile, figures: Figures
) -> None:
    data = case.build()
    before = snapshot(shared_ctx.db)
    result, peak = peak_memory(lambda: import_file(shared_ctx, case.filename, data))
    assert isinstance(result, ImportResult)
    assert len(result.problems) == 1, result.problems
    message = str(result.problems[0])
    assert case.says in message
    assert "\n" not in message and "Traceback" not in message
    assert peak < MEMORY_BOUND, f"{peak / MB:.1f} MB"
    assert snapshot(shared_ctx.db) == before
    figures.tally(f"hostile files refused, memory bounded, nothing written ({shared_ctx.db.engine.dialect.name})")


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_the_command_line_refuses_a_hostile_file_without_a_traceback(
    cli_db: Path, tmp_path: Path, case: Hostile, capsys: pytest.CaptureFixture[str]
) -> None:
    upload = tmp_path / case.filename
    upload.write_bytes(case.build())
    assert cli.main(["import", str(upload), "--db", str(cli_db)]) == cli.USER_ERROR
    err = capsys.readouterr().err
    assert case.says in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 2, err


def test_a_file_with_thousands_of_bad_rows_lists_the_first_ones_and_counts_the_rest(
    shared_ctx: Ctx, figures: Figures
) -> None:
    data = strong_bad_rows(20_000)
    before = snapshot(shared_ctx.db)
    result, peak = peak_memory(lambda: import_file(shared_ctx, "strong.csv", data))
    assert len(result.problems) == MAX_PROBLEMS
    assert result.problem_count == 20_000
    assert "reps" in str(result.problems[0]).lower()
    assert snapshot(shared_ctx.db) == before
    figures(f"20,000 bad rows: {MAX_PROBLEMS} problems listed, peak {peak / MB:.0f} MB")


def test_a_latin1_file_still_reads_and_says_so(shared_ctx: Ctx) -> None:
    result = import_file(shared_ctx, "latin.csv", STRONG_6.replace("Legs", "Légs").encode("latin-1"))
    assert not result.problems
    assert any("Latin-1" in note for note in result.notes)

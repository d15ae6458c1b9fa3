"""The page benchmark times whole AppTest runs, woken by the run's own end instead of a millisecond poll."""

from __future__ import annotations

from typing import Any

import pytest
from streamlit.testing.v1 import local_script_runner

from bench.page_timing import PAGE, _woken_when_done, measure
from bench.run import build


def test_a_year_of_history_is_timed_and_its_charts_weighed(tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "sqlite://")  # measure() points the app at each database in turn
    empty, year = build(tmp_path, "empty.db", 0), build(tmp_path, "1y.db", 1)
    figures = measure([empty, year], runs=1, page=PAGE)
    assert figures[empty].charts == 0 and figures[empty].chart_bytes == 0
    assert figures[year].charts >= 2 and figures[year].chart_bytes > 10_000
    assert all(0 < f.warm_s < 60 and 0 < f.cold_s < 60 for f in figures.values())
    # Only the benchmark's own runs wait that way: AppTest runs elsewhere in the process keep AppTest's waiting.
    assert local_script_runner.require_widgets_deltas is not _woken_when_done


class Signal:
    """The two calls the waiter makes on a runner's event signal."""

    def __init__(self) -> None:
        self.receivers: list[Any] = []

    def connect(self, receiver: Any, weak: bool = False) -> None:
        self.receivers.append(receiver)

    def disconnect(self, receiver: Any) -> None:
        self.receivers.remove(receiver)


def test_a_run_that_does_not_finish_in_time_is_stopped_and_an_error():
    class Stuck:
        """A runner whose script never ends."""

        def __init__(self) -> None:
            self.on_event = Signal()
            self.stopped = False

        def script_stopped(self) -> bool:
            return False

        def request_stop(self) -> None:
            self.stopped = True

        def join(self) -> None:
            pass

    runner = Stuck()
    with pytest.raises(RuntimeError, match="timed out"):
        _woken_when_done(runner, timeout=0.05)
    assert runner.stopped
    assert not runner.on_event.receivers  # the waiter does not stay attached

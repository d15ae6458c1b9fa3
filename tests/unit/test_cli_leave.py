"""The command line's exit: a command that closed what it opened ends without the interpreter's teardown."""

from __future__ import annotations

import argparse

import pytest

from terminal import outcome
from terminal.parser import build_parser


class Left(Exception):
    """Raised instead of ending the test's process."""


@pytest.fixture
def exits(monkeypatch):
    """How the process would have ended: ("at once" or "usual", code)."""
    seen: list[tuple[str, int]] = []

    def at_once(code: int) -> None:
        seen.append(("at once", code))
        raise Left

    def usual(code: int) -> None:
        seen.append(("usual", code))
        raise Left

    monkeypatch.setattr(outcome.os, "_exit", at_once)
    monkeypatch.setattr(outcome.sys, "exit", usual)
    # Never the test process's own exit handlers: they deleted, among others, the folder AppTest.from_string writes
    # its scripts to, and a later test on the same worker failed with FileNotFoundError.
    monkeypatch.setattr(outcome.atexit, "_run_exitfuncs", lambda: None)
    return seen


def test_only_the_report_asks_to_skip_the_teardown():
    parser = build_parser()
    assert parser.parse_args(["report"]).one_shot is True
    assert not getattr(parser.parse_args(["backup"]), "one_shot", False)
    assert not getattr(parser.parse_args(["import", "x.csv"]), "one_shot", False)


@pytest.mark.parametrize(
    ("quick", "code", "how"),
    [(True, 0, "at once"), (True, 1, "usual"), (False, 0, "usual"), (False, 1, "usual")],
)
def test_a_failure_or_another_command_exits_as_usual(exits, quick, code, how):
    args = argparse.Namespace(one_shot=True) if quick else argparse.Namespace()
    with pytest.raises(Left):
        outcome.leave(args, code)
    assert exits == [(how, code)]


def test_what_was_asked_to_run_at_exit_still_runs(exits, monkeypatch):
    ran: list[bool] = []
    monkeypatch.setattr(outcome.atexit, "_run_exitfuncs", lambda: ran.append(True))
    with pytest.raises(Left):
        outcome.leave(argparse.Namespace(one_shot=True), 0)
    assert ran == [True]


def test_a_one_shot_command_runs_without_the_cyclic_garbage_collector(exits, monkeypatch):
    import gc

    seen: list[bool] = []

    def command(args: argparse.Namespace) -> int:
        seen.append(gc.isenabled())
        return 0

    monkeypatch.setattr(outcome, "run_command", command)
    try:
        for args in (argparse.Namespace(one_shot=True), argparse.Namespace()):
            gc.enable()
            with pytest.raises(Left):
                outcome.run_process(args)
    finally:
        gc.enable()
    assert seen == [False, True]
    assert exits == [("at once", 0), ("usual", 0)]

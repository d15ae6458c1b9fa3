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
    return seen


def test_only_the_report_asks_to_skip_the_teardown():
    parser = build_parser()
    assert parser.parse_args(["report"]).quick_exit is True
    assert not getattr(parser.parse_args(["backup"]), "quick_exit", False)
    assert not getattr(parser.parse_args(["import", "x.csv"]), "quick_exit", False)


@pytest.mark.parametrize(
    ("quick", "code", "how"),
    [(True, 0, "at once"), (True, 1, "usual"), (False, 0, "usual"), (False, 1, "usual")],
)
def test_a_failure_or_another_command_exits_as_usual(exits, quick, code, how):
    args = argparse.Namespace(quick_exit=True) if quick else argparse.Namespace()
    with pytest.raises(Left):
        outcome.leave(args, code)
    assert exits == [(how, code)]


def test_what_was_asked_to_run_at_exit_still_runs(exits, monkeypatch):
    ran: list[bool] = []
    monkeypatch.setattr(outcome.atexit, "_run_exitfuncs", lambda: ran.append(True))
    with pytest.raises(Left):
        outcome.leave(argparse.Namespace(quick_exit=True), 0)
    assert ran == [True]

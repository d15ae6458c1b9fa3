"""How a period's sessions went against the pain limit and by the next morning, in the words of the report's page 1
and its session log. The statuses are tracker.threshold's, so these counts agree with the threshold charts' marks
and with the 24-hour response chart."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from tracker.advice import day_text
from tracker.describe import counted
from tracker.threshold import Status

# The session log's outcome column: a few words that fit a narrow cell (page 1 says the same at length).
LOG_WORDS = {
    Status.TOLERATED: "tolerated",
    Status.OVER: "over the limit",
    Status.WORSE: "worse next morning",
    Status.PENDING: "no morning rating",
    Status.UNRATED: "no pain rating",
}


@dataclass(frozen=True)
class Run:
    """Sessions over the pain limit one after another, with no other session between them."""

    first: date
    last: date
    sessions: int
    ends_period: bool
    """True when the run's last session is the period's last: the period ends while the load is too much."""


@dataclass(frozen=True)
class Outcomes:
    """A period's sessions by status, how many had a worse next morning, and the latest run over the limit."""

    limit: int
    counts: Mapping[Status, int] = field(default_factory=dict)
    worse_mornings: int = 0
    """Sessions whose next morning was worse, over the limit or not (what the 24-hour response chart counts)."""
    latest_over: Run | None = None

    @property
    def sessions(self) -> int:
        """How many sessions the period has."""
        return sum(self.counts.values())


def outcomes(sessions: Iterable[tuple[date, Status, bool]], limit: int) -> Outcomes:
    """The outcomes of sessions given oldest first as (day, status, next morning worse)."""
    listed = list(sessions)
    counts = Counter(state for _, state, _ in listed)
    worse = sum(1 for _, _, got_worse in listed if got_worse)
    over = [i for i, (_, state, _) in enumerate(listed) if state is Status.OVER]
    run = None
    if over:
        last = first = over[-1]
        while first > 0 and listed[first - 1][1] is Status.OVER:
            first -= 1
        run = Run(listed[first][0], listed[last][0], last - first + 1, last == len(listed) - 1)
    return Outcomes(limit, dict(counts), worse, run)


def outcome_lines(o: Outcomes) -> tuple[str, ...]:
    """Page 1's lines: the sessions by outcome, the latest run over the limit, and the worse mornings."""
    c = o.counts
    parts = [
        f"{c.get(Status.TOLERATED, 0)} tolerated",
        f"{c.get(Status.OVER, 0)} over the pain limit of {o.limit}/10",
        f"{c.get(Status.WORSE, 0)} within it but worse the next morning",
        f"{c.get(Status.PENDING, 0)} without a next-morning rating",
    ]
    if c.get(Status.UNRATED):
        parts.append(f"{c[Status.UNRATED]} without a pain rating during")
    lines = [f"Of {counted(o.sessions, 'session')}: {', '.join(parts)}."]
    if (run := o.latest_over) is not None:
        lines.append(run_text(run))
    if o.worse_mornings:
        over_too = o.worse_mornings - c.get(Status.WORSE, 0)
        lines.append(
            f"Next morning 2 or more points worse than before the session: after {counted(o.worse_mornings, 'session')}"
            + (
                f" ({'all' if over_too == o.worse_mornings else over_too} of them also over the limit)."
                if over_too
                else "."
            )
        )
    return tuple(lines)


def run_text(run: Run) -> str:
    """'Latest over the limit: 6 sessions in a row, 5 Oct 2026 to 16 Oct 2026 (the period's last sessions).'"""
    if run.sessions == 1:
        return f"Latest over the limit: 1 session, {day_text(run.first)}" + (
            " (the period's last session)." if run.ends_period else "."
        )
    return f"Latest over the limit: {run.sessions} sessions in a row, {day_text(run.first)} to {day_text(run.last)}" + (
        " (the period's last sessions)." if run.ends_period else "."
    )

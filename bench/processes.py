"""Processes on this machine as /proc shows them: parent, CPU seconds and resident memory, and what runs below a
process (the benchmarks' own measurements of app servers, browsers and the load generator)."""

from __future__ import annotations

import os
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


def stat(pid: int) -> tuple[int, float, int] | None:
    """(parent pid, CPU seconds, resident bytes) of a live process, or None once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return None
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / TICKS, int(fields[21]) * PAGE_SIZE


def descendants(root: int) -> set[int]:
    """Every live process below root."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (found := stat(int(entry.name))) is not None:
            parents[int(entry.name)] = found[0]
    below: set[int] = set()
    frontier = {root}
    while frontier:
        frontier = {pid for pid, parent in parents.items() if parent in frontier} - below
        below |= frontier
    return below


def usage(pids: set[int]) -> tuple[float, int]:
    """CPU seconds and resident bytes, summed over the live processes among pids."""
    found = [s for s in map(stat, pids) if s is not None]
    return sum(s[1] for s in found), sum(s[2] for s in found)

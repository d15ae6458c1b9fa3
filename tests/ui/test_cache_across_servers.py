"""Cached reads on several app servers over one database: a write on one is seen on the others at once."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from db.engine import Database
from services.checkins import record_peg
from services.context import Ctx, data_version, ensure_profile, open_database
from ui.cache import after_write, cached_read
from ui.progress_cache import more_sections
from ui.progress_view import Filters
from ui.suggestion_list import shown_today

TODAY = date.today()
FILTERS = Filters(start=TODAY - timedelta(days=27), end=TODAY)


@pytest.fixture
def servers(db_url: str) -> Iterator[tuple[Ctx, Ctx]]:
    """The same owner as two app servers see them: one database, two engines (no shared connection)."""
    first, second = open_database(db_url), Database(db_url)
    owner = ensure_profile(first)
    yield owner, Ctx(second, owner.owner_id)
    first.dispose()
    second.dispose()


def _peg_sections(ctx: Ctx) -> list[str]:
    return [s.key for s in more_sections(ctx, FILTERS) if s.key == "peg" and s.panels]


def test_a_write_on_one_server_is_seen_on_the_other_without_a_restart(servers):
    here, there = servers
    assert _peg_sections(here) == []

    record_peg(there, {"day": TODAY, "pain": 3, "enjoyment": 3, "activity": 3})
    assert _peg_sections(here) == [], "served from this server's cache until a write says otherwise"
    after_write(there)  # what the other server does after its use case commits

    assert _peg_sections(here) == ["peg"]
    shown_today(here)  # suggestions are keyed on the same version


def test_every_write_gives_the_owner_a_new_version_and_leaves_others_alone(servers):
    here, there = servers
    someone_else = ensure_profile(here.db, "someone-else")
    mine, theirs = data_version(here), data_version(someone_else)
    after_write(there)
    assert data_version(here) not in ("", mine)
    assert data_version(someone_else) == theirs


def test_two_cached_reads_called_alike_keep_their_own_results(servers):
    here, _ = servers

    @cached_read(max_entries=4)
    def sessions_word(ctx: Ctx) -> str:
        return "sessions"

    @cached_read(max_entries=4)
    def checkins_word(ctx: Ctx) -> str:
        return "check-ins"

    assert (sessions_word(here), checkins_word(here)) == ("sessions", "check-ins")

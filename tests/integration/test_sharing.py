"""Share links: only a live, exact token opens exactly its owner's range."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from services.context import ensure_profile
from services.sharing import create_link, list_links, open_link, revoke_link
from tests.factories import NOW
from tracker import sharing
from tracker.errors import NotFoundError, ValidationError
from tracker.sharing import InvalidLink, token_hash

RANGE = {"start": date(2026, 9, 1), "end": date(2026, 11, 1), "regions": ["lower_back"]}


@pytest.fixture
def token(ctx):
    return create_link(ctx, **RANGE, days=30, note="For Dr. Müller", now=NOW)


def test_a_valid_link_opens_exactly_its_range_and_is_logged(db, ctx, token):
    scope = open_link(db, token, now=NOW + timedelta(days=1))
    assert (scope.owner_id, scope.start, scope.end, scope.regions) == (
        ctx.owner_id,
        date(2026, 9, 1),
        date(2026, 11, 1),
        ("lower_back",),
    )
    assert scope.note == "For Dr. Müller"
    assert list_links(ctx)[0].views == (NOW + timedelta(days=1),)


def test_the_token_is_stored_only_as_a_hash(db, ctx, token):
    from sqlalchemy import select

    from db.models import ShareLink

    with db.read() as s:
        stored = s.scalars(select(ShareLink.token_hash)).one()
    assert stored == token_hash(token) and token not in stored
    assert len(token) >= 22  # at least 128 bits in URL-safe base64


@pytest.mark.parametrize(
    "mangle",
    [
        lambda t: t[:-1],
        lambda t: t[:10],
        lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"),
        lambda t: sharing.new_token(),
        lambda t: "",
        lambda t: t + "x",
        lambda t: "' OR 1=1 --",
    ],
    ids=["truncated-1", "truncated-half", "tampered", "random", "empty", "extended", "sql"],
)
def test_wrong_tokens_are_not_valid_and_leave_no_trace(db, ctx, token, mangle):
    with pytest.raises(InvalidLink) as caught:
        open_link(db, mangle(token), now=NOW)
    assert str(caught.value) == sharing.INVALID
    assert list_links(ctx)[0].views == ()


def test_expired_link_is_not_valid(db, ctx, token):
    with pytest.raises(InvalidLink):
        open_link(db, token, now=NOW + timedelta(days=30))


def test_revoked_link_stops_working_at_once(db, ctx, token):
    open_link(db, token, now=NOW)
    revoke_link(ctx, list_links(ctx)[0].id, now=NOW)
    with pytest.raises(InvalidLink):
        open_link(db, token, now=NOW)
    assert list_links(ctx)[0].revoked


def test_another_owner_cannot_revoke_or_list_my_links(db, ctx, token):
    bob = ensure_profile(db, "oidc|bob")
    assert list_links(bob) == []
    with pytest.raises(NotFoundError):
        revoke_link(bob, list_links(ctx)[0].id)


def test_token_check_uses_a_constant_time_comparison(db, ctx, token, monkeypatch):
    calls: list[bytes] = []
    real = sharing.hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        calls.append(a)
        return real(a, b)

    monkeypatch.setattr(sharing.hmac, "compare_digest", spy)
    open_link(db, token, now=NOW)
    assert calls


def test_bad_requests_are_refused_with_reasons(ctx):
    with pytest.raises(ValidationError) as caught:
        create_link(ctx, start=date(2026, 11, 1), end=date(2026, 9, 1), regions=[], days=0, now=NOW)
    assert set(caught.value.errors) == {"end", "regions", "days"}


def test_a_recheck_without_recording_is_still_refused_after_revoking(db, ctx, token):
    open_link(db, token, now=NOW)
    open_link(db, token, now=NOW, record=False)
    assert len(list_links(ctx)[0].views) == 1
    revoke_link(ctx, list_links(ctx)[0].id, now=NOW)
    with pytest.raises(InvalidLink):
        open_link(db, token, now=NOW, record=False)

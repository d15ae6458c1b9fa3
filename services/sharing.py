"""Read-only share links for a doctor: create, list, revoke, open."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import selectinload

from db.engine import Database, retry_busy
from db.models import ShareLink, ShareView
from services.context import Ctx
from tracker.errors import NotFoundError
from tracker.sharing import InvalidLink, check_link_request, expiry, new_token, same_hash, token_hash


@dataclass(frozen=True)
class LinkInfo:
    """A link as its owner sees it in the list (never with its token)."""

    id: int
    start: date
    end: date
    regions: tuple[str, ...]
    note: str
    created_at: datetime
    expires_at: datetime
    revoked: bool
    views: tuple[datetime, ...]


@dataclass(frozen=True)
class SharedScope:
    """What an opened link shows: one owner's data, limited to a range and regions."""

    owner_id: int
    start: date
    end: date
    regions: tuple[str, ...]
    note: str
    expires_at: datetime


@retry_busy
def create_link(
    ctx: Ctx,
    *,
    start: object,
    end: object,
    regions: object,
    days: object = 30,
    note: object = "",
    now: datetime | None = None,
) -> str:
    """Make a link; returns the token, which is shown to the owner once and stored only as a hash."""
    now = now or datetime.now()
    first, last, chosen, valid, text = check_link_request(start, end, regions, days, note, today=now.date())
    token = new_token()
    with ctx.db.write() as s:
        s.add(
            ShareLink(
                owner_id=ctx.owner_id,
                token_hash=token_hash(token),
                start=first,
                end=last,
                regions=",".join(chosen),
                note=text,
                created_at=now,
                expires_at=expiry(now, valid),
            )
        )
    return token


def list_links(ctx: Ctx) -> list[LinkInfo]:
    """The owner's links, newest first, with when each was opened."""
    with ctx.db.read() as s:
        links = s.scalars(
            select(ShareLink)
            .where(ShareLink.owner_id == ctx.owner_id)
            .options(selectinload(ShareLink.views))
            .order_by(ShareLink.created_at.desc(), ShareLink.id.desc())
        )
        return [
            LinkInfo(
                link.id,
                link.start,
                link.end,
                tuple(link.regions.split(",")),
                link.note,
                link.created_at,
                link.expires_at,
                link.revoked_at is not None,
                tuple(v.opened_at for v in link.views),
            )
            for link in links
        ]


@retry_busy
def revoke_link(ctx: Ctx, link_id: int, *, now: datetime | None = None) -> None:
    """Withdraw a link at once; opening it afterwards shows the 'not valid' page."""
    with ctx.db.write() as s:
        link = s.scalars(
            select(ShareLink).where(ShareLink.id == link_id, ShareLink.owner_id == ctx.owner_id)
        ).one_or_none()
        if link is None:
            raise NotFoundError(f"Share link {link_id} was not found.")
        link.revoked_at = link.revoked_at or now or datetime.now()


def _live_link(s: OrmSession, token: str, now: datetime) -> ShareLink:
    link = s.scalars(select(ShareLink).where(ShareLink.token_hash == token_hash(token))).one_or_none()
    if link is None or not same_hash(link.token_hash, token):
        raise InvalidLink()
    if link.revoked_at is not None or link.expires_at <= now:
        raise InvalidLink()
    return link


@retry_busy
def open_link(db: Database, token: str, *, now: datetime | None = None, record: bool = True) -> SharedScope:
    """Check a visitor's token and record the visit (unless `record` is False, for the same visitor's later
    clicks); raise InvalidLink for anything but a live link."""
    now = now or datetime.now()
    if not isinstance(token, str) or not 20 <= len(token) <= 100:
        raise InvalidLink()
    # Checked in a read transaction: guessed or stale tokens never take the write lock (on SQLite, one at a time).
    with db.read() as s:
        link = _live_link(s, token, now)
        scope = SharedScope(
            link.owner_id, link.start, link.end, tuple(link.regions.split(",")), link.note, link.expires_at
        )
    if record:
        with db.write() as s:
            # Checked again inside the write: the owner may have withdrawn the link in between.
            s.add(ShareView(link_id=_live_link(s, token, now).id, opened_at=now))
    return scope

"""Share-link tokens: random, stored only as a hash, compared in constant time."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import date, datetime, timedelta

from tracker import validation as v
from tracker.errors import ValidationError
from tracker.report import check_range

TOKEN_BYTES = 32  # 256 random bits; the issue asks for at least 128
DEFAULT_DAYS = 30
MAX_DAYS = 365
INVALID = "This link is not valid. It may have expired or been withdrawn; ask for a new one."


class InvalidLink(LookupError):
    """Any token that does not open a live link; every case reads the same to the visitor."""

    def __init__(self) -> None:
        super().__init__(INVALID)


def new_token() -> str:
    """A fresh URL-safe token."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    """What is stored instead of the token."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def same_hash(stored: str, token: str) -> bool:
    """Constant-time comparison, so timing does not reveal how much of a token matched."""
    return hmac.compare_digest(stored.encode(), token_hash(token).encode())


def check_link_request(
    start: object, end: object, regions: object, days: object, note: object, *, today: date
) -> tuple[date, date, tuple[str, ...], int, str]:
    """Validate what the owner asks to share; raise ValidationError with every problem."""
    errors = v.Errors()
    first, last, chosen = check_range(errors, start, end, regions, today=today)
    valid = v.number(errors, "days", days, label="Valid for (days)", lo=1, hi=MAX_DAYS, integer=True)
    text = v.text(errors, "note", note, label="Note for the doctor", max_len=v.MAX_NOTES)
    if errors:
        raise ValidationError(errors)
    assert first is not None and last is not None and valid is not None
    return first, last, chosen, int(valid), text


def expiry(now: datetime, days: int) -> datetime:
    """When a link made now stops working."""
    return now + timedelta(days=days)

"""The table of derived Progress data: rebuilt from a person's records, never part of them (services/derived.py)."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, LargeBinary
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base


class DerivedProgress(Base):
    """Work the Progress page would otherwise redo on every read, kept per owner (services/derived.py).

    Not the person's data: it is rebuilt from their records after each write and never backed up, exported or
    restored. Triggers (db/derived_triggers.py) add one to `generation` whenever a record it is made from
    changes, in the same transaction; the payload is used only while `built` still equals `generation`.
    """

    __tablename__ = "derived_progress"
    __table_args__ = {"info": {"derived": True}}  # noqa: RUF012 (SQLAlchemy reads it once, at class creation)
    owner_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"), primary_key=True)
    generation: Mapped[int] = mapped_column(Integer, default=0)
    built: Mapped[int] = mapped_column(Integer, default=-1)
    """The generation the payload was built at; -1 before the first build."""
    payload: Mapped[bytes] = mapped_column(LargeBinary, default=b"")
    """services/derived.py's packed efforts and daily pain."""

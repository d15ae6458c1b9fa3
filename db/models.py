"""Tables. Every top-level row has an owner; child rows belong through their parent."""

from __future__ import annotations

from datetime import date, datetime
from typing import Protocol

from sqlalchemy import Date, DateTime, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, Owned

# Named here so that its table is in Base.metadata wherever the models are loaded (migrations, schema checks).
from db.derived_table import DerivedProgress as DerivedProgress


class ExerciseFields(Protocol):
    """What describes an exercise, whether from the shipped catalogue or from checked user input."""

    @property
    def name(self) -> str: ...
    @property
    def category(self) -> str: ...
    @property
    def equipment(self) -> str: ...
    @property
    def impact(self) -> str: ...
    @property
    def one_sided(self) -> bool: ...
    @property
    def counterpart(self) -> str | None: ...


class Profile(Base):
    """The person who owns data: one implicit profile locally, one per sign-in when hosted."""

    __tablename__ = "profiles"
    id: Mapped[int] = mapped_column(primary_key=True)
    subject: Mapped[str] = mapped_column(String(255), unique=True)
    """Who this is: 'local' for single-user use, else the sign-in provider's subject."""
    display_name: Mapped[str] = mapped_column(String(120), default="")
    unit: Mapped[str] = mapped_column(String(2), default="kg")
    pain_limit: Mapped[int] = mapped_column(Integer, default=5)
    regions: Mapped[str] = mapped_column(String(255), default="lower_back")
    """Tracked body regions, comma separated."""
    rule_settings: Mapped[str] = mapped_column(Text, default="{}")
    """JSON of suggestion thresholds the user changed; missing keys take the defaults."""
    created_at: Mapped[datetime] = mapped_column(DateTime)
    data_version: Mapped[str] = mapped_column(String(32), default="", server_default="")
    """A new random value after each write by this owner; every server keys its cached reads on it."""

    def __repr__(self) -> str:
        return f"Profile(id={self.id}, subject={self.subject!r})"


class Exercise(Owned, Base):
    """An exercise in one owner's list: the shipped catalogue plus their own."""

    __tablename__ = "exercises"
    __table_args__ = (UniqueConstraint("owner_id", "name"),)
    name: Mapped[str] = mapped_column(String(80))
    category: Mapped[str] = mapped_column(String(20))
    equipment: Mapped[str] = mapped_column(String(20), default="none")
    impact: Mapped[str] = mapped_column(String(10), default="low")
    one_sided: Mapped[bool] = mapped_column(default=False)
    counterpart: Mapped[str | None] = mapped_column(String(80))
    builtin: Mapped[bool] = mapped_column(default=False)

    @classmethod
    def describing(cls, owner_id: int, source: ExerciseFields, *, builtin: bool) -> Exercise:
        """A row for the owner from anything that describes an exercise (catalogue entry or checked input)."""
        return cls(
            owner_id=owner_id,
            name=source.name,
            category=source.category,
            equipment=source.equipment,
            impact=source.impact,
            one_sided=source.one_sided,
            counterpart=source.counterpart,
            builtin=builtin,
        )

    def __repr__(self) -> str:
        return f"Exercise(id={self.id}, name={self.name!r})"


class ExerciseSession(Owned, Base):
    """One exercise session. deleted_at set means it is in the bin and can be restored."""

    __tablename__ = "sessions"
    started_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    rpe: Mapped[int | None] = mapped_column(Integer)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime)
    entries: Mapped[list[Entry]] = relationship(
        back_populates="session", cascade="all, delete-orphan", order_by="Entry.position"
    )
    pains: Mapped[list[PainRating]] = relationship(cascade="all, delete-orphan", order_by="PainRating.region")

    def __repr__(self) -> str:
        return f"Session(id={self.id}, started_at={self.started_at!r})"


class Entry(Base):
    """One exercise done within a session: sets for strength, minutes otherwise."""

    __tablename__ = "entries"
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), index=True)
    exercise_id: Mapped[int] = mapped_column(ForeignKey("exercises.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    minutes: Mapped[float | None] = mapped_column(Float)
    distance_km: Mapped[float | None] = mapped_column(Float)
    intensity: Mapped[str | None] = mapped_column(String(20))
    session: Mapped[ExerciseSession] = relationship(back_populates="entries")
    exercise: Mapped[Exercise] = relationship()
    sets: Mapped[list[WorkSet]] = relationship(cascade="all, delete-orphan", order_by="WorkSet.position")


class WorkSet(Base):
    """One set of a strength exercise; weight is stored in kilograms."""

    __tablename__ = "sets"
    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    weight_kg: Mapped[float | None] = mapped_column(Float)
    reps: Mapped[int] = mapped_column(Integer)


class PainRating(Base):
    """Pain (0-10) in one region before, at peak during and after a session."""

    __tablename__ = "pain_ratings"
    __table_args__ = (UniqueConstraint("session_id", "region"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), index=True)
    region: Mapped[str] = mapped_column(String(30))
    before: Mapped[int | None] = mapped_column(Integer)
    during: Mapped[int | None] = mapped_column(Integer)
    after: Mapped[int | None] = mapped_column(Integer)


class Checkin(Owned, Base):
    """Pain on waking, linked to the previous day's session when there was one."""

    __tablename__ = "checkins"
    __table_args__ = (UniqueConstraint("owner_id", "day", "region"),)
    session_id: Mapped[int | None] = mapped_column(ForeignKey("sessions.id", ondelete="SET NULL"), index=True)
    day: Mapped[date] = mapped_column(Date)
    region: Mapped[str] = mapped_column(String(30))
    pain: Mapped[int] = mapped_column(Integer)
    sleep_quality: Mapped[int | None] = mapped_column(Integer)
    """Sleep quality 0-10 that night, when given; the same on every region's row of one morning."""


class PegCheckin(Owned, Base):
    """A weekly PEG-3 (three 0-10 items)."""

    __tablename__ = "peg_checkins"
    __table_args__ = (UniqueConstraint("owner_id", "day"),)
    day: Mapped[date] = mapped_column(Date)
    pain: Mapped[int] = mapped_column(Integer)
    enjoyment: Mapped[int] = mapped_column(Integer)
    activity: Mapped[int] = mapped_column(Integer)


class PressureThreshold(Owned, Base):
    """Pressure pain threshold at a site: three algometer trials in kg/cm2 and their mean."""

    __tablename__ = "pressure_thresholds"
    day: Mapped[date] = mapped_column(Date)
    site: Mapped[str] = mapped_column(String(80))
    trial1: Mapped[float] = mapped_column(Float)
    trial2: Mapped[float] = mapped_column(Float)
    trial3: Mapped[float] = mapped_column(Float)
    mean: Mapped[float] = mapped_column(Float)


class Decision(Owned, Base):
    """What the user did with a suggestion: accepted, dismissed or snoozed."""

    __tablename__ = "decisions"
    key: Mapped[str] = mapped_column(String(200), index=True)
    """Which suggestion: its rule and subject, e.g. 'machine_to_free:Leg press'."""
    fingerprint: Mapped[str] = mapped_column(String(200), default="")
    """The situation it was made in; a changed situation brings a dismissed suggestion back."""
    status: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text, default="")
    decided_at: Mapped[datetime] = mapped_column(DateTime)
    until: Mapped[date | None] = mapped_column(Date)


class ShareLink(Owned, Base):
    """A read-only link for a doctor: a date range and regions, valid until it expires or is revoked."""

    __tablename__ = "share_links"
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    """SHA-256 of the token; the token itself is shown once and never stored."""
    start: Mapped[date] = mapped_column(Date)
    end: Mapped[date] = mapped_column(Date)
    regions: Mapped[str] = mapped_column(String(255))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)
    views: Mapped[list[ShareView]] = relationship(cascade="all, delete-orphan", order_by="ShareView.opened_at")


class ShareView(Base):
    """One opening of a share link, so the owner sees when their doctor looked."""

    __tablename__ = "share_views"
    id: Mapped[int] = mapped_column(primary_key=True)
    link_id: Mapped[int] = mapped_column(ForeignKey("share_links.id", ondelete="CASCADE"), index=True)
    opened_at: Mapped[datetime] = mapped_column(DateTime)


class FunctionGoal(Owned, Base):
    """A Patient-Specific Functional Scale activity: something pain makes hard, in the person's own words."""

    __tablename__ = "function_goals"
    activity: Mapped[str] = mapped_column(String(80))
    created_on: Mapped[date] = mapped_column(Date)
    retired_on: Mapped[date | None] = mapped_column(Date)
    """Set when the person stops rating it; its ratings stay in the history."""
    position: Mapped[int] = mapped_column(Integer, default=0)
    ratings: Mapped[list[PsfsRating]] = relationship(cascade="all, delete-orphan", order_by="PsfsRating.day")

    def __repr__(self) -> str:
        return f"FunctionGoal(id={self.id}, activity={self.activity!r})"


class PsfsRating(Owned, Base):
    """How well one activity can be done on a day: 0 (unable) to 10 (as before the problem)."""

    __tablename__ = "psfs_ratings"
    __table_args__ = (UniqueConstraint("goal_id", "day"),)
    goal_id: Mapped[int] = mapped_column(ForeignKey("function_goals.id", ondelete="CASCADE"), index=True)
    day: Mapped[date] = mapped_column(Date)
    score: Mapped[int] = mapped_column(Integer)


class PgicAnswer(Owned, Base):
    """The Patient Global Impression of Change: 1 (very much improved) to 7 (very much worse)."""

    __tablename__ = "pgic_answers"
    __table_args__ = (UniqueConstraint("owner_id", "day"),)
    day: Mapped[date] = mapped_column(Date)
    score: Mapped[int] = mapped_column(Integer)


class Medication(Owned, Base):
    """A regular medication from its first day to its last (None while still taken)."""

    __tablename__ = "medications"
    name: Mapped[str] = mapped_column(String(80))
    dose: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(20))
    start_day: Mapped[date] = mapped_column(Date)
    end_day: Mapped[date | None] = mapped_column(Date)

    def __repr__(self) -> str:
        return f"Medication(id={self.id}, name={self.name!r}, dose={self.dose!r})"


class AsNeededDose(Owned, Base):
    """One dose of an as-needed medication, with when it was taken."""

    __tablename__ = "as_needed_doses"
    name: Mapped[str] = mapped_column(String(80))
    dose: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(20))
    taken_at: Mapped[datetime] = mapped_column(DateTime, index=True)

"""Typed SQLAlchemy models. Every change here needs an Alembic revision (tests check for drift)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, MetaData, String, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from storage.types import UTCDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime()}


class ProcessedEvent(Base):
    """Events API deliveries already handled, by `event_id` (Slack retries up to 3 times)."""

    __tablename__ = "processed_event"

    event_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    received_at: Mapped[datetime] = mapped_column(index=True)


class OccurrenceRow(Base):
    """One instance of a kind of scheduled work, for one subject, on one local date."""

    __tablename__ = "occurrence"
    __table_args__ = (UniqueConstraint("kind", "subject", "local_date"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    subject: Mapped[str] = mapped_column(String(80))
    local_date: Mapped[date] = mapped_column(Date)
    due_at: Mapped[datetime]
    grace_until: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(16), index=True)
    created_at: Mapped[datetime]


class DeliveryRow(Base):
    """One message of an occurrence to one recipient: pending → claimed → sent (or failed, missed)."""

    __tablename__ = "delivery"
    __table_args__ = (UniqueConstraint("occurrence_id", "recipient"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    occurrence_id: Mapped[int] = mapped_column(ForeignKey("occurrence.id", ondelete="CASCADE"), index=True)
    recipient: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), index=True)
    claim_token: Mapped[str | None] = mapped_column(String(64))
    claimed_at: Mapped[datetime | None]
    channel: Mapped[str | None] = mapped_column(String(32))
    ts: Mapped[str | None] = mapped_column(String(32))
    sent_at: Mapped[datetime | None]
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(String(200))


class DirectChannel(Base):
    """The DM channel Slack returned for a user, so later updates and look-ups need no extra call."""

    __tablename__ = "direct_channel"

    user_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    channel_id: Mapped[str] = mapped_column(String(32))

"""Typed SQLAlchemy models. Every change here needs an Alembic revision (tests check for drift)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, MetaData, String, Text, UniqueConstraint
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
    # Renewed by the live sender; a claim not renewed for CLAIM_LEASE is abandoned.
    claimed_at: Mapped[datetime | None]
    # Set just before the post is attempted: a claim without it was never sent and is simply resent.
    attempted_at: Mapped[datetime | None]
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


class CohortRow(Base):
    """A promotion: its channel, zone, language, holiday calendar and dates."""

    __tablename__ = "cohort"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(40))
    # Names are unique whatever their case or Unicode form: the key is the normalised name.
    name_key: Mapped[str] = mapped_column(String(80), unique=True)
    channel_id: Mapped[str] = mapped_column(String(32))
    timezone: Mapped[str] = mapped_column(String(64))
    lang: Mapped[str] = mapped_column(String(8))
    country: Mapped[str] = mapped_column(String(8))
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    archived_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    # When its zone, dates or holidays last changed (None: never since its creation).
    rescheduled_at: Mapped[datetime | None]


class ChallengeRow(Base):
    """A défi of a cohort, found by its slug."""

    __tablename__ = "challenge"
    __table_args__ = (UniqueConstraint("cohort_id", "slug"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohort.id", ondelete="CASCADE"))
    slug: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(100))


class MembershipRow(Base):
    """One role of one person in one cohort; `challenge_slug` is '' for the whole cohort."""

    __tablename__ = "membership"
    __table_args__ = (UniqueConstraint("cohort_id", "user_id", "role", "challenge_slug"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohort.id", ondelete="CASCADE"))
    user_id: Mapped[str] = mapped_column(String(32), index=True)
    role: Mapped[str] = mapped_column(String(16))
    # '' rather than NULL, so that the unique constraint also holds for whole-cohort roles.
    challenge_slug: Mapped[str] = mapped_column(String(40), default="")
    added_at: Mapped[datetime]


class MemberProfileRow(Base):
    """What Slack says about a person (users.info), cached; `fetched_at` is NULL until first asked."""

    __tablename__ = "member_profile"

    user_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    slack_timezone: Mapped[str | None] = mapped_column(String(64))
    # Set by a roster import; wins over the zone read from Slack.
    timezone_override: Mapped[str | None] = mapped_column(String(64))
    lang: Mapped[str | None] = mapped_column(String(8))
    deactivated: Mapped[bool] = mapped_column(default=False)
    is_bot: Mapped[bool] = mapped_column(default=False)
    fetched_at: Mapped[datetime | None]


class CohortHolidayRow(Base):
    """Days without rituals for one cohort, on top of the country's public holidays."""

    __tablename__ = "cohort_holiday"
    __table_args__ = (UniqueConstraint("cohort_id", "first_day", "last_day"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohort.id", ondelete="CASCADE"))
    first_day: Mapped[date] = mapped_column(Date)
    last_day: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(200), default="")


class AuditEntryRow(Base):
    """Who did what to which cohort, and when; `params` is JSON text, rendered in the reader's language."""

    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohort.id", ondelete="CASCADE"), index=True)
    actor: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(32))
    params: Mapped[str] = mapped_column(Text, default="{}")
    at: Mapped[datetime]

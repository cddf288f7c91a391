"""Tables of the peer-to-peer trainings (revision 0005). Same metadata and conventions as storage.models."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models import Base


class TrainingSessionRow(Base):
    """One session proposed by a fellow; `seats_taken` only moves within the capacity."""

    __tablename__ = "training_session"
    __table_args__ = (CheckConstraint("seats_taken >= 0 AND seats_taken <= capacity", name="seats"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohort.id", ondelete="CASCADE"), index=True)
    facilitator: Mapped[str] = mapped_column(String(32), index=True)
    title: Mapped[str] = mapped_column(String(150))
    description: Mapped[str] = mapped_column(Text)
    starts_at: Mapped[datetime] = mapped_column(index=True)
    duration_minutes: Mapped[int] = mapped_column(Integer)
    capacity: Mapped[int] = mapped_column(Integer)
    location: Mapped[str] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(String(16))
    seats_taken: Mapped[int] = mapped_column(Integer, default=0)
    # The calendar invitation's SEQUENCE: raised whenever what attendees' calendars show changes.
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime]
    announced_at: Mapped[datetime | None]
    announce_channel: Mapped[str | None] = mapped_column(String(32))
    announce_ts: Mapped[str | None] = mapped_column(String(32))


class TrainingSignupRow(Base):
    """One person's place in a session: confirmed, waitlisted (in `queue_no` order) or cancelled."""

    __tablename__ = "training_signup"
    __table_args__ = (UniqueConstraint("session_id", "user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("training_session.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[str] = mapped_column(String(32), index=True)
    status: Mapped[str] = mapped_column(String(16))
    queue_no: Mapped[int] = mapped_column(Integer)
    queued_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class TrainingFeedbackRow(Base):
    """An attendee's rating (1–5) and comment; one per person and session, the latest kept."""

    __tablename__ = "training_feedback"
    __table_args__ = (UniqueConstraint("session_id", "user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("training_session.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[str] = mapped_column(String(32))
    rating: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")
    submitted_at: Mapped[datetime]


class TrainingSettingRow(Base):
    """Per cohort: whether an admin approves each session before it is announced."""

    __tablename__ = "training_setting"

    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohort.id", ondelete="CASCADE"), primary_key=True)
    approval_required: Mapped[bool] = mapped_column(default=False)

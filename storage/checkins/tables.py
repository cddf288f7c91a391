"""Tables of the mentor check-ins and the digests (revision 0006). Same metadata and conventions as storage.models."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models import Base


class CheckinScheduleRow(Base):
    """A cohort's check-in rounds: every `every` weeks on `day` at `time`, from `first_round`."""

    __tablename__ = "checkin_schedule"

    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohort.id", ondelete="CASCADE"), primary_key=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    every: Mapped[int] = mapped_column(Integer)
    day: Mapped[str] = mapped_column(String(3))
    time: Mapped[str] = mapped_column(String(5))
    first_round: Mapped[date] = mapped_column(Date)
    updated_at: Mapped[datetime]


class DigestScheduleRow(Base):
    """A cohort's weekly digests: day, time, and the working days of silence before an isolation alert."""

    __tablename__ = "digest_schedule"

    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohort.id", ondelete="CASCADE"), primary_key=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    day: Mapped[str] = mapped_column(String(3))
    time: Mapped[str] = mapped_column(String(5))
    isolation_days: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime]


class MentorCheckinRow(Base):
    """One mentor's check-in of one round: open, answered or missed (flagged at `missed_at_round`)."""

    __tablename__ = "mentor_checkin"
    __table_args__ = (UniqueConstraint("cohort_id", "round_date", "mentor"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohort.id", ondelete="CASCADE"))
    mentor: Mapped[str] = mapped_column(String(32), index=True)
    round_date: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16))
    rating: Mapped[int | None] = mapped_column(Integer)
    going_well: Mapped[str] = mapped_column(Text, default="")
    blockers: Mapped[str] = mapped_column(Text, default="")
    needs: Mapped[str] = mapped_column(Text, default="")
    answered_at: Mapped[datetime | None]
    missed_at_round: Mapped[date | None] = mapped_column(Date)


class DigestShareRow(Base):
    """What a fellow lets the digests show of their answers: "text" or "figures" (the default)."""

    __tablename__ = "digest_share"

    user_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    share: Mapped[str] = mapped_column(String(8))
    updated_at: Mapped[datetime]

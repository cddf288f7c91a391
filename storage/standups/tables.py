"""Tables of the stand-ups: each cohort's schedule, the fellows' answers and skips, and absences."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models import Base


class StandupScheduleRow(Base):
    """A cohort's stand-up: days, times, reminder, zones, sharing, questions; `active` False once off."""

    __tablename__ = "standup_schedule"

    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohort.id", ondelete="CASCADE"), primary_key=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    days: Mapped[str] = mapped_column(String(40))
    time: Mapped[str] = mapped_column(String(5))
    remind_minutes: Mapped[int | None] = mapped_column(Integer)
    close: Mapped[str | None] = mapped_column(String(5))
    zone_mode: Mapped[str] = mapped_column(String(8))
    share: Mapped[str] = mapped_column(String(8))
    mood: Mapped[bool] = mapped_column(Boolean, default=False)
    # The summary mentions who did not answer; off (the default): their names, no notification.
    mention: Mapped[bool] = mapped_column(Boolean, default=False)
    # JSON list of the questions; NULL for the default ones, shown in the cohort's language.
    questions: Mapped[str | None] = mapped_column(Text)
    blocker_question: Mapped[int | None] = mapped_column(Integer)
    updated_at: Mapped[datetime]


class StandupEntryRow(Base):
    """One fellow's stand-up of one day: answered (JSON list, one answer per question) or skipped."""

    __tablename__ = "standup_entry"
    __table_args__ = (UniqueConstraint("cohort_id", "local_date", "user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohort.id", ondelete="CASCADE"))
    user_id: Mapped[str] = mapped_column(String(32), index=True)
    local_date: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16))
    answers: Mapped[str] = mapped_column(Text, default="[]")
    mood: Mapped[int | None] = mapped_column(Integer)
    late: Mapped[bool] = mapped_column(Boolean, default=False)
    submitted_at: Mapped[datetime]
    # The answer's message in the cohort channel, updated in place when the fellow edits it.
    post_channel: Mapped[str | None] = mapped_column(String(32))
    post_ts: Mapped[str | None] = mapped_column(String(32))


class StandupAbsenceRow(Base):
    """Days a person is away from the stand-ups, in every cohort of theirs."""

    __tablename__ = "standup_absence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[str] = mapped_column(String(32), index=True)
    first_day: Mapped[date] = mapped_column(Date)
    last_day: Mapped[date] = mapped_column(Date)
    set_by: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime]

"""Tables of the pairing (revision 0100). Same metadata and conventions as storage.models."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models import Base


class PairingSettingsRow(Base):
    """A cohort's pairing rounds: every `every` weeks on `day` at `time`, from `first_round`."""

    __tablename__ = "pairing_settings"

    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohort.id", ondelete="CASCADE"), primary_key=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    every: Mapped[int] = mapped_column(Integer)
    day: Mapped[str] = mapped_column(String(3))
    time: Mapped[str] = mapped_column(String(5))
    size: Mapped[int] = mapped_column(Integer)
    who: Mapped[str] = mapped_column(String(16))
    first_round: Mapped[date] = mapped_column(Date)
    updated_at: Mapped[datetime]


class PairingPairRow(Base):
    """One group of a round: its people (user ids, sorted, comma-separated), group DM and answer."""

    __tablename__ = "pairing_pair"
    __table_args__ = (UniqueConstraint("cohort_id", "round_date", "members"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohort.id", ondelete="CASCADE"), index=True)
    round_date: Mapped[date] = mapped_column(Date)
    members: Mapped[str] = mapped_column(String(120))
    channel: Mapped[str | None] = mapped_column(String(32))
    outcome: Mapped[str | None] = mapped_column(String(16))
    answered_by: Mapped[str | None] = mapped_column(String(32))
    answered_at: Mapped[datetime | None]


class PairingPauseRow(Base):
    """A person's pause from every pairing: until a date, with no end, or left (`off`)."""

    __tablename__ = "pairing_pause"

    user_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    until: Mapped[date | None] = mapped_column(Date)
    off: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime]


class PairingNeverRow(Base):
    """Two people of a cohort an admin said are never to be paired (`first` < `second`)."""

    __tablename__ = "pairing_never"

    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohort.id", ondelete="CASCADE"), primary_key=True)
    first: Mapped[str] = mapped_column(String(32), primary_key=True)
    second: Mapped[str] = mapped_column(String(32), primary_key=True)
    created_at: Mapped[datetime]

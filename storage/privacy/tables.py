"""Tables of the privacy feature: each cohort's retention periods and the erasure tombstones."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from storage.models import Base


class RetentionRow(Base):
    """A cohort's retention periods, in months after it ends (no row: the defaults)."""

    __tablename__ = "retention"

    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohort.id", ondelete="CASCADE"), primary_key=True)
    text_months: Mapped[int] = mapped_column(Integer)
    figures_months: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime]


class ErasureRow(Base):
    """An erasure (a tombstone): the hash of the person's Slack id, never the id itself.

    No foreign key on the cohort: the tombstone outlives it.
    """

    __tablename__ = "erasure"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_hash: Mapped[str] = mapped_column(String(64), index=True)
    pseudonym: Mapped[str] = mapped_column(String(16))
    cohort_id: Mapped[int | None] = mapped_column(Integer)
    erased_at: Mapped[datetime]

"""Peer-help tables: skills and who knows them, help requests, offers and routing, per-cohort settings.

Registered on `storage.models.Base` (imported at the end of storage/models.py), so the migrations
and the drift test see them. Every change here needs an Alembic revision.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models import Base


class SkillRow(Base):
    """A skill by its key (case, accents, spaces and punctuation removed), labelled as first typed."""

    __tablename__ = "skill"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    label: Mapped[str] = mapped_column(String(60))


class SkillAliasRow(Base):
    """Another key the program team mapped onto a skill, in every cohort ("visualisation" → dataviz)."""

    __tablename__ = "skill_alias"

    alias_key: Mapped[str] = mapped_column(String(60), primary_key=True)
    skill_key: Mapped[str] = mapped_column(String(60))


class CohortSkillAliasRow(Base):
    """A name a cohort's admin mapped onto a skill for that cohort only; removing it undoes it, since
    what people declared stays under the names they typed."""

    __tablename__ = "cohort_skill_alias"

    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohort.id", ondelete="CASCADE"), primary_key=True)
    alias_key: Mapped[str] = mapped_column(String(60), primary_key=True)
    skill_key: Mapped[str] = mapped_column(String(60))
    added_by: Mapped[str] = mapped_column(String(32))
    added_at: Mapped[datetime]


class MemberSkillRow(Base):
    """A skill someone declared with /skills add."""

    __tablename__ = "member_skill"

    user_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    skill_key: Mapped[str] = mapped_column(String(60), primary_key=True, index=True)
    added_at: Mapped[datetime]


class SkillEvidenceRow(Base):
    """A skill someone showed: credited help on a request needing it, or a training given on it."""

    __tablename__ = "skill_evidence"
    __table_args__ = (UniqueConstraint("user_id", "skill_key", "source", "ref"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[str] = mapped_column(String(32))
    skill_key: Mapped[str] = mapped_column(String(60), index=True)
    source: Mapped[str] = mapped_column(String(16))
    ref: Mapped[str] = mapped_column(String(40))
    at: Mapped[datetime]


class AlumniOptInRow(Base):
    """A fellow of an earlier cohort who agreed to be asked for help (/skills alumni on)."""

    __tablename__ = "alumni_opt_in"

    user_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    since: Mapped[datetime]


class HelpSettingsRow(Base):
    """Per cohort: the channel requests are posted in (NULL: the cohort's) and the re-route delay."""

    __tablename__ = "help_settings"

    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohort.id", ondelete="CASCADE"), primary_key=True)
    channel_id: Mapped[str | None] = mapped_column(String(32))
    reroute_hours: Mapped[int] = mapped_column(Integer, default=24)


class HelpRequestRow(Base):
    """A help request: open → claimed → resolved, or closed; `channel_id`/`ts` locate its one channel message."""

    __tablename__ = "help_request"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohort.id", ondelete="CASCADE"), index=True)
    asker: Mapped[str] = mapped_column(String(32), index=True)
    title: Mapped[str] = mapped_column(String(150))
    details: Mapped[str] = mapped_column(Text, default="")
    origin: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), index=True)
    channel_id: Mapped[str | None] = mapped_column(String(32))
    ts: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime]
    first_offer_at: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]
    ended_by: Mapped[str | None] = mapped_column(String(32))
    thanks: Mapped[str] = mapped_column(Text, default="")


class HelpRequestSkillRow(Base):
    """A skill a request needs, by canonical key."""

    __tablename__ = "help_request_skill"

    request_id: Mapped[int] = mapped_column(
        ForeignKey("help_request.id", ondelete="CASCADE"), primary_key=True
    )
    skill_key: Mapped[str] = mapped_column(String(60), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class HelpOfferRow(Base):
    """One helper's offer on one request: unique, so a double click counts once."""

    __tablename__ = "help_offer"
    __table_args__ = (UniqueConstraint("request_id", "helper"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("help_request.id", ondelete="CASCADE"))
    helper: Mapped[str] = mapped_column(String(32), index=True)
    offered_at: Mapped[datetime]
    credited: Mapped[bool] = mapped_column(default=False)


class HelpRouteRow(Base):
    """Someone a request was sent to by DM when it was asked (re-routes are deliveries of the scheduling core)."""

    __tablename__ = "help_route"
    __table_args__ = (UniqueConstraint("request_id", "user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("help_request.id", ondelete="CASCADE"))
    user_id: Mapped[str] = mapped_column(String(32))
    round: Mapped[int] = mapped_column(Integer, default=1)
    routed_at: Mapped[datetime]

"""What the cohort use cases keep besides cohorts and members, and the ports they work through.

The ports are protocols: storage implements the repositories, the handlers implement the
Slack directory, and the domain tests use in-memory fakes of both.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Protocol

from domain.cohorts.model import Challenge, Cohort, MemberProfile, Membership, NewCohort, Role


class AuditAction(StrEnum):
    CREATE = "create"
    ADD = "add"
    REMOVE = "remove"
    ARCHIVE = "archive"
    HOLIDAY = "holiday"
    IMPORT = "import"
    SETTINGS = "settings"
    EDIT = "edit"
    HOLIDAY_REMOVE = "holiday_remove"
    UNARCHIVE = "unarchive"
    # Reads and erasures traced for the data protection officer: who read or erased what about whom.
    EXPORT = "export"
    READ = "read"
    DIGEST = "digest"
    FORGET = "forget"
    RETENTION = "retention"
    PURGE = "purge"


@dataclass(frozen=True)
class CohortHoliday:
    cohort_id: int
    first: date
    last: date
    reason: str = ""

    def covers(self, day: date) -> bool:
        return self.first <= day <= self.last


@dataclass(frozen=True)
class AuditEntry:
    """One admin action: `params` are plain JSON values, rendered in the reader's language."""

    cohort_id: int
    actor: str
    action: AuditAction
    at: datetime
    params: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class ChannelInfo:
    id: str
    name: str
    is_private: bool
    is_member: bool
    is_archived: bool = False


@dataclass(frozen=True)
class Actor:
    """Who asks, when, and who the program admins are (COHORTBOT_ADMINS)."""

    user_id: str
    now: datetime
    program_admins: frozenset[str] = frozenset()


class Directory(Protocol):
    """Slack, as the use cases see it."""

    def user(self, user_id: str) -> MemberProfile | None: ...

    def channel(self, channel_id: str) -> ChannelInfo | None: ...

    def join(self, channel_id: str) -> bool: ...

    def is_member(self, channel_id: str, user_id: str) -> bool:
        """Whether the person is in the channel; False when Slack will not say (a private channel
        the bot is not in)."""


class CohortRepository(Protocol):
    def all(self) -> list[Cohort]: ...

    def by_name(self, name: str) -> Cohort | None: ...

    def get(self, cohort_id: int) -> Cohort:
        """The cohort with this id; the caller holds an id the database gave (a membership, a request)."""

    def add(self, new: NewCohort, channel_id: str, now: datetime) -> Cohort: ...

    def archive(self, cohort_id: int, now: datetime) -> Cohort: ...

    def update(self, cohort: Cohort, rescheduled_at: datetime | None) -> Cohort:
        """Saves the cohort's name, channel, zone, language, country, dates and archive state;
        `rescheduled_at` (when given) is when its rituals' occurrences were last moved."""

    def challenges(self, cohort_id: int) -> list[Challenge]: ...

    def add_challenge(self, cohort_id: int, slug: str, name: str) -> Challenge: ...

    def rename_challenge(self, challenge_id: int, name: str) -> Challenge: ...

    def holidays(self, cohort_id: int) -> list[CohortHoliday]: ...

    def holidays_of(self, cohort_ids: Iterable[int]) -> dict[int, list[CohortHoliday]]:
        """The days off of several cohorts at once, by cohort (those with none left out)."""

    def add_holiday(self, holiday: CohortHoliday) -> bool: ...

    def remove_holiday(self, holiday: CohortHoliday) -> None: ...


class MembershipRepository(Protocol):
    def of_cohort(self, cohort_id: int) -> list[Membership]: ...

    def of_user(self, user_id: str) -> list[Membership]: ...

    def role_counts(self) -> dict[int, dict[Role, int]]: ...

    def add_many(self, memberships: Iterable[Membership], now: datetime) -> None: ...

    def remove_many(self, memberships: Iterable[Membership]) -> None: ...


class ProfileRepository(Protocol):
    def get_many(self, user_ids: Iterable[str]) -> dict[str, MemberProfile]: ...

    def save(self, profile: MemberProfile) -> MemberProfile: ...

    def save_many(self, profiles: Iterable[MemberProfile]) -> None: ...

    def update_known(self, profile: MemberProfile) -> bool: ...

    def set_timezones(self, timezones: Mapping[str, str]) -> None: ...

    def timezone_overrides(self, user_ids: Iterable[str]) -> dict[str, str]: ...


class AuditLog(Protocol):
    def record(self, entry: AuditEntry) -> None: ...

    def recent(self, cohort_id: int, limit: int) -> list[AuditEntry]: ...

    def all_of(self, cohort_id: int) -> list[AuditEntry]: ...


class CohortStore(Protocol):
    """The repositories of one unit of work."""

    cohorts: CohortRepository
    members: MembershipRepository
    profiles: ProfileRepository
    audit: AuditLog

"""The ports of the privacy use cases: what storage keeps about people, and the tombstones."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from domain.cohorts.model import Role
from domain.privacy.retention import Retention

# A person's rows, by table: each row as column → a JSON value.
PersonalRows = dict[str, list[dict[str, object]]]


@dataclass(frozen=True)
class PostedMessage:
    """A message the bot posted in Slack that shows text a person wrote."""

    channel: str
    ts: str


@dataclass(frozen=True)
class Erased:
    """What one erasure changed: rows by table, and the Slack messages to blank."""

    rows: Mapping[str, int] = field(default_factory=dict)
    messages: tuple[PostedMessage, ...] = ()

    @property
    def total(self) -> int:
        return sum(self.rows.values())


@dataclass(frozen=True)
class Tombstone:
    """An erasure, kept so that restoring an older backup and starting the bot applies it again.

    It holds a hash of the Slack id, never the id itself, and the pseudonym the figures carry.
    """

    user_hash: str
    pseudonym: str
    cohort_id: int | None
    erased_at: datetime


class PersonalDataRepository(Protocol):
    def export(self, user_id: str) -> PersonalRows:
        """Every row the person owns, in every table a feature declared."""

    def erase(self, user_id: str, pseudonym: str, cohort_id: int | None) -> Erased:
        """Their text emptied, their id replaced by `pseudonym` (or their rows deleted); one cohort or all."""

    def people(self) -> set[str]:
        """Every id that owns a row somewhere."""

    def purge_text(self, cohort_id: int) -> dict[str, int]:
        """The cohort's free text emptied: rows changed, by table."""

    def forget_outsiders(self, keep: Collection[str] = ()) -> dict[str, int]:
        """Rows about people in no cohort any more (profiles, settings) but those in `keep`, deleted: by table."""

    def record_tombstone(self, tombstone: Tombstone) -> None: ...

    def tombstones(self) -> list[Tombstone]: ...

    def retention(self, cohort_id: int) -> Retention: ...

    def set_retention(self, cohort_id: int, retention: Retention, now: datetime) -> None: ...

    def delete_cohort(self, cohort_id: int) -> dict[str, int]:
        """The cohort and everything of it deleted (its figures and audit at the end of their period)."""


@dataclass(frozen=True)
class Arrival:
    """Someone in a cohort since `since` (their first membership there), with each role they hold."""

    cohort_id: int
    user_id: str
    since: datetime
    roles: tuple[tuple[Role, str | None], ...]  # (role, challenge slug or None)

    def with_role(self, role: Role, slug: str | None) -> Arrival:
        return Arrival(self.cohort_id, self.user_id, self.since, (*self.roles, (role, slug)))


@dataclass(frozen=True)
class Departure:
    cohort_id: int
    user_id: str
    at: datetime


def arrival_subject(cohort_id: int, user_id: str) -> str:
    """The key of a person's welcome (and farewell) in a cohort: one of each, ever."""
    return f"{cohort_id}:{user_id}"


class ArrivalLog(Protocol):
    def to_welcome(self, since: datetime, kind: str) -> list[Arrival]:
        """People added since `since` who have no `kind` occurrence in that cohort yet."""

    def left_since(self, since: datetime) -> list[Departure]: ...


class TombstoneArchive(Protocol):
    """Tombstones kept outside the database, so that they outlive a restored backup."""

    def append(self, tombstone: Tombstone) -> None: ...

    def read(self) -> list[Tombstone]: ...


class PrivacyStore(Protocol):
    personal: PersonalDataRepository
    arrivals: ArrivalLog

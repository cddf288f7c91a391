"""What peer help keeps (requests, offers, settings) and the repositories it works through.

The repositories are protocols: storage implements them (storage/peer_help/).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from domain.cohorts.model import Cohort
from domain.cohorts.records import CohortStore
from domain.ledger import DeliveryLookup
from domain.peer_help.skills import Skill

DEFAULT_REROUTE_HOURS = 24


class HelpStatus(StrEnum):
    OPEN = "open"  # nobody offered yet
    CLAIMED = "claimed"  # one or several helpers offered
    RESOLVED = "resolved"
    CLOSED = "closed"  # no longer needed, or replaced by a new request


ACTIVE = (HelpStatus.OPEN, HelpStatus.CLAIMED)


@dataclass(frozen=True)
class NewHelpRequest:
    cohort_id: int
    asker: str
    title: str
    details: str
    skills: tuple[str, ...]  # canonical skill keys
    origin: str
    created_at: datetime


@dataclass(frozen=True)
class HelpRequest:
    id: int
    cohort_id: int
    asker: str
    title: str
    details: str
    skills: tuple[str, ...]
    status: HelpStatus
    created_at: datetime
    origin: str = "ask"
    channel_id: str | None = None
    ts: str | None = None
    first_offer_at: datetime | None = None
    ended_at: datetime | None = None
    ended_by: str | None = None
    thanks: str = ""

    @property
    def active(self) -> bool:
        return self.status in ACTIVE


@dataclass(frozen=True)
class Offer:
    request_id: int
    helper: str
    offered_at: datetime
    credited: bool = False


@dataclass(frozen=True)
class HelpSettings:
    """Per cohort: where requests are posted (None: the cohort's channel), and the re-route delay."""

    cohort_id: int
    channel_id: str | None = None
    reroute_hours: int = DEFAULT_REROUTE_HOURS

    def channel(self, cohort: Cohort) -> str:
        return self.channel_id or cohort.channel_id


@dataclass(frozen=True)
class SkillAlias:
    """`alias_key` counts as `skill_key`: in every cohort (`cohort_id` None, the program team's), or
    in one cohort (its admins')."""

    alias_key: str
    skill_key: str
    cohort_id: int | None = None


class HelpRepository(Protocol):
    def add(self, new: NewHelpRequest) -> HelpRequest: ...

    def get(self, request_id: int) -> HelpRequest | None: ...

    def set_message(self, request_id: int, channel_id: str, ts: str) -> None: ...

    def offers(self, request_id: int) -> list[Offer]: ...

    def add_offer(self, request_id: int, helper: str, now: datetime) -> bool: ...

    def mark_claimed(self, request_id: int, now: datetime) -> None: ...

    def end(self, request_id: int, status: HelpStatus, by: str, now: datetime, thanks: str = "") -> bool: ...

    def credit(self, request_id: int, helpers: Iterable[str]) -> None: ...

    def route(self, request_id: int, user_ids: Iterable[str], round_: int, now: datetime) -> None: ...

    def routed(self, request_id: int) -> set[str]: ...

    def open_threads(self, user_ids: Iterable[str]) -> dict[str, int]: ...

    def active_since(self, since: datetime) -> list[HelpRequest]: ...

    def of_cohort(self, cohort_id: int) -> list[HelpRequest]: ...

    def offers_of_cohort(self, cohort_id: int) -> list[Offer]: ...

    def involving(self, user_id: str) -> tuple[list[HelpRequest], list[Offer]]: ...

    def settings(self, cohort_id: int) -> HelpSettings: ...

    def save_settings(self, settings: HelpSettings) -> None: ...


class SkillRepository(Protocol):
    def known(self) -> dict[str, str]: ...

    def labels(self, keys: Iterable[str]) -> dict[str, str]: ...

    def ensure(self, skills: Iterable[Skill]) -> None: ...

    def alias_rows(self, cohort_ids: Iterable[int] | None = None) -> list[SkillAlias]:
        """The program's aliases and those of the cohorts given (None: of every cohort)."""

    def add_alias(self, alias: SkillAlias, by: str, now: datetime) -> None: ...

    def remove_alias(self, alias_key: str, cohort_id: int | None) -> bool: ...

    def declared_by(self, user_id: str) -> list[str]: ...

    def declare(self, user_id: str, keys: Iterable[str], now: datetime) -> list[str]: ...

    def undeclare(self, user_id: str, keys: Iterable[str]) -> list[str]: ...

    def holders(self, keys: Iterable[str]) -> dict[str, set[str]]: ...

    def evidence(self, keys: Iterable[str]) -> list[tuple[str, str, str]]: ...

    def evidence_of(self, user_id: str) -> list[tuple[str, str]]: ...

    def add_evidence(self, user_id: str, keys: Iterable[str], source: str, ref: str, at: datetime) -> int: ...

    def set_alumni(self, user_id: str, on: bool, now: datetime) -> None: ...

    def alumni(self) -> set[str]: ...


class HelpStore(CohortStore, Protocol):
    """The repositories of one unit of work that peer help reads and writes."""

    help: HelpRepository
    skills: SkillRepository
    schedule: DeliveryLookup

"""The ports the stand-up use cases work through: storage implements them, domain tests fake them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from domain.cohorts.model import Cohort
from domain.cohorts.records import CohortStore
from domain.scheduling import DeliveryStatus, OccurrenceStatus
from domain.standups.model import Absence, StandupEntry, StandupSettings


@dataclass(frozen=True)
class PromptSent:
    """One prompt delivery of a stand-up day, as the scheduling core recorded it."""

    user_id: str
    subject: str
    status: DeliveryStatus
    sent_at: datetime | None = None
    channel: str | None = None
    ts: str | None = None


class StandupRepository(Protocol):
    def settings(self, cohort_id: int) -> StandupSettings | None: ...

    def save_settings(self, settings: StandupSettings) -> None: ...

    def running(self) -> list[tuple[Cohort, StandupSettings]]: ...

    def fellow_zones(self, cohort_ids: Iterable[int]) -> dict[int, set[str | None]]: ...

    def entry(self, cohort_id: int, user_id: str, day: date) -> StandupEntry | None: ...

    def entries(self, cohort_id: int, day: date) -> list[StandupEntry]: ...

    def entries_of(self, user_id: str, first: date, last: date) -> list[StandupEntry]: ...

    def entries_of_cohort(self, cohort_id: int) -> list[StandupEntry]: ...

    def save_entry(self, entry: StandupEntry) -> None: ...

    def set_post(self, cohort_id: int, user_id: str, day: date, channel: str, ts: str) -> None: ...

    def absences_of(self, user_ids: Iterable[str]) -> list[Absence]: ...

    def add_absence(self, absence: Absence, now: datetime) -> None: ...

    def end_absences(self, user_id: str, today: date) -> int: ...


class StandupRunRepository(Protocol):
    """What the scheduling core recorded of the stand-ups: occurrences and their deliveries."""

    def known(
        self, kinds: Iterable[str], subjects: Iterable[str], days: Iterable[date]
    ) -> dict[tuple[str, str, date], OccurrenceStatus]: ...

    def prompts(self, cohort_id: int, day: date) -> list[PromptSent]: ...

    def post_of(self, kind: str, subject: str, day: date) -> tuple[str, str] | None: ...

    def prompted_days(self, user_id: str, first: date, last: date) -> set[tuple[int, date]]: ...


class StandupStore(CohortStore, Protocol):
    standups: StandupRepository
    standup_runs: StandupRunRepository

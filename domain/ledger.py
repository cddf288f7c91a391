"""The send-once ledger as the use cases and the jobs see it: storage implements these ports.

Planners only look occurrences up (`ScheduleLookup`, and `DeliveryLookup` for who was sent
one); the delivery loop claims, settles and reconciles them (`ScheduleRepository`); the event
listener remembers which Events API deliveries it has already handled (`EventLog`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Protocol

from domain.scheduling import Delivery, DeliveryStatus, Occurrence, OccurrenceStatus, PlannedOccurrence


class ScheduleLookup(Protocol):
    def known(self, kind: str, dates: Iterable[date]) -> dict[tuple[str, date], Occurrence]:
        """Occurrences of `kind` already recorded on these local dates, by (subject, date)."""


class DeliveryLookup(ScheduleLookup, Protocol):
    def deliveries(self, occurrence_id: int, status: DeliveryStatus | None = None) -> list[Delivery]: ...


class ScheduleRepository(DeliveryLookup, Protocol):
    # Occurrences -----------------------------------------------------------------------

    def record(self, planned: PlannedOccurrence, status: OccurrenceStatus, now: datetime) -> Occurrence:
        """The occurrence for `planned`, created with its deliveries if it is new (race-safe)."""

    def finish_if_complete(self, occurrence_id: int) -> bool: ...

    def open_past_grace(self, now: datetime) -> list[Occurrence]: ...

    def occurrence(self, occurrence_id: int) -> Occurrence: ...

    # Deliveries ------------------------------------------------------------------------

    def claim(self, delivery_id: int, token: str, now: datetime, channel: str | None = None) -> bool:
        """Atomically takes a pending delivery for this process; False if another one has it."""

    def claim_many(
        self, delivery_ids: list[int], token: str, now: datetime, channel: str | None = None
    ) -> list[int]: ...

    def attempt(self, delivery_ids: list[int], token: str, now: datetime) -> list[int]: ...

    def renew(self, token: str, now: datetime) -> int: ...

    def release_unattempted(self, token: str) -> int: ...

    def mark_sent(self, delivery_id: int, token: str, channel: str, ts: str, now: datetime) -> bool: ...

    def mark_failed(self, delivery_id: int, token: str, error: str) -> bool: ...

    def mark_missed(self, delivery_id: int, token: str) -> bool: ...

    def release(self, delivery_id: int, token: str, error: str) -> bool: ...

    def release_abandoned(self, delivery_id: int, token: str | None, claimed_before: datetime) -> bool: ...

    def stale_claims(self, claimed_before: datetime) -> list[Delivery]: ...

    def retake(
        self, delivery_id: int, stale_token: str | None, token: str, now: datetime, claimed_before: datetime
    ) -> bool: ...

    def pending_count(self, occurrence_id: int) -> int: ...

    def counts(self, occurrence_id: int) -> dict[str, int]: ...

    # Direct-message channels -----------------------------------------------------------

    def direct_channel(self, user_id: str) -> str | None: ...

    def remember_direct_channel(self, user_id: str, channel_id: str) -> None: ...


class EventLog(Protocol):
    def first_time(self, event_id: str, now: datetime) -> bool:
        """Records the event; True only for the first delivery of that `event_id`."""

    def forget_before(self, instant: datetime) -> int: ...

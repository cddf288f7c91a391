"""What the use cases need from the outside world, as protocols the composition root fills in."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from domain.checkins.records import CheckinStore
from domain.cohorts.records import CohortStore
from domain.digests.data import DigestStore
from domain.ledger import EventLog, ScheduleRepository
from domain.pairing.records import PairingStore
from domain.peer_help.records import HelpStore
from domain.privacy.records import PrivacyStore
from domain.standups.records import StandupStore
from domain.trainings.records import TrainingStore


class Clock(Protocol):
    def now(self) -> datetime: ...


class UnitOfWork(
    StandupStore,
    HelpStore,
    TrainingStore,
    DigestStore,
    CheckinStore,
    PairingStore,
    CohortStore,
    PrivacyStore,
    Protocol,
):
    """One database session: every feature's repositories, `commit()` to keep what was done."""

    schedule: ScheduleRepository
    events: EventLog

    def __enter__(self) -> UnitOfWork: ...

    def __exit__(self, *exc: object) -> None: ...

    def commit(self) -> None: ...

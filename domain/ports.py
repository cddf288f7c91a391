"""What the use cases need from the outside world, as protocols the composition root fills in."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from domain.checkins.records import CheckinStore
from domain.cohorts.records import CohortStore
from domain.digests.data import DigestStore
from domain.ledger import EventLog, ScheduleRepository
from domain.peer_help.records import HelpStore
from domain.standups.records import StandupStore
from domain.trainings.records import TrainingStore


class Clock(Protocol):
    def now(self) -> datetime: ...


class UnitOfWork(StandupStore, HelpStore, TrainingStore, DigestStore, CheckinStore, CohortStore, Protocol):
    """One database session: every feature's repositories, `commit()` to keep what was done."""

    schedule: ScheduleRepository
    events: EventLog

    def __enter__(self) -> UnitOfWork: ...

    def __exit__(self, *exc: object) -> None: ...

    def commit(self) -> None: ...


@dataclass
class Context:
    """Everything a listener or a job may use; built once by the composition root."""

    clock: Clock
    uow: Callable[[], UnitOfWork]
    slack: Any
    holidays: Any = None
    admins: frozenset[str] = frozenset()
    default_lang: str = "fr"
    log: logging.Logger = field(default_factory=lambda: logging.getLogger("cohortbot"))
    # Paces the scheduled posts under Slack's limits (schedules.pacing.Pacer); None: no pacing.
    pacer: Any = None

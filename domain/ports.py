"""What the use cases need from the outside world, as protocols the composition root fills in."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol


class Clock(Protocol):
    def now(self) -> datetime: ...


class UnitOfWork(Protocol):
    """One database session: repositories as attributes, `commit()` to keep what was done."""

    schedule: Any
    events: Any
    cohorts: Any
    members: Any
    profiles: Any
    audit: Any

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

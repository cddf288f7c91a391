"""Rules of the scheduling core: when an occurrence is due, and when it is too late.

An occurrence is one instance of a ritual for one subject (a cohort, a member, a training
session) on one local date. Each recipient of it gets one delivery. The database keeps both,
so that every message is sent once whatever happens to the processes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import Generic, Protocol, TypeVar

# A live sender renews its claims every CLAIM_RENEWAL; a claim not renewed for CLAIM_LEASE was
# abandoned (its process died or lost the database). One never attempted is simply sent again;
# one attempted is first looked for in its conversation. The lease outlasts a post's longest
# wait for Slack's answer, so a post still in flight is never taken for abandoned.
CLAIM_LEASE = timedelta(seconds=30)
CLAIM_RENEWAL = timedelta(seconds=10)

# A report's count of deliveries still pending at the end of the tick (Slack refused them with 429s).
WAITING = "waiting"

# What the planner of a kind hands its renderer: one frozen dataclass per kind.
P = TypeVar("P")
T = TypeVar("T")


class Timing(StrEnum):
    EARLY = "early"
    DUE = "due"
    LATE = "late"


class DeliveryStatus(StrEnum):
    PENDING = "pending"
    CLAIMED = "claimed"
    SENT = "sent"
    FAILED = "failed"
    MISSED = "missed"


class OccurrenceStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    MISSED = "missed"


@dataclass(frozen=True)
class PlannedOccurrence(Generic[P]):
    """What a kind of scheduled work says is due: recipients and when, nothing stored yet.

    `payload` carries what its messages need; only the rest is stored.
    """

    kind: str
    subject: str
    local_date: date
    due_at: datetime
    grace_until: datetime
    recipients: tuple[str, ...]
    payload: P = field(compare=False)
    cohort_id: int | None = field(default=None, compare=False)  # whose admins hear of a failure

    def timing(self, now: datetime) -> Timing:
        return timing(self.due_at, self.grace_until, now)


@dataclass(frozen=True)
class Occurrence:
    id: int
    kind: str
    subject: str
    local_date: date
    due_at: datetime
    grace_until: datetime
    status: OccurrenceStatus


@dataclass(frozen=True)
class Delivery:
    id: int
    occurrence_id: int
    recipient: str
    status: DeliveryStatus
    claimed_at: datetime | None = None
    channel: str | None = None
    ts: str | None = None
    claim_token: str | None = None
    attempted_at: datetime | None = None


@dataclass
class Report:
    """What one kind of work did in one tick; printed as one line by `cohortbot tick`."""

    kind: str
    counts: dict[str, int] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)

    def add(self, what: str, amount: int = 1) -> None:
        self.counts[what] = self.counts.get(what, 0) + amount

    def fail(self, failure: Failure) -> None:
        self.failures.append(failure)

    def __getitem__(self, what: str) -> int:
        return self.counts.get(what, 0)

    @property
    def waiting(self) -> int:
        """Deliveries Slack's limits held back past this tick's retries: the next tick sends them."""
        return sum(amount for what, amount in self.counts.items() if what.split()[-1] == WAITING)

    def line(self) -> str:
        done = ", ".join(f"{amount} {what}" for what, amount in self.counts.items() if amount)
        line = f"{self.kind}: {done or 'nothing to do'}"
        if self.failures:
            line += "; failed: " + ", ".join(failure.label() for failure in self.failures)
        return line


@dataclass(frozen=True)
class Failure:
    """Scheduled work that could not be done, named by ids only (never by what people wrote).

    `cohort_id` None: work no single cohort owns (a whole job, a planning step).
    """

    kind: str
    cohort_id: int | None = None
    subject: str | None = None
    local_date: date | None = None
    error: str = ""  # the exception's type

    def label(self) -> str:
        where = f"cohort {self.cohort_id}" if self.cohort_id is not None else "all cohorts"
        what = " ".join(str(part) for part in (self.kind, self.subject, self.local_date) if part)
        return f"{what} ({where}, {self.error})"


def timing(due_at: datetime, grace_until: datetime, now: datetime) -> Timing:
    if now < due_at:
        return Timing.EARLY
    if now <= grace_until:
        return Timing.DUE
    return Timing.LATE


def as_utc(instant: datetime) -> datetime:
    if instant.tzinfo is None:
        raise ValueError("an aware datetime is required")
    return instant.astimezone(UTC)


class CohortGuard(Protocol):
    """Runs one cohort's share of planning: its result, or None when it failed (the guard records
    the failure), so that one cohort's bad data leaves the others planned."""

    def __call__(self, cohort_id: int, kind: str, work: Callable[[], T]) -> T | None: ...


def unguarded(cohort_id: int, kind: str, work: Callable[[], T]) -> T | None:
    return work()

"""The port the training use cases work through; storage implements it, the domain tests fake it."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Protocol

from domain.cohorts.records import CohortStore
from domain.trainings.model import Feedback, Proposal, SessionStatus, Signup, SignupStatus, TrainingSession


class TrainingRepository(Protocol):
    # Sessions ----------------------------------------------------------------------------

    def add(
        self, cohort_id: int, facilitator: str, proposal: Proposal, status: SessionStatus, now: datetime
    ) -> TrainingSession: ...

    def get(self, session_id: int, *, lock: bool = False) -> TrainingSession | None:
        """`lock`: no other transaction changes the session (or its sign-ups) until this one ends."""

    def revise(self, session_id: int, proposal: Proposal, sequence: int) -> TrainingSession: ...

    def set_status(self, session_id: int, status: SessionStatus, now: datetime) -> TrainingSession: ...

    def set_announcement(self, session_id: int, channel: str, ts: str) -> None: ...

    def upcoming(self, cohort_ids: Iterable[int], now: datetime, limit: int) -> list[TrainingSession]: ...

    def involving(self, user_id: str, ends_after: datetime) -> list[TrainingSession]: ...

    def announced_between(self, first: datetime, last: datetime) -> list[TrainingSession]: ...

    def of_cohort(self, cohort_id: int) -> list[TrainingSession]: ...

    # Seats and sign-ups ------------------------------------------------------------------

    def take_seat(self, session_id: int) -> bool:
        """One more seat taken, only while one is left; False when the session is full."""

    def release_seat(self, session_id: int) -> bool: ...

    def signups(self, session_ids: Iterable[int]) -> list[Signup]: ...

    def join(self, session_id: int, user_id: str, status: SignupStatus, now: datetime) -> Signup:
        """A new sign-up at the end of the queue (or a cancelled one taken up again)."""

    def set_signup_status(
        self, session_id: int, user_id: str, status: SignupStatus, now: datetime
    ) -> None: ...

    def signups_of_user(self, user_id: str, session_ids: Iterable[int]) -> dict[int, Signup]: ...

    # Feedback and settings ---------------------------------------------------------------

    def save_feedback(self, feedback: Feedback) -> bool:
        """True for a first answer; a second one from the same person replaces the first."""

    def feedback(self, session_ids: Iterable[int]) -> list[Feedback]: ...

    def feedback_by(self, user_id: str) -> list[Feedback]:
        """Everything this person (or the pseudonym an erasure gave them) said about sessions."""

    def approval_required(self, cohort_id: int) -> bool: ...

    def set_approval(self, cohort_id: int, required: bool) -> None: ...


class TrainingStore(CohortStore, Protocol):
    """The repositories of one unit of work that the training use cases use."""

    trainings: TrainingRepository

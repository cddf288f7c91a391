"""An in-memory training repository and a store with a running cohort, for the training use cases."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from domain.cohorts.model import Membership, NewCohort, Role
from domain.cohorts.records import Actor
from domain.trainings import records
from domain.trainings.model import Feedback, Proposal, SessionStatus, Signup, SignupStatus, TrainingSession
from tests.domain.fakes import Store

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # Monday 09:00 in Paris
ADMINS = frozenset({"UPROG"})


class Trainings(records.TrainingRepository):
    def __init__(self) -> None:
        self.sessions: dict[int, TrainingSession] = {}
        self.rows: list[Signup] = []
        self.answers: list[Feedback] = []
        self.approval: dict[int, bool] = {}
        self.locked: list[int] = []

    def add(
        self, cohort_id: int, facilitator: str, proposal: Proposal, status: SessionStatus, now: datetime
    ) -> TrainingSession:
        session = TrainingSession(
            len(self.sessions) + 1,
            cohort_id,
            facilitator,
            proposal.title,
            proposal.description,
            proposal.starts_at,
            proposal.duration_minutes,
            proposal.capacity,
            proposal.location,
            status,
            created_at=now,
            announced_at=now if status is SessionStatus.ANNOUNCED else None,
        )
        self.sessions[session.id] = session
        return session

    def get(self, session_id: int, *, lock: bool = False) -> TrainingSession | None:
        if lock:
            self.locked.append(session_id)
        return self.sessions.get(session_id)

    def _set(self, session_id: int, **changes: Any) -> TrainingSession:
        self.sessions[session_id] = dataclasses.replace(self.sessions[session_id], **changes)
        return self.sessions[session_id]

    def revise(self, session_id: int, proposal: Proposal, sequence: int) -> TrainingSession:
        return self._set(session_id, sequence=sequence, **dataclasses.asdict(proposal))

    def set_status(self, session_id: int, status: SessionStatus, now: datetime) -> TrainingSession:
        changes: dict[str, Any] = {"status": status}
        if status is SessionStatus.ANNOUNCED:
            changes["announced_at"] = now
        if status is SessionStatus.CANCELLED:
            changes["sequence"] = self.sessions[session_id].sequence + 1
        return self._set(session_id, **changes)

    def set_announcement(self, session_id: int, channel: str, ts: str) -> None:
        self._set(session_id, announce_channel=channel, announce_ts=ts)

    def _sorted(self, sessions: Iterable[TrainingSession]) -> list[TrainingSession]:
        return sorted(sessions, key=lambda s: (s.starts_at, s.id))

    def upcoming(self, cohort_ids: Iterable[int], now: datetime, limit: int) -> list[TrainingSession]:
        ids = set(cohort_ids)
        return self._sorted(
            s
            for s in self.sessions.values()
            if s.cohort_id in ids and s.status is SessionStatus.ANNOUNCED and s.starts_at > now
        )[:limit]

    def involving(self, user_id: str, ends_after: datetime) -> list[TrainingSession]:
        mine = {
            r.session_id for r in self.rows if r.user_id == user_id and r.status is not SignupStatus.CANCELLED
        }
        return self._sorted(
            s
            for s in self.sessions.values()
            if (s.facilitator == user_id or s.id in mine)
            and s.ends_at > ends_after
            and s.status in (SessionStatus.PENDING, SessionStatus.ANNOUNCED)
        )

    def announced_between(self, first: datetime, last: datetime) -> list[TrainingSession]:
        return self._sorted(
            s
            for s in self.sessions.values()
            if s.status is SessionStatus.ANNOUNCED and first <= s.starts_at <= last
        )

    def of_cohort(self, cohort_id: int) -> list[TrainingSession]:
        return self._sorted(s for s in self.sessions.values() if s.cohort_id == cohort_id)

    def take_seat(self, session_id: int) -> bool:
        session = self.sessions[session_id]
        if session.seats_taken >= session.capacity:
            return False
        self._set(session_id, seats_taken=session.seats_taken + 1)
        return True

    def release_seat(self, session_id: int) -> bool:
        session = self.sessions[session_id]
        if session.seats_taken <= 0:
            return False
        self._set(session_id, seats_taken=session.seats_taken - 1)
        return True

    def signups(self, session_ids: Iterable[int]) -> list[Signup]:
        ids = set(session_ids)
        return sorted((r for r in self.rows if r.session_id in ids), key=lambda r: (r.session_id, r.queue_no))

    def join(self, session_id: int, user_id: str, status: SignupStatus, now: datetime) -> Signup:
        queue_no = max((r.queue_no for r in self.rows if r.session_id == session_id), default=0) + 1
        self.rows = [r for r in self.rows if (r.session_id, r.user_id) != (session_id, user_id)]
        signup = Signup(session_id, user_id, status, queue_no, now)
        self.rows.append(signup)
        return signup

    def set_signup_status(self, session_id: int, user_id: str, status: SignupStatus, now: datetime) -> None:
        self.rows = [
            dataclasses.replace(r, status=status) if (r.session_id, r.user_id) == (session_id, user_id) else r
            for r in self.rows
        ]

    def signups_of_user(self, user_id: str, session_ids: Iterable[int]) -> dict[int, Signup]:
        ids = set(session_ids)
        return {r.session_id: r for r in self.rows if r.user_id == user_id and r.session_id in ids}

    def save_feedback(self, feedback: Feedback) -> bool:
        known = [
            f for f in self.answers if (f.session_id, f.user_id) == (feedback.session_id, feedback.user_id)
        ]
        self.answers = [f for f in self.answers if f not in known] + [feedback]
        return not known

    def feedback(self, session_ids: Iterable[int]) -> list[Feedback]:
        ids = set(session_ids)
        return sorted((f for f in self.answers if f.session_id in ids), key=lambda f: f.submitted_at)

    def feedback_by(self, user_id: str) -> list[Feedback]:
        return sorted((f for f in self.answers if f.user_id == user_id), key=lambda f: f.session_id)

    def approval_required(self, cohort_id: int) -> bool:
        return self.approval.get(cohort_id, False)

    def set_approval(self, cohort_id: int, required: bool) -> None:
        self.approval[cohort_id] = required


class TrainingStoreFake(Store, records.TrainingStore):
    """Cohort 1 `eig7` (Paris) with fellows UANA…UDAVID, a mentor and a cohort admin."""

    def __init__(self) -> None:
        super().__init__()
        self.trainings: Trainings = Trainings()
        self.cohort = self.cohorts.add(
            NewCohort("eig7", "Europe/Paris", "fr", "FR", date(2026, 1, 5), None), "C100", NOW
        )
        fellows = [Membership(self.cohort.id, u, Role.FELLOW) for u in ("UANA", "UBEN", "UCHLOE", "UDAVID")]
        others = [
            Membership(self.cohort.id, "UMENTOR", Role.MENTOR),
            Membership(self.cohort.id, "UCOADMIN", Role.ADMIN),
        ]
        self.members.add_many(fellows + others, NOW)


def actor(user_id: str, now: datetime = NOW) -> Actor:
    return Actor(user_id, now, ADMINS)


def a_proposal(starts_in: timedelta = timedelta(days=3), capacity: int = 2, **changes: Any) -> Proposal:
    fields = {
        "title": "Pandas pour débuter",
        "description": "Lire et grouper des données.",
        "starts_at": NOW + starts_in,
        "duration_minutes": 60,
        "capacity": capacity,
        "location": "Salle 4.12",
    }
    return Proposal(**{**fields, **changes})

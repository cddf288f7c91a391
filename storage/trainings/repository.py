"""Training sessions, sign-ups, feedback and the approval setting, as domain dataclasses."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from domain.trainings.model import (
    DURATION_MAX,
    Feedback,
    Proposal,
    SessionStatus,
    Signup,
    SignupStatus,
    TrainingSession,
)
from storage.db import rows_changed
from storage.trainings.tables import (
    TrainingFeedbackRow,
    TrainingSessionRow,
    TrainingSettingRow,
    TrainingSignupRow,
)
from storage.upsert import insert_ignore

# Bound parameters per statement stay well under SQLite's and PostgreSQL's limits.
CHUNK = 500
_FRESH = {"populate_existing": True}
_NO_SYNC = {"synchronize_session": False}


def _session(row: TrainingSessionRow) -> TrainingSession:
    return TrainingSession(
        id=row.id,
        cohort_id=row.cohort_id,
        facilitator=row.facilitator,
        title=row.title,
        description=row.description,
        starts_at=row.starts_at,
        duration_minutes=row.duration_minutes,
        capacity=row.capacity,
        location=row.location,
        status=SessionStatus(row.status),
        seats_taken=row.seats_taken,
        sequence=row.sequence,
        created_at=row.created_at,
        announced_at=row.announced_at,
        announce_channel=row.announce_channel,
        announce_ts=row.announce_ts,
    )


def _signup(row: TrainingSignupRow) -> Signup:
    return Signup(row.session_id, row.user_id, SignupStatus(row.status), row.queue_no, row.queued_at)


def _feedback(row: TrainingFeedbackRow) -> Feedback:
    return Feedback(row.session_id, row.user_id, row.rating, row.comment, row.submitted_at)


def _chunks(ids: Iterable[int]) -> list[list[int]]:
    unique = list(dict.fromkeys(ids))
    return [unique[start : start + CHUNK] for start in range(0, len(unique), CHUNK)]


def _proposal_values(proposal: Proposal) -> dict:
    return {
        "title": proposal.title,
        "description": proposal.description,
        "starts_at": proposal.starts_at,
        "duration_minutes": proposal.duration_minutes,
        "capacity": proposal.capacity,
        "location": proposal.location,
    }


class TrainingRepository:
    def __init__(self, session: Session):
        self.session = session

    # Sessions ----------------------------------------------------------------------------

    def add(
        self, cohort_id: int, facilitator: str, proposal: Proposal, status: SessionStatus, now: datetime
    ) -> TrainingSession:
        row = TrainingSessionRow(
            cohort_id=cohort_id,
            facilitator=facilitator,
            status=status.value,
            seats_taken=0,
            sequence=0,
            created_at=now,
            announced_at=now if status is SessionStatus.ANNOUNCED else None,
            **_proposal_values(proposal),
        )
        self.session.add(row)
        self.session.flush()
        return _session(row)

    def get(self, session_id: int, *, lock: bool = False) -> TrainingSession | None:
        query = (
            select(TrainingSessionRow).where(TrainingSessionRow.id == session_id).execution_options(**_FRESH)
        )
        if lock:
            # PostgreSQL: FOR UPDATE. SQLite ignores it; there BEGIN IMMEDIATE already serialises writers.
            query = query.with_for_update()
        row = self.session.scalar(query)
        return _session(row) if row is not None else None

    def _change(self, session_id: int, **values) -> TrainingSession:
        self.session.execute(
            update(TrainingSessionRow)
            .where(TrainingSessionRow.id == session_id)
            .values(**values)
            .execution_options(**_NO_SYNC)
        )
        changed = self.get(session_id)
        assert changed is not None
        return changed

    def revise(self, session_id: int, proposal: Proposal, sequence: int) -> TrainingSession:
        return self._change(session_id, sequence=sequence, **_proposal_values(proposal))

    def set_status(self, session_id: int, status: SessionStatus, now: datetime) -> TrainingSession:
        values: dict = {"status": status.value}
        if status is SessionStatus.ANNOUNCED:
            values["announced_at"] = now
        if status is SessionStatus.CANCELLED:
            # A cancellation is a new version of the calendar event.
            values["sequence"] = TrainingSessionRow.sequence + 1
        return self._change(session_id, **values)

    def set_announcement(self, session_id: int, channel: str, ts: str) -> None:
        self._change(session_id, announce_channel=channel, announce_ts=ts)

    def _sessions(self, *conditions, limit: int | None = None) -> list[TrainingSession]:
        query = (
            select(TrainingSessionRow)
            .where(*conditions)
            .order_by(TrainingSessionRow.starts_at, TrainingSessionRow.id)
            .execution_options(**_FRESH)
        )
        if limit is not None:
            query = query.limit(limit)
        return [_session(row) for row in self.session.scalars(query)]

    def upcoming(self, cohort_ids: Iterable[int], now: datetime, limit: int) -> list[TrainingSession]:
        return self._sessions(
            TrainingSessionRow.cohort_id.in_(list(cohort_ids)),
            TrainingSessionRow.status == SessionStatus.ANNOUNCED.value,
            TrainingSessionRow.starts_at > now,
            limit=limit,
        )

    def involving(self, user_id: str, ends_after: datetime) -> list[TrainingSession]:
        signed_up = select(TrainingSignupRow.session_id).where(
            TrainingSignupRow.user_id == user_id, TrainingSignupRow.status != SignupStatus.CANCELLED.value
        )
        sessions = self._sessions(
            or_(TrainingSessionRow.facilitator == user_id, TrainingSessionRow.id.in_(signed_up)),
            TrainingSessionRow.status.in_([SessionStatus.PENDING.value, SessionStatus.ANNOUNCED.value]),
            TrainingSessionRow.starts_at > ends_after - timedelta(minutes=DURATION_MAX),
        )
        return [s for s in sessions if s.ends_at > ends_after]

    def announced_between(self, first: datetime, last: datetime) -> list[TrainingSession]:
        return self._sessions(
            TrainingSessionRow.status == SessionStatus.ANNOUNCED.value,
            TrainingSessionRow.starts_at >= first,
            TrainingSessionRow.starts_at <= last,
        )

    def of_cohort(self, cohort_id: int) -> list[TrainingSession]:
        return self._sessions(TrainingSessionRow.cohort_id == cohort_id)

    # Seats and sign-ups ------------------------------------------------------------------

    def take_seat(self, session_id: int) -> bool:
        changed = rows_changed(
            self.session,
            update(TrainingSessionRow)
            .where(
                TrainingSessionRow.id == session_id,
                TrainingSessionRow.seats_taken < TrainingSessionRow.capacity,
            )
            .values(seats_taken=TrainingSessionRow.seats_taken + 1)
            .execution_options(**_NO_SYNC),
        )
        return changed == 1

    def release_seat(self, session_id: int) -> bool:
        changed = rows_changed(
            self.session,
            update(TrainingSessionRow)
            .where(TrainingSessionRow.id == session_id, TrainingSessionRow.seats_taken > 0)
            .values(seats_taken=TrainingSessionRow.seats_taken - 1)
            .execution_options(**_NO_SYNC),
        )
        return changed == 1

    def _select_in(
        self,
        model: type[TrainingSignupRow | TrainingFeedbackRow],
        ids: Iterable[int],
        *conditions: ColumnElement[bool],
        order: tuple[InstrumentedAttribute, ...] = (),
    ) -> list[Any]:
        """The rows of `model` whose session is one of `ids`, a chunk of ids per statement."""
        found: list[Any] = []
        for chunk in _chunks(ids):
            found.extend(
                self.session.scalars(
                    select(model)
                    .where(model.session_id.in_(chunk), *conditions)
                    .order_by(*order)
                    .execution_options(**_FRESH)
                )
            )
        return found

    def signups(self, session_ids: Iterable[int]) -> list[Signup]:
        order = (TrainingSignupRow.session_id, TrainingSignupRow.queue_no)
        return [_signup(row) for row in self._select_in(TrainingSignupRow, session_ids, order=order)]

    def join(self, session_id: int, user_id: str, status: SignupStatus, now: datetime) -> Signup:
        last = self.session.scalar(
            select(func.max(TrainingSignupRow.queue_no)).where(TrainingSignupRow.session_id == session_id)
        )
        values = {"status": status.value, "queue_no": (last or 0) + 1, "queued_at": now, "updated_at": now}
        key = {"session_id": session_id, "user_id": user_id}
        if not insert_ignore(self.session, TrainingSignupRow, [{**key, **values}], list(key)):
            self.session.execute(
                update(TrainingSignupRow)
                .where(TrainingSignupRow.session_id == session_id, TrainingSignupRow.user_id == user_id)
                .values(**values)
                .execution_options(**_NO_SYNC)
            )
        return self.signups_of_user(user_id, [session_id])[session_id]

    def set_signup_status(self, session_id: int, user_id: str, status: SignupStatus, now: datetime) -> None:
        self.session.execute(
            update(TrainingSignupRow)
            .where(TrainingSignupRow.session_id == session_id, TrainingSignupRow.user_id == user_id)
            .values(status=status.value, updated_at=now)
            .execution_options(**_NO_SYNC)
        )

    def signups_of_user(self, user_id: str, session_ids: Iterable[int]) -> dict[int, Signup]:
        rows = self._select_in(TrainingSignupRow, session_ids, TrainingSignupRow.user_id == user_id)
        return {row.session_id: _signup(row) for row in rows}

    # Feedback and settings ---------------------------------------------------------------

    def save_feedback(self, feedback: Feedback) -> bool:
        key = {"session_id": feedback.session_id, "user_id": feedback.user_id}
        values = {
            "rating": feedback.rating,
            "comment": feedback.comment,
            "submitted_at": feedback.submitted_at,
        }
        if insert_ignore(self.session, TrainingFeedbackRow, [{**key, **values}], list(key)):
            return True
        self.session.execute(
            update(TrainingFeedbackRow)
            .where(
                TrainingFeedbackRow.session_id == feedback.session_id,
                TrainingFeedbackRow.user_id == feedback.user_id,
            )
            .values(**values)
            .execution_options(**_NO_SYNC)
        )
        return False

    def feedback(self, session_ids: Iterable[int]) -> list[Feedback]:
        order = (TrainingFeedbackRow.submitted_at, TrainingFeedbackRow.id)
        return [_feedback(row) for row in self._select_in(TrainingFeedbackRow, session_ids, order=order)]

    def feedback_by(self, user_id: str) -> list[Feedback]:
        rows = self.session.scalars(
            select(TrainingFeedbackRow)
            .where(TrainingFeedbackRow.user_id == user_id)
            .order_by(TrainingFeedbackRow.session_id)
        )
        return [_feedback(row) for row in rows]

    def approval_required(self, cohort_id: int) -> bool:
        value = self.session.scalar(
            select(TrainingSettingRow.approval_required).where(TrainingSettingRow.cohort_id == cohort_id)
        )
        return bool(value)

    def set_approval(self, cohort_id: int, required: bool) -> None:
        row = {"cohort_id": cohort_id, "approval_required": required}
        if not insert_ignore(self.session, TrainingSettingRow, [row], ["cohort_id"]):
            self.session.execute(
                update(TrainingSettingRow)
                .where(TrainingSettingRow.cohort_id == cohort_id)
                .values(approval_required=required)
                .execution_options(**_NO_SYNC)
            )

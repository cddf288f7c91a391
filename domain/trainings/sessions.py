"""Training sessions: proposed, approved or rejected, changed, cancelled, and listed.

Each use case checks who asks first, raises DomainError for a mistake with nothing changed, and
leaves the commit to the caller. Changes take the session's lock, as sign-ups do.
"""

from __future__ import annotations

from dataclasses import dataclass

from domain.cohorts.model import Cohort
from domain.cohorts.permissions import can_manage, require_manage
from domain.cohorts.records import Actor
from domain.messages import N_, DomainError
from domain.trainings.access import (
    SessionView,
    active_cohort,
    approvers,
    can_run,
    my_cohorts,
    require_run,
    session_or_error,
    session_view,
)
from domain.trainings.model import (
    CAPACITY_BELOW_CONFIRMED,
    Proposal,
    SessionStatus,
    SignupStatus,
    TrainingSession,
)
from domain.trainings.records import TrainingStore
from domain.trainings.seats import Seat, Standing, seat_of
from domain.trainings.signups import promote_waitlisted

ALREADY_ANNOUNCED = N_("This session has already been approved and announced.")
ALREADY_REJECTED = N_("This session has already been turned down.")
SESSION_CANCELLED = N_("This session has been cancelled.")
ALREADY_STARTED = N_("This session has already started: it can no longer be changed.")
TOO_LATE_TO_APPROVE = N_("The start of this session has passed: it can no longer be announced.")
PICK_A_COHORT = N_("Pick the cohort the session is for.")

_CLOSED = {
    SessionStatus.ANNOUNCED: ALREADY_ANNOUNCED,
    SessionStatus.REJECTED: ALREADY_REJECTED,
    SessionStatus.CANCELLED: SESSION_CANCELLED,
}


@dataclass(frozen=True)
class Proposed:
    view: SessionView
    approvers: tuple[str, ...] = ()  # empty when the session was announced at once


@dataclass(frozen=True)
class Revised:
    view: SessionView
    rescheduled: bool  # what attendees' calendars show changed
    promoted: tuple[str, ...] = ()


@dataclass(frozen=True)
class ListedSession:
    session: TrainingSession
    cohort: Cohort
    seat: Seat
    can_run: bool = False

    @property
    def my_status(self) -> SignupStatus | None:
        return self.seat.signup_status

    @property
    def position(self) -> int | None:
        return self.seat.position

    @property
    def facilitating(self) -> bool:
        return self.seat.standing is Standing.FACILITATING


def propose(store: TrainingStore, actor: Actor, cohort_id: int, proposal: Proposal) -> Proposed:
    cohort = active_cohort(store, actor, cohort_id)
    mine = store.members.of_user(actor.user_id)
    needs_approval = store.trainings.approval_required(cohort.id) and not can_manage(
        actor.user_id, cohort.id, actor.program_admins, mine
    )
    status = SessionStatus.PENDING if needs_approval else SessionStatus.ANNOUNCED
    session = store.trainings.add(cohort.id, actor.user_id, proposal, status, actor.now)
    deciders = approvers(store, cohort, actor.program_admins) if needs_approval else ()
    return Proposed(SessionView(session, cohort), deciders)


def decide(store: TrainingStore, actor: Actor, session_id: int, approve: bool) -> SessionView:
    """An admin's answer to a session waiting for approval."""
    session = session_or_error(store, session_id, lock=True)
    require_manage(
        actor.user_id, session.cohort_id, actor.program_admins, store.members.of_user(actor.user_id)
    )
    if session.status is not SessionStatus.PENDING:
        raise DomainError(_CLOSED[session.status])
    if approve and session.has_started(actor.now):
        raise DomainError(TOO_LATE_TO_APPROVE)
    status = SessionStatus.ANNOUNCED if approve else SessionStatus.REJECTED
    return session_view(store, store.trainings.set_status(session.id, status, actor.now))


def _changeable(store: TrainingStore, actor: Actor, session_id: int) -> TrainingSession:
    session = session_or_error(store, session_id, lock=True)
    require_run(store, actor, session)
    if session.status in (SessionStatus.REJECTED, SessionStatus.CANCELLED):
        raise DomainError(_CLOSED[session.status])
    if session.has_started(actor.now):
        raise DomainError(ALREADY_STARTED)
    return session


def editable(store: TrainingStore, actor: Actor, session_id: int) -> SessionView:
    """The session as it is, for the change form; DomainError when it can no longer be changed."""
    return session_view(store, _changeable(store, actor, session_id))


def _rescheduled(session: TrainingSession, proposal: Proposal) -> bool:
    before = (
        session.title,
        session.description,
        session.starts_at,
        session.duration_minutes,
        session.location,
    )
    after = (
        proposal.title,
        proposal.description,
        proposal.starts_at,
        proposal.duration_minutes,
        proposal.location,
    )
    return before != after


def revise(store: TrainingStore, actor: Actor, session_id: int, proposal: Proposal) -> Revised:
    session = _changeable(store, actor, session_id)
    if proposal.capacity < session.seats_taken:
        raise DomainError(CAPACITY_BELOW_CONFIRMED, count=session.seats_taken)
    rescheduled = _rescheduled(session, proposal)
    revised = store.trainings.revise(session.id, proposal, session.sequence + (1 if rescheduled else 0))
    promoted = (
        promote_waitlisted(store, revised, actor.now) if revised.status is SessionStatus.ANNOUNCED else ()
    )
    return Revised(session_view(store, session_or_error(store, session.id)), rescheduled, promoted)


def cancel_session(store: TrainingStore, actor: Actor, session_id: int) -> SessionView:
    """The session is called off: everyone signed up is to be told, their calendars updated."""
    session = _changeable(store, actor, session_id)
    cancelled = store.trainings.set_status(session.id, SessionStatus.CANCELLED, actor.now)
    return session_view(store, cancelled)


def _listed(store: TrainingStore, actor: Actor, sessions: list[TrainingSession]) -> list[ListedSession]:
    cohorts = {c.id: c for c in store.cohorts.all()}
    signups = store.trainings.signups([s.id for s in sessions])
    return [
        ListedSession(
            session,
            cohorts[session.cohort_id],
            seat_of(session, actor.user_id, signups, actor.now),
            can_run(store, actor, session),
        )
        for session in sessions
    ]


def upcoming_sessions(store: TrainingStore, actor: Actor, limit: int) -> list[ListedSession]:
    """Announced sessions still open for sign-up in the actor's cohorts, soonest first."""
    cohort_ids = [c.id for c in my_cohorts(store, actor)]
    return _listed(store, actor, store.trainings.upcoming(cohort_ids, actor.now, limit))


def my_sessions(store: TrainingStore, actor: Actor) -> list[ListedSession]:
    """Sessions not yet over that the actor facilitates or is signed up to (waitlist included)."""
    sessions = store.trainings.involving(actor.user_id, actor.now)
    listed = _listed(store, actor, sessions)
    return [item for item in listed if item.facilitating or item.my_status is not None]


def proposal_target(
    store: TrainingStore, actor: Actor, offered: list[int], picked: int | None, session_id: int | None
) -> tuple[Cohort, TrainingSession | None]:
    """The cohort a submitted form is for, and the session it changes (None for a new one)."""
    if session_id is not None:
        view = editable(store, actor, session_id)
        return view.cohort, view.session
    if len(offered) == 1:
        return active_cohort(store, actor, offered[0]), None
    if picked is None or picked not in offered:
        raise DomainError(PICK_A_COHORT)
    return active_cohort(store, actor, picked), None

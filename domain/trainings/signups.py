"""Sign-ups: seats first come, first served, then a waitlist; a seat given up goes to the next in line.

Every use case here starts by locking the session, so that two people (or two clicks, or two
processes) changing its seats are served one after the other; the seat counter itself only
moves within the capacity, which the database checks too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from domain.cohorts.records import Actor
from domain.messages import N_, DomainError
from domain.trainings.access import SessionView, cohort_by_id, require_member, session_or_error, session_view
from domain.trainings.model import SessionStatus, SignupStatus, TrainingSession, waitlist_position
from domain.trainings.records import TrainingStore

SIGNUPS_CLOSED = N_("Sign-ups for this session are closed: it has started.")
NOT_OPEN = N_("This session is not open for sign-up.")
OWN_SESSION = N_("You facilitate this session: you cannot sign up to it.")
NOT_SIGNED_UP = N_("You are not signed up to this session.")
OWN_SESSION_CANCEL = N_("You facilitate this session: to call it off, use /training mine.")


class Outcome(StrEnum):
    CONFIRMED = "confirmed"
    WAITLISTED = "waitlisted"
    ALREADY_CONFIRMED = "already_confirmed"
    ALREADY_WAITLISTED = "already_waitlisted"


@dataclass(frozen=True)
class SignupResult:
    view: SessionView
    outcome: Outcome
    position: int | None = None  # on the waitlist, 1 for the first in line

    @property
    def changed(self) -> bool:
        return self.outcome in (Outcome.CONFIRMED, Outcome.WAITLISTED)


@dataclass(frozen=True)
class Withdrawal:
    view: SessionView
    had_seat: bool
    promoted: tuple[str, ...] = ()


def _open_session(store: TrainingStore, actor: Actor, session_id: int) -> TrainingSession:
    session = session_or_error(store, session_id, lock=True)
    require_member(store, actor, cohort_by_id(store, session.cohort_id))
    if session.status is not SessionStatus.ANNOUNCED:
        raise DomainError(NOT_OPEN)
    if session.has_started(actor.now):
        raise DomainError(SIGNUPS_CLOSED)
    return session


def sign_up(store: TrainingStore, actor: Actor, session_id: int) -> SignupResult:
    session = _open_session(store, actor, session_id)
    if actor.user_id == session.facilitator:
        raise DomainError(OWN_SESSION)
    signups = store.trainings.signups([session.id])
    current = next((s for s in signups if s.user_id == actor.user_id), None)
    if current is not None and current.status is SignupStatus.CONFIRMED:
        return SignupResult(session_view(store, session), Outcome.ALREADY_CONFIRMED)
    if current is not None and current.status is SignupStatus.WAITLISTED:
        position = waitlist_position(signups, actor.user_id)
        return SignupResult(session_view(store, session), Outcome.ALREADY_WAITLISTED, position)
    seated = store.trainings.take_seat(session.id)
    status = SignupStatus.CONFIRMED if seated else SignupStatus.WAITLISTED
    store.trainings.join(session.id, actor.user_id, status, actor.now)
    view = session_view(store, session_or_error(store, session.id))
    if seated:
        return SignupResult(view, Outcome.CONFIRMED)
    return SignupResult(view, Outcome.WAITLISTED, view.waitlisted.index(actor.user_id) + 1)


def withdraw(store: TrainingStore, actor: Actor, session_id: int) -> Withdrawal:
    """The actor gives up their seat (or their place in line); the first in line gets the seat."""
    session = _open_session(store, actor, session_id)
    current = store.trainings.signups_of_user(actor.user_id, [session.id]).get(session.id)
    if current is None or current.status is SignupStatus.CANCELLED:
        raise DomainError(OWN_SESSION_CANCEL if actor.user_id == session.facilitator else NOT_SIGNED_UP)
    store.trainings.set_signup_status(session.id, actor.user_id, SignupStatus.CANCELLED, actor.now)
    had_seat = current.status is SignupStatus.CONFIRMED
    promoted: tuple[str, ...] = ()
    if had_seat:
        store.trainings.release_seat(session.id)
        promoted = promote_waitlisted(store, session_or_error(store, session.id), actor.now)
    return Withdrawal(session_view(store, session_or_error(store, session.id)), had_seat, promoted)


def promote_waitlisted(store: TrainingStore, session: TrainingSession, now: datetime) -> tuple[str, ...]:
    """Seats left go to the waitlist, in order; the caller holds the session's lock."""
    waiting = sorted(
        (s for s in store.trainings.signups([session.id]) if s.status is SignupStatus.WAITLISTED),
        key=lambda s: s.queue_no,
    )
    promoted = []
    for signup in waiting:
        if not store.trainings.take_seat(session.id):
            break
        store.trainings.set_signup_status(session.id, signup.user_id, SignupStatus.CONFIRMED, now)
        promoted.append(signup.user_id)
    return tuple(promoted)

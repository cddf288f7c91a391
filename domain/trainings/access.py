"""Who may do what with a training session, and what a session looks like with its people."""

from __future__ import annotations

from dataclasses import dataclass

from domain.cohorts.model import Cohort, Role
from domain.cohorts.permissions import NotAllowed, can_manage, can_view_cohort
from domain.cohorts.records import Actor
from domain.cohorts.rules import require_active
from domain.messages import N_, DomainError
from domain.trainings.model import Signup, SignupStatus, TrainingSession
from domain.trainings.records import TrainingStore

UNKNOWN_SESSION = N_("This training session no longer exists.")
NOT_IN_COHORT = N_("Only the members of this cohort and the program team can do that.")
NOT_FACILITATOR = N_("Only the facilitator of this session or an admin of the cohort can change it.")
NO_COHORT = N_("You are not a member of any active cohort yet: ask the program team to add you.")


@dataclass(frozen=True)
class SessionView:
    """A session with its cohort and its people, in queue order: what the messages about it show."""

    session: TrainingSession
    cohort: Cohort
    confirmed: tuple[str, ...] = ()
    waitlisted: tuple[str, ...] = ()


def cohort_by_id(store: TrainingStore, cohort_id: int) -> Cohort:
    for cohort in store.cohorts.all():
        if cohort.id == cohort_id:
            return cohort
    raise DomainError(UNKNOWN_SESSION)


def session_or_error(store: TrainingStore, session_id: int, *, lock: bool = False) -> TrainingSession:
    session = store.trainings.get(session_id, lock=lock)
    if session is None:
        raise DomainError(UNKNOWN_SESSION)
    return session


def is_member(store: TrainingStore, actor: Actor, cohort: Cohort) -> bool:
    return can_view_cohort(
        actor.user_id, cohort.id, actor.program_admins, store.members.of_user(actor.user_id)
    )


def require_member(store: TrainingStore, actor: Actor, cohort: Cohort) -> None:
    if not is_member(store, actor, cohort):
        raise NotAllowed(NOT_IN_COHORT)


def can_run(store: TrainingStore, actor: Actor, session: TrainingSession) -> bool:
    """The facilitator (while still in the cohort) and the cohort's managers may change or cancel a session."""
    if actor.user_id == session.facilitator and is_member(
        store, actor, cohort_by_id(store, session.cohort_id)
    ):
        return True
    return can_manage(
        actor.user_id, session.cohort_id, actor.program_admins, store.members.of_user(actor.user_id)
    )


def require_run(store: TrainingStore, actor: Actor, session: TrainingSession) -> None:
    if not can_run(store, actor, session):
        raise NotAllowed(NOT_FACILITATOR)


def my_cohorts(store: TrainingStore, actor: Actor) -> list[Cohort]:
    """The active cohorts the actor belongs to; every active cohort for the program team."""
    cohorts = [c for c in store.cohorts.all() if not c.archived]
    if actor.user_id in actor.program_admins:
        return cohorts
    mine = {m.cohort_id for m in store.members.of_user(actor.user_id)}
    return [c for c in cohorts if c.id in mine]


def proposal_cohorts(store: TrainingStore, actor: Actor, channel_id: str | None) -> list[Cohort]:
    """Where the actor may propose: the cohort of the channel they typed in, else all of theirs."""
    mine = my_cohorts(store, actor)
    if not mine:
        raise DomainError(NO_COHORT)
    here = [c for c in mine if c.channel_id == channel_id]
    return here or mine


def active_cohort(store: TrainingStore, actor: Actor, cohort_id: int) -> Cohort:
    cohort = require_active(cohort_by_id(store, cohort_id))
    require_member(store, actor, cohort)
    return cohort


def approvers(store: TrainingStore, cohort: Cohort, program_admins: frozenset[str]) -> tuple[str, ...]:
    """The cohort's admins decide; a cohort without admins leaves it to the program team."""
    admins = [m.user_id for m in store.members.of_cohort(cohort.id) if m.role is Role.ADMIN]
    return tuple(dict.fromkeys(admins)) or tuple(sorted(program_admins))


def people(signups: list[Signup], status: SignupStatus) -> tuple[str, ...]:
    return tuple(s.user_id for s in sorted(signups, key=lambda s: s.queue_no) if s.status is status)


def session_view(store: TrainingStore, session: TrainingSession) -> SessionView:
    signups = store.trainings.signups([session.id])
    return SessionView(
        session,
        cohort_by_id(store, session.cohort_id),
        people(signups, SignupStatus.CONFIRMED),
        people(signups, SignupStatus.WAITLISTED),
    )


def session_cohort(store: TrainingStore, session_id: int | None) -> Cohort | None:
    """The cohort of a session; None when there is no such session."""
    session = store.trainings.get(session_id) if session_id is not None else None
    return cohort_by_id(store, session.cohort_id) if session is not None else None

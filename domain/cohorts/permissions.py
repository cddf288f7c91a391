"""Who may do and see what.

Program admins (COHORTBOT_ADMINS) manage every cohort; a cohort's admins manage theirs.
Fellows see their own cohort; mentors see the fellows of their challenges, or the whole
cohort when they mentor it without a challenge; admins see their cohorts.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from domain.cohorts.model import Cohort, Membership, Role
from domain.cohorts.records import Actor, CohortStore
from domain.messages import N_, DomainError

NOT_MANAGER = N_("Only the program team or this cohort's admins can do that.")
NOT_PROGRAM_ADMIN = N_("Only the program team can do that.")
NOT_MEMBER = N_("Only the program team and the members of this cohort can see it.")


class NotAllowed(DomainError):
    """The person may not do this: said plainly, without a usage line, and nothing changes."""


# In a viewer's scopes, a cohort they see whole rather than challenge by challenge.
_WHOLE = None


def is_program_admin(user_id: str, program_admins: Collection[str]) -> bool:
    return user_id in program_admins


def require_program_admin(user_id: str, program_admins: Collection[str]) -> None:
    if user_id not in program_admins:
        raise NotAllowed(NOT_PROGRAM_ADMIN)


def can_manage(
    user_id: str, cohort_id: int, program_admins: Collection[str], memberships: Iterable[Membership]
) -> bool:
    if user_id in program_admins:
        return True
    return any(
        m.cohort_id == cohort_id and m.user_id == user_id and m.role == Role.ADMIN for m in memberships
    )


def require_manage(
    user_id: str, cohort_id: int, program_admins: Collection[str], memberships: Iterable[Membership]
) -> None:
    if not can_manage(user_id, cohort_id, program_admins, memberships):
        raise NotAllowed(NOT_MANAGER)


def can_view_cohort(
    user_id: str, cohort_id: int, program_admins: Collection[str], memberships: Iterable[Membership]
) -> bool:
    if user_id in program_admins:
        return True
    return any(m.cohort_id == cohort_id and m.user_id == user_id for m in memberships)


def require_view_cohort(
    user_id: str, cohort_id: int, program_admins: Collection[str], memberships: Iterable[Membership]
) -> None:
    if not can_view_cohort(user_id, cohort_id, program_admins, memberships):
        raise NotAllowed(NOT_MEMBER)


def belongs_to(store: CohortStore, actor: Actor, cohort_id: int) -> bool:
    """The program team, or a member of the cohort today (someone removed no longer belongs)."""
    return can_view_cohort(
        actor.user_id, cohort_id, actor.program_admins, store.members.of_user(actor.user_id)
    )


def require_belongs_to(store: CohortStore, actor: Actor, cohort_id: int, message: str) -> None:
    """The one check of an id a button or a form carries: what it names is of a cohort the person is in.

    Asked before anything about the thing is read out, so that a refusal tells nothing of it.
    """
    if not belongs_to(store, actor, cohort_id):
        raise NotAllowed(message)


def visible_cohorts(
    viewer: str, cohorts: Iterable[Cohort], memberships: Iterable[Membership], program_admins: Collection[str]
) -> list[Cohort]:
    """All cohorts for the program team; the cohorts they belong to for everyone else."""
    if viewer in program_admins:
        return list(cohorts)
    mine = {m.cohort_id for m in memberships if m.user_id == viewer}
    return [cohort for cohort in cohorts if cohort.id in mine]


def _scopes(viewer: str, memberships: Iterable[Membership]) -> dict[int, set[str] | None]:
    """Per cohort of the viewer, the challenges whose fellows they see, or _WHOLE for all of them."""
    scopes: dict[int, set[str] | None] = {}
    for m in memberships:
        if m.user_id != viewer:
            continue
        current = scopes.get(m.cohort_id, set())
        if current is _WHOLE:
            continue
        if m.role == Role.MENTOR and m.challenge_slug is not None:
            current.add(m.challenge_slug)
            scopes[m.cohort_id] = current
        else:
            scopes[m.cohort_id] = _WHOLE
    return scopes


def visible_fellows(
    viewer: str, memberships: Iterable[Membership], program_admins: Collection[str]
) -> list[Membership]:
    """The fellows' memberships, among `memberships`, that `viewer` may see, in the given order."""
    memberships = list(memberships)
    fellows = [m for m in memberships if m.role == Role.FELLOW]
    if viewer in program_admins:
        return fellows
    scopes = _scopes(viewer, memberships)
    visible = []
    for m in fellows:
        if m.cohort_id not in scopes:
            continue
        scope = scopes[m.cohort_id]
        if scope is _WHOLE or m.challenge_slug in scope:
            visible.append(m)
    return visible


def can_see_fellow(
    viewer: str, fellow_id: str, memberships: Iterable[Membership], program_admins: Collection[str]
) -> bool:
    return any(m.user_id == fellow_id for m in visible_fellows(viewer, memberships, program_admins))

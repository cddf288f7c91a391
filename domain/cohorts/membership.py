"""Who belongs to a cohort, and as what: `/cohort add`, `/cohort remove` and the roster import.

A fellow has one challenge in a cohort (adding them again with another one moves them); a
mentor may mentor several challenges, or the whole cohort when added without one; an admin
manages the whole cohort. Adding someone again as they already are changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from domain.cohorts.admin import managed_cohort, record
from domain.cohorts.commands import Add, Remove
from domain.cohorts.model import Challenge, Cohort, Membership, Role
from domain.cohorts.profiles import profiles_for
from domain.cohorts.records import Actor, AuditAction, CohortStore, Directory
from domain.cohorts.rules import require_members, require_people
from domain.cohorts.zones import FarFellow, far_fellows
from domain.messages import N_, DomainError

ADMIN_WITHOUT_CHALLENGE = N_("An admin manages the whole cohort: leave out the challenge.")


@dataclass(frozen=True)
class Placement:
    """What adding one membership does: the rows it replaces and the row it adds, if any."""

    outcome: str  # "added", "moved" or "unchanged"
    removed: tuple[Membership, ...] = ()
    added: Membership | None = None


@dataclass(frozen=True)
class MembersAdded:
    cohort: Cohort
    role: Role
    challenge: Challenge | None
    challenge_created: bool
    added: tuple[str, ...]
    moved: tuple[str, ...]
    unchanged: tuple[str, ...]
    far: tuple[FarFellow, ...] = ()  # fellows added or moved who live 3 hours or more away


@dataclass(frozen=True)
class MembersRemoved:
    cohort: Cohort
    removed: tuple[str, ...]


def place(existing: Iterable[Membership], wanted: Membership) -> Placement:
    """Where `wanted` goes among the cohort's memberships `existing`."""
    same_role = [m for m in existing if m.user_id == wanted.user_id and m.role == wanted.role]
    if any(m.challenge_slug == wanted.challenge_slug for m in same_role):
        return Placement("unchanged")
    if wanted.role == Role.FELLOW and same_role:
        return Placement("moved", tuple(same_role), wanted)
    return Placement("added", (), wanted)


def apply_placements(
    store: CohortStore, cohort: Cohort, wanted: Iterable[Membership], now: datetime
) -> dict[str, list[str]]:
    """Adds the memberships, by user id per outcome; reads the cohort's members once."""
    # By person and role, so that a roster of thousands is placed in linear time.
    existing: dict[tuple[str, Role], list[Membership]] = {}
    for membership in store.members.of_cohort(cohort.id):
        existing.setdefault((membership.user_id, membership.role), []).append(membership)
    outcomes: dict[str, list[str]] = {"added": [], "moved": [], "unchanged": []}
    removed: list[Membership] = []
    added: list[Membership] = []
    for membership in wanted:
        same = existing.setdefault((membership.user_id, membership.role), [])
        placement = place(same, membership)
        outcomes[placement.outcome].append(membership.user_id)
        removed.extend(placement.removed)
        if placement.added is not None:
            added.append(placement.added)
            same[:] = [m for m in same if m not in placement.removed] + [placement.added]
    store.members.remove_many(removed)
    store.members.add_many(added, now)
    return outcomes


def ensure_challenges(
    store: CohortStore, cohort: Cohort, names: dict[str, str]
) -> tuple[dict[str, Challenge], set[str]]:
    """The cohort's challenges by slug, creating those in `names` (slug → name as typed) it lacks.

    A challenge known only by its slug (`ia-sante`, typed that way once) takes the name typed now
    (`IA santé`); a name already typed is kept.
    """
    known = {challenge.slug: challenge for challenge in store.cohorts.challenges(cohort.id)}
    created = set()
    for slug, name in names.items():
        if slug not in known:
            known[slug] = store.cohorts.add_challenge(cohort.id, slug, name)
            created.add(slug)
        elif known[slug].name == slug and name != slug:
            known[slug] = store.cohorts.rename_challenge(known[slug].id, name)
    return known, created


def add_members(
    store: CohortStore, directory: Directory, actor: Actor, command: Add, challenge_name: str | None = None
) -> MembersAdded:
    """`challenge_name` names a challenge created on the way; else the name typed in the command does."""
    cohort = managed_cohort(store, actor, command.name)
    if command.role == Role.ADMIN and command.challenge:
        raise DomainError(ADMIN_WITHOUT_CHALLENGE)
    profiles = profiles_for(store, directory, command.user_ids, actor.now)
    require_people(command.user_ids, profiles)
    challenge, created = None, False
    if command.challenge:
        challenges, new = ensure_challenges(
            store, cohort, {command.challenge: challenge_name or command.challenge_name or command.challenge}
        )
        challenge, created = challenges[command.challenge], command.challenge in new
    wanted = [Membership(cohort.id, user_id, command.role, command.challenge) for user_id in command.user_ids]
    outcomes = apply_placements(store, cohort, wanted, actor.now)
    if outcomes["added"] or outcomes["moved"]:
        record(
            store,
            cohort,
            actor,
            AuditAction.ADD,
            role=command.role.value,
            challenge=challenge.name if challenge else None,
            users=outcomes["added"] + outcomes["moved"],
        )
    joined = outcomes["added"] + outcomes["moved"] if command.role == Role.FELLOW else []
    return MembersAdded(
        cohort,
        command.role,
        challenge,
        created,
        tuple(outcomes["added"]),
        tuple(outcomes["moved"]),
        tuple(outcomes["unchanged"]),
        far_fellows(cohort, joined, profiles, actor.now),
    )


def remove_members(store: CohortStore, actor: Actor, command: Remove) -> MembersRemoved:
    cohort = managed_cohort(store, actor, command.name)
    memberships = store.members.of_cohort(cohort.id)
    leaving = require_members(cohort, command.user_ids, memberships)
    store.members.remove_many([m for m in memberships if m.user_id in leaving])
    record(store, cohort, actor, AuditAction.REMOVE, users=leaving)
    return MembersRemoved(cohort, tuple(leaving))

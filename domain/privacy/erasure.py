"""Erasure: a person's free text deleted everywhere, their identity replaced by a pseudonym so the
figures still add up, and a tombstone kept so a restored older backup is erased again at start."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from domain.cohorts.admin import named_cohort, record
from domain.cohorts.model import Cohort
from domain.cohorts.permissions import require_program_admin
from domain.cohorts.records import Actor, AuditAction
from domain.messages import N_, DomainError
from domain.ports import UnitOfWork
from domain.privacy.records import Erased, PostedMessage, Tombstone

NOTHING_KEPT = N_("The bot keeps nothing about {user}.")


@dataclass(frozen=True)
class Forgotten:
    pseudonym: str
    cohort: Cohort | None
    erased: Erased
    tombstone: Tombstone


def user_hash(user_id: str) -> str:
    return hashlib.sha256(user_id.encode()).hexdigest()


def forget_person(
    store: UnitOfWork, actor: Actor, user_id: str, cohort: Cohort | None, pseudonym: str
) -> Forgotten:
    """Erases `user_id` (in `cohort` only, or everywhere); DomainError when nothing is kept about them
    there (the caller's unit of work is then rolled back)."""
    cohorts = {m.cohort_id for m in store.members.of_user(user_id)}
    if cohort is not None:
        cohorts &= {cohort.id}
    erased = store.personal.erase(user_id, pseudonym, cohort.id if cohort else None)
    if not erased.total:
        raise DomainError(NOTHING_KEPT, user=f"<@{user_id}>")
    tombstone = Tombstone(user_hash(user_id), pseudonym, cohort.id if cohort else None, actor.now)
    store.personal.record_tombstone(tombstone)
    for cohort_id in sorted(cohorts):
        record(store, store.cohorts.get(cohort_id), actor, AuditAction.FORGET, pseudonym=pseudonym)
    return Forgotten(pseudonym, cohort, erased, tombstone)


def forget_command(
    store: UnitOfWork, actor: Actor, user_id: str, name: str | None, pseudonym: str
) -> Forgotten:
    """`/cohort forget @user [NAME]`: the program team only."""
    require_program_admin(actor.user_id, actor.program_admins)
    cohort = named_cohort(store, name) if name is not None else None
    return forget_person(store, actor, user_id, cohort, pseudonym)


def reapply_tombstones(store: UnitOfWork, archived: Iterable[Tombstone] = ()) -> Erased:
    """Erasures found undone (an older backup restored) are applied again; what changed, by table.

    `archived`: the tombstones kept outside the database; those it lacks are recorded in it first.
    """
    known = store.personal.tombstones()
    keys = {(t.user_hash, t.pseudonym, t.cohort_id) for t in known}
    for tombstone in archived:
        if (tombstone.user_hash, tombstone.pseudonym, tombstone.cohort_id) not in keys:
            store.personal.record_tombstone(tombstone)
            keys.add((tombstone.user_hash, tombstone.pseudonym, tombstone.cohort_id))
            known.append(tombstone)
    by_hash = {user_hash(user_id): user_id for user_id in store.personal.people()}
    changed: dict[str, int] = {}
    messages: list[PostedMessage] = []
    for tombstone in known:
        user_id = by_hash.get(tombstone.user_hash)
        if user_id is None:
            continue
        erased = store.personal.erase(user_id, tombstone.pseudonym, tombstone.cohort_id)
        for table, count in erased.rows.items():
            changed[table] = changed.get(table, 0) + count
        messages.extend(erased.messages)
    return Erased(changed, tuple(messages))

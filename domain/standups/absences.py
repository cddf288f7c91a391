"""`/standup away` and `/standup back`: for oneself, or for a member by an admin of their cohort."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from domain.calendar import local_date
from domain.cohorts.permissions import NOT_MANAGER, NotAllowed, can_manage
from domain.cohorts.records import Actor
from domain.cohorts.rules import user_ref
from domain.messages import N_, DomainError
from domain.standups.commands import Away, Back
from domain.standups.model import Absence, away_on
from domain.standups.records import StandupStore

ALREADY_OVER = N_("That period is already over: give days from today on.")
NOT_A_MEMBER = N_("{user} is not a member of any cohort.")


@dataclass(frozen=True)
class AwaySet:
    absence: Absence
    for_someone_else: bool


@dataclass(frozen=True)
class BackSet:
    user_id: str
    ended: int
    for_someone_else: bool


def _today(store: StandupStore, actor: Actor, user_id: str) -> date:
    """Today where the person's (first) cohort lives: absences are typed as its calendar days."""
    memberships = store.members.of_user(user_id)
    if not memberships:
        return actor.now.date()
    return local_date(actor.now, store.cohorts.get(memberships[0].cohort_id).timezone)


def _target(store: StandupStore, actor: Actor, user_id: str | None) -> str:
    """Whose absence this is: the actor, or a member of a cohort the actor manages."""
    if user_id is None or user_id == actor.user_id:
        return actor.user_id
    theirs = store.members.of_user(user_id)
    if not theirs:
        raise DomainError(NOT_A_MEMBER, user=user_ref(user_id))
    mine = store.members.of_user(actor.user_id)
    if not any(can_manage(actor.user_id, m.cohort_id, actor.program_admins, mine) for m in theirs):
        raise NotAllowed(NOT_MANAGER)
    return user_id


def set_away(store: StandupStore, actor: Actor, command: Away) -> AwaySet:
    target = _target(store, actor, command.user_id)
    if command.last < _today(store, actor, target):
        raise DomainError(ALREADY_OVER)
    absence = Absence(target, command.first, command.last, actor.user_id)
    store.standups.add_absence(absence, actor.now)
    return AwaySet(absence, target != actor.user_id)


def come_back(store: StandupStore, actor: Actor, command: Back) -> BackSet:
    target = _target(store, actor, command.user_id)
    ended = store.standups.end_absences(target, _today(store, actor, target))
    return BackSet(target, ended, target != actor.user_id)


def away_from_standups(store: StandupStore, user_ids: Collection[str], day: date) -> set[str]:
    """Those away from the stand-ups on `day` (`/standup away`): other rituals leave them alone too."""
    if not user_ids:
        return set()
    return set(away_on(store.standups.absences_of(list(user_ids)), day))

"""`/standup today [NAME]`: who has answered the stand-up so far, for those who run or mentor a cohort.

Admins (the program team, a cohort's admins) see every fellow of the cohorts they run, with the
text of blockers; mentors see their fellows, with a blocker's text only for fellows who share it.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from domain.calendar import PublicHolidays
from domain.cohorts.model import Cohort, Membership, Role
from domain.cohorts.permissions import can_manage, visible_fellows
from domain.cohorts.records import Actor
from domain.command_parsing import CommandError
from domain.messages import N_
from domain.standups.program import StandupNow, standup_now
from domain.standups.records import StandupStore

STANDUP_TODAY_USAGE = N_("Usage: /standup today [NAME]")
UNKNOWN = N_("There is no cohort called {name}.")
NOT_YOURS = N_("Only those who run {name} and its mentors can see its stand-up.")
NOTHING_TO_FOLLOW = N_("You neither run a cohort nor mentor fellows: there is no stand-up to follow.")


@dataclass(frozen=True)
class StandupToday:
    """The stand-up of each cohort asked for, as the reader may see it."""

    cohorts: tuple[StandupNow, ...]
    asked: str | None  # the cohort named, if any


def _followed(
    store: StandupStore, actor: Actor, cohort: Cohort, mine: list[Membership], holidays: PublicHolidays | None
) -> StandupNow | None:
    members = store.members.of_cohort(cohort.id)
    runs = can_manage(actor.user_id, cohort.id, actor.program_admins, mine)
    # Those who run the cohort see every fellow; a mentor, the fellows of their challenges.
    fellows = (
        [m for m in members if m.role == Role.FELLOW] if runs else visible_fellows(actor.user_id, members, ())
    )
    readable: Collection[str] = (
        {m.user_id for m in fellows} if runs else _text_sharers(store, [m.user_id for m in fellows])
    )
    return standup_now(store, cohort, fellows, actor.now, holidays, readable)


def _text_sharers(store, user_ids: list[str]) -> set[str]:
    return store.checkins.text_sharers(user_ids) if user_ids else set()


def _mentors(cohort_id: int, mine: list[Membership]) -> bool:
    return any(m.cohort_id == cohort_id and m.role == Role.MENTOR for m in mine)


def standup_today(
    store: StandupStore, actor: Actor, name: str | None, holidays: PublicHolidays | None
) -> StandupToday:
    mine = store.members.of_user(actor.user_id)
    if name is not None:
        cohort = store.cohorts.by_name(name)
        if cohort is None:
            raise CommandError(UNKNOWN, STANDUP_TODAY_USAGE, name=name)
        if not (
            can_manage(actor.user_id, cohort.id, actor.program_admins, mine) or _mentors(cohort.id, mine)
        ):
            raise CommandError(NOT_YOURS, STANDUP_TODAY_USAGE, name=cohort.name)
        cohorts = [cohort]
    else:
        everyone = [c for c in store.cohorts.all() if not c.archived]
        cohorts = [
            c
            for c in everyone
            if can_manage(actor.user_id, c.id, actor.program_admins, mine) or _mentors(c.id, mine)
        ]
        if not cohorts:
            raise CommandError(NOTHING_TO_FOLLOW, STANDUP_TODAY_USAGE)
    found = []
    for cohort in sorted(cohorts, key=lambda c: c.name.lower()):
        now = _followed(store, actor, cohort, mine, holidays)
        if now is not None:
            found.append(now)
    return StandupToday(tuple(found), name)

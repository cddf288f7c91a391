"""The check-ins' sections of the Home tab: a mentor's waiting check-ins, and a fellow's choice of
what the digests and check-ins show of their stand-up."""

from __future__ import annotations

from dataclasses import dataclass

from domain.calendar import PublicHolidays
from domain.checkins.model import Share
from domain.cohorts.model import Cohort, Role
from domain.cohorts.records import Actor
from domain.home.overview import HomeSource, Membership, is_fellow, running_cohorts


@dataclass(frozen=True)
class CheckinWaiting:
    cohort: Cohort
    waiting: bool


def mentor_checkins(
    store, actor: Actor, memberships: tuple[Membership, ...], holidays: PublicHolidays | None
) -> tuple[CheckinWaiting, ...]:
    """Only cohorts that hold check-ins, or one still waiting from before they were turned off."""
    found = []
    for cohort in running_cohorts(memberships, Role.MENTOR, actor):
        waiting = store.checkins.latest_open(cohort.id, actor.user_id) is not None
        if waiting or store.checkins.checkin_schedule(cohort.id) is not None:
            found.append(CheckinWaiting(cohort, waiting))
    return tuple(found)


def share_choice(
    store, actor: Actor, memberships: tuple[Membership, ...], holidays: PublicHolidays | None
) -> Share | None:
    """Fellows only: what the digests and check-ins show of their stand-up."""
    return store.checkins.share_of(actor.user_id) if is_fellow(memberships) else None


CHECKINS_HOME = HomeSource("checkins", mentor_checkins)
SHARE_HOME = HomeSource("share", share_choice)

"""The check-ins' sections of the Home tab: a mentor's waiting check-ins, and a fellow's choice of
what the digests and check-ins show of their stand-up."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from domain.calendar import PublicHolidays, local_date
from domain.checkins.model import CheckinStatus, Share
from domain.cohorts.model import Cohort, Role
from domain.cohorts.records import Actor
from domain.home.overview import HomeSource, Membership, cohorts_run, is_fellow, running_cohorts
from domain.ritual_calendar import cohort_days, upcoming_rounds


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


# Missed check-ins older than this are history, not something to act on.
MISSED_SHOWN_FOR = timedelta(weeks=6)


@dataclass(frozen=True)
class CohortCheckins:
    """A cohort's check-ins, for those who run it: mentors still to answer, recent misses, next round."""

    cohort: Cohort
    due: tuple[str, ...]  # mentors' names
    missed: tuple[str, ...]
    next_round: datetime | None


def _names(store, user_ids: list[str]) -> tuple[str, ...]:
    profiles = store.profiles.get_many(set(user_ids))
    return tuple((p.display_name if (p := profiles.get(u)) else "") or u for u in dict.fromkeys(user_ids))


def cohorts_checkins(
    store, actor: Actor, memberships: tuple[Membership, ...], holidays: PublicHolidays | None
) -> tuple[CohortCheckins, ...]:
    found = []
    for cohort in cohorts_run(store, actor, memberships):
        schedule = store.checkins.checkin_schedule(cohort.id)
        if schedule is None or not schedule.active:
            continue
        recent = local_date(actor.now - MISSED_SHOWN_FOR, cohort.timezone)
        checkins = store.checkins.since(cohort.id, recent)
        due = [c.mentor for c in checkins if c.status is CheckinStatus.OPEN]
        missed = [c.mentor for c in checkins if c.status is CheckinStatus.MISSED]
        days = cohort_days(cohort, holidays, store.cohorts.holidays(cohort.id))
        upcoming = upcoming_rounds(schedule.is_round, schedule.at, days, actor.now, 1)
        found.append(
            CohortCheckins(
                cohort, _names(store, due), _names(store, missed), upcoming[0].due_at if upcoming else None
            )
        )
    return tuple(found)


CHECKINS_HOME = HomeSource("checkins", mentor_checkins)
CHECKINS_RUN_HOME = HomeSource("checkins_run", cohorts_checkins)
SHARE_HOME = HomeSource("share", share_choice)

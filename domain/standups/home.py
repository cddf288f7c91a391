"""The stand-up's section of the Home tab: for each running cohort of a fellow, today's stand-up."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from domain.calendar import PublicHolidays
from domain.cohorts.model import Cohort, Role
from domain.cohorts.records import Actor
from domain.home.overview import HomeSource, Membership, cohorts_run, running_cohorts
from domain.scheduling import DeliveryStatus
from domain.standups.calendar import open_day
from domain.standups.model import EntryStatus
from domain.standups.planning import fellow_zone
from domain.standups.program import StandupNow, standup_now


class StandupState(StrEnum):
    TO_ANSWER = "to_answer"
    ANSWERED = "answered"
    SKIPPED = "skipped"
    NONE_OPEN = "none_open"


@dataclass(frozen=True)
class StandupToday:
    cohort: Cohort
    state: StandupState
    day: date | None = None


def _standup_today(
    store, actor: Actor, cohort: Cohort, holidays: PublicHolidays | None
) -> StandupToday | None:
    settings = store.standups.settings(cohort.id)
    if settings is None or not settings.active:
        return None
    zone = fellow_zone(cohort, settings, store.profiles.get_many([actor.user_id]).get(actor.user_id))
    day = open_day(settings, cohort, zone, actor.now, holidays, store.cohorts.holidays(cohort.id))
    if day is None:
        return StandupToday(cohort, StandupState.NONE_OPEN)
    entry = store.standups.entry(cohort.id, actor.user_id, day)
    if entry is None:
        # Waiting only for a stand-up the fellow was prompted for (not one set or joined after its time).
        prompted = any(
            p.user_id == actor.user_id and p.status is not DeliveryStatus.FAILED
            for p in store.standup_runs.prompts(cohort.id, day)
        )
        return StandupToday(cohort, StandupState.TO_ANSWER if prompted else StandupState.NONE_OPEN, day)
    state = StandupState.ANSWERED if entry.status == EntryStatus.ANSWERED else StandupState.SKIPPED
    return StandupToday(cohort, state, day)


def standups_today(
    store, actor: Actor, memberships: tuple[Membership, ...], holidays: PublicHolidays | None
) -> tuple[StandupToday, ...]:
    cohorts = running_cohorts(memberships, Role.FELLOW, actor)
    found = (_standup_today(store, actor, cohort, holidays) for cohort in cohorts)
    return tuple(s for s in found if s is not None)


def standups_run(
    store, actor: Actor, memberships: tuple[Membership, ...], holidays: PublicHolidays | None
) -> tuple[StandupNow, ...]:
    """The stand-up of each cohort the actor runs, every fellow and every blocker's text."""
    found = []
    for cohort in cohorts_run(store, actor, memberships):
        fellows = [m for m in store.members.of_cohort(cohort.id) if m.role == Role.FELLOW]
        now = standup_now(store, cohort, fellows, actor.now, holidays, {m.user_id for m in fellows})
        if now is not None:
            found.append(now)
    return tuple(found)


STANDUPS_HOME = HomeSource("standups", standups_today)
STANDUPS_RUN_HOME = HomeSource("standups_run", standups_run)

"""The stand-up's section of the Home tab: for each running cohort of a fellow, today's stand-up."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from domain.calendar import PublicHolidays
from domain.cohorts.model import Cohort, Role
from domain.cohorts.records import Actor
from domain.home.overview import HomeSource, Membership, running_cohorts
from domain.scheduling import DeliveryStatus
from domain.standups.calendar import open_day
from domain.standups.model import EntryStatus
from domain.standups.planning import fellow_zone


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


STANDUPS_HOME = HomeSource("standups", standups_today)

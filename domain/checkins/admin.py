"""`/cohort checkin` and `/cohort digest`: the schedules of the mentor check-ins and of the digests."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from domain.calendar import PublicHolidays
from domain.checkins.model import CheckinSchedule, DigestSchedule
from domain.checkins.records import CheckinStore
from domain.cohorts.admin import managed_cohort, record_settings
from domain.cohorts.model import Cohort
from domain.cohorts.records import Actor
from domain.ritual_commands import Checkin, Digest
from domain.weekly_rounds import configure_rounds, next_rounds


@dataclass(frozen=True)
class CheckinsConfigured:
    cohort: Cohort
    schedule: CheckinSchedule
    next_runs: tuple[datetime, ...]


@dataclass(frozen=True)
class DigestsConfigured:
    cohort: Cohort
    schedule: DigestSchedule
    next_runs: tuple[datetime, ...]


def configure_checkins(
    store: CheckinStore, actor: Actor, command: Checkin, holidays: PublicHolidays | None
) -> CheckinsConfigured:
    """Turns the check-ins on (options given, the others kept or defaulted) or off.

    Any change starts the cycle again: the first round is the next chosen weekday from today.
    """
    return CheckinsConfigured(
        *configure_rounds(
            store,
            actor,
            command,
            "checkin",
            lambda cohort_id, today: (
                store.checkins.checkin_schedule(cohort_id) or CheckinSchedule(cohort_id, today)
            ),
            store.checkins.save_checkin_schedule,
            holidays,
        )
    )


def configure_digests(
    store: CheckinStore, actor: Actor, command: Digest, holidays: PublicHolidays | None
) -> DigestsConfigured:
    cohort = managed_cohort(store, actor, command.name)
    current = store.checkins.digest_schedule(cohort.id) or DigestSchedule(cohort.id)
    if command.off:
        schedule = replace(current, active=False, updated_at=actor.now)
    else:
        options = command.options
        schedule = replace(
            current,
            day=options.get("day", current.day),
            time=options.get("time", current.time),
            isolation_days=int(options.get("isolation", current.isolation_days)),
            active=True,
            updated_at=actor.now,
        )
    store.checkins.save_digest_schedule(schedule)
    record_settings(store, cohort, actor, "digest", command.options, command.off)
    return DigestsConfigured(cohort, schedule, next_rounds(store, cohort, schedule, actor.now, holidays))

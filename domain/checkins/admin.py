"""`/cohort checkin` and `/cohort digest`: the schedules of the mentor check-ins and of the digests."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from domain.calendar import PublicHolidays, local_date
from domain.checkins.model import CheckinSchedule, DigestSchedule, first_on_or_after
from domain.checkins.records import CheckinStore
from domain.cohorts.admin import managed_cohort, record_settings
from domain.cohorts.model import Cohort
from domain.cohorts.records import Actor
from domain.ritual_calendar import cohort_days, upcoming_rounds
from domain.ritual_commands import Checkin, Digest

NEXT_SHOWN = 3


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
    cohort = managed_cohort(store, actor, command.name)
    today = local_date(actor.now, cohort.timezone)
    current = store.checkins.checkin_schedule(cohort.id) or CheckinSchedule(cohort.id, today)
    if command.off:
        schedule = replace(current, active=False, updated_at=actor.now)
    else:
        options = command.options
        changed = replace(
            current,
            every=int(options.get("every", current.every)),
            day=options.get("day", current.day),
            time=options.get("time", current.time),
        )
        schedule = replace(
            changed, first_round=first_on_or_after(today, changed.day), active=True, updated_at=actor.now
        )
    store.checkins.save_checkin_schedule(schedule)
    record_settings(store, cohort, actor, "checkin", command.options, command.off)
    return CheckinsConfigured(cohort, schedule, _next(store, cohort, schedule, actor.now, holidays))


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
    return DigestsConfigured(cohort, schedule, _next(store, cohort, schedule, actor.now, holidays))


def _next(
    store: CheckinStore,
    cohort: Cohort,
    schedule: CheckinSchedule | DigestSchedule,
    now: datetime,
    holidays: PublicHolidays | None,
) -> tuple[datetime, ...]:
    if not schedule.active:
        return ()
    days = cohort_days(cohort, holidays, store.cohorts.holidays(cohort.id))
    return tuple(r.due_at for r in upcoming_rounds(schedule.is_round, schedule.at, days, now, NEXT_SHOWN))

"""The check-in and digest schedules in `/cohort show`, and the check-ins in `cohortbot export`.

The feature registry hands them to `/cohort show` and to the export. Next runs shown here leave out public holidays (the source is not given the calendar); the reply
to `/cohort checkin` and `/cohort digest` takes them into account.
"""

from __future__ import annotations

from datetime import datetime

from domain.calendar import PublicHolidays
from domain.checkins.records import CheckinStore
from domain.cohorts.export import Section
from domain.cohorts.model import Cohort, Role
from domain.cohorts.overview import ScheduleLine, ScheduleSource
from domain.messages import N_, NP_
from domain.ritual_calendar import cohort_days, upcoming_rounds

NEXT_SHOWN = 3

CHECKINS = {
    "mon": NP_(
        "Mentor check-ins on Mondays at {time}, every week.",
        "Mentor check-ins on Mondays at {time}, every {count} weeks.",
    ),
    "tue": NP_(
        "Mentor check-ins on Tuesdays at {time}, every week.",
        "Mentor check-ins on Tuesdays at {time}, every {count} weeks.",
    ),
    "wed": NP_(
        "Mentor check-ins on Wednesdays at {time}, every week.",
        "Mentor check-ins on Wednesdays at {time}, every {count} weeks.",
    ),
    "thu": NP_(
        "Mentor check-ins on Thursdays at {time}, every week.",
        "Mentor check-ins on Thursdays at {time}, every {count} weeks.",
    ),
    "fri": NP_(
        "Mentor check-ins on Fridays at {time}, every week.",
        "Mentor check-ins on Fridays at {time}, every {count} weeks.",
    ),
    "sat": NP_(
        "Mentor check-ins on Saturdays at {time}, every week.",
        "Mentor check-ins on Saturdays at {time}, every {count} weeks.",
    ),
    "sun": NP_(
        "Mentor check-ins on Sundays at {time}, every week.",
        "Mentor check-ins on Sundays at {time}, every {count} weeks.",
    ),
}
DIGESTS = {
    "mon": NP_(
        "Digests on Mondays at {time}; isolation alert after {count} working day without activity.",
        "Digests on Mondays at {time}; isolation alert after {count} working days without activity.",
    ),
    "tue": NP_(
        "Digests on Tuesdays at {time}; isolation alert after {count} working day without activity.",
        "Digests on Tuesdays at {time}; isolation alert after {count} working days without activity.",
    ),
    "wed": NP_(
        "Digests on Wednesdays at {time}; isolation alert after {count} working day without activity.",
        "Digests on Wednesdays at {time}; isolation alert after {count} working days without activity.",
    ),
    "thu": NP_(
        "Digests on Thursdays at {time}; isolation alert after {count} working day without activity.",
        "Digests on Thursdays at {time}; isolation alert after {count} working days without activity.",
    ),
    "fri": NP_(
        "Digests on Fridays at {time}; isolation alert after {count} working day without activity.",
        "Digests on Fridays at {time}; isolation alert after {count} working days without activity.",
    ),
    "sat": NP_(
        "Digests on Saturdays at {time}; isolation alert after {count} working day without activity.",
        "Digests on Saturdays at {time}; isolation alert after {count} working days without activity.",
    ),
    "sun": NP_(
        "Digests on Sundays at {time}; isolation alert after {count} working day without activity.",
        "Digests on Sundays at {time}; isolation alert after {count} working days without activity.",
    ),
}


def _people(store: CheckinStore, cohort: Cohort, roles: set[Role]) -> tuple[str, ...]:
    members = store.members.of_cohort(cohort.id)
    profiles = store.profiles.get_many({m.user_id for m in members})
    return tuple(
        dict.fromkeys(
            m.user_id
            for m in members
            if m.role in roles and not (m.user_id in profiles and profiles[m.user_id].deactivated)
        )
    )


def _next_runs(store: CheckinStore, cohort: Cohort, schedule, now: datetime) -> tuple[datetime, ...]:
    days = cohort_days(cohort, None, store.cohorts.holidays(cohort.id))
    return tuple(r.due_at for r in upcoming_rounds(schedule.is_round, schedule.at, days, now, NEXT_SHOWN))


def checkin_schedule(
    store: CheckinStore, cohort: Cohort, now: datetime, holidays: PublicHolidays | None = None
) -> ScheduleLine | None:
    schedule = store.checkins.checkin_schedule(cohort.id)
    if schedule is None or not schedule.active:
        return None
    return ScheduleLine(
        "checkin",
        CHECKINS[schedule.day],
        {"time": schedule.time, "count": schedule.every},
        _next_runs(store, cohort, schedule, now),
        _people(store, cohort, {Role.MENTOR}),
    )


def digest_schedule(
    store: CheckinStore, cohort: Cohort, now: datetime, holidays: PublicHolidays | None = None
) -> ScheduleLine | None:
    schedule = store.checkins.digest_schedule(cohort.id)
    if schedule is None or not schedule.active:
        return None
    return ScheduleLine(
        "digest",
        DIGESTS[schedule.day],
        {"time": schedule.time, "count": schedule.isolation_days},
        _next_runs(store, cohort, schedule, now),
        _people(store, cohort, {Role.MENTOR, Role.ADMIN}),
    )


def checkins_section(store: CheckinStore, cohort: Cohort) -> Section:
    checkins = store.checkins.all_of(cohort.id)
    columns = (
        "round",
        "mentor",
        "status",
        "rating",
        "going_well",
        "blockers",
        "needs",
        "answered_at",
        "missed_at_round",
    )
    rows = tuple(
        (
            c.round.isoformat(),
            c.mentor,
            c.status.value,
            c.rating,
            c.answer.going_well if c.answer else None,
            c.answer.blockers if c.answer else None,
            c.answer.needs if c.answer else None,
            c.answered_at.isoformat() if c.answered_at else None,
            c.missed_at_round.isoformat() if c.missed_at_round else None,
        )
        for c in checkins
    )
    return Section("checkins", columns, rows)


CHECKIN_SCHEDULE = ScheduleSource("checkin", N_("No mentor check-in scheduled."), checkin_schedule)
DIGEST_SCHEDULE = ScheduleSource("digest", N_("No digest scheduled."), digest_schedule)

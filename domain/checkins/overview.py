"""The check-in and digest schedules in `/cohort show`, and the check-ins in `cohortbot export`.

Plugged into SCHEDULE_SOURCES and EXPORT_SECTIONS when those modules load (see their last line).
Next runs shown here leave out public holidays (the source is not given the calendar); the reply
to `/cohort checkin` and `/cohort digest` takes them into account.
"""

from __future__ import annotations

from datetime import datetime

from domain.cohorts import export as cohort_export
from domain.cohorts import overview as cohort_overview
from domain.cohorts.model import Cohort, Role
from domain.cohorts.records import CohortStore
from domain.messages import N_
from domain.ritual_calendar import cohort_days, upcoming_rounds

NEXT_SHOWN = 3

CHECKINS_WEEKLY = {
    "mon": N_("Mentor check-ins on Mondays at {time}, every week."),
    "tue": N_("Mentor check-ins on Tuesdays at {time}, every week."),
    "wed": N_("Mentor check-ins on Wednesdays at {time}, every week."),
    "thu": N_("Mentor check-ins on Thursdays at {time}, every week."),
    "fri": N_("Mentor check-ins on Fridays at {time}, every week."),
    "sat": N_("Mentor check-ins on Saturdays at {time}, every week."),
    "sun": N_("Mentor check-ins on Sundays at {time}, every week."),
}
CHECKINS_EVERY = {
    "mon": N_("Mentor check-ins on Mondays at {time}, every {every} weeks."),
    "tue": N_("Mentor check-ins on Tuesdays at {time}, every {every} weeks."),
    "wed": N_("Mentor check-ins on Wednesdays at {time}, every {every} weeks."),
    "thu": N_("Mentor check-ins on Thursdays at {time}, every {every} weeks."),
    "fri": N_("Mentor check-ins on Fridays at {time}, every {every} weeks."),
    "sat": N_("Mentor check-ins on Saturdays at {time}, every {every} weeks."),
    "sun": N_("Mentor check-ins on Sundays at {time}, every {every} weeks."),
}
DIGESTS = {
    "mon": N_("Digests on Mondays at {time}; isolation alert after {days} working days without activity."),
    "tue": N_("Digests on Tuesdays at {time}; isolation alert after {days} working days without activity."),
    "wed": N_("Digests on Wednesdays at {time}; isolation alert after {days} working days without activity."),
    "thu": N_("Digests on Thursdays at {time}; isolation alert after {days} working days without activity."),
    "fri": N_("Digests on Fridays at {time}; isolation alert after {days} working days without activity."),
    "sat": N_("Digests on Saturdays at {time}; isolation alert after {days} working days without activity."),
    "sun": N_("Digests on Sundays at {time}; isolation alert after {days} working days without activity."),
}


def _people(store: CohortStore, cohort: Cohort, roles: set[Role]) -> tuple[str, ...]:
    members = store.members.of_cohort(cohort.id)
    profiles = store.profiles.get_many({m.user_id for m in members})
    return tuple(
        dict.fromkeys(
            m.user_id
            for m in members
            if m.role in roles and not (m.user_id in profiles and profiles[m.user_id].deactivated)
        )
    )


def _next_runs(store: CohortStore, cohort: Cohort, schedule, now: datetime) -> tuple[datetime, ...]:
    days = cohort_days(cohort, None, store.cohorts.holidays(cohort.id))
    return tuple(r.due_at for r in upcoming_rounds(schedule.is_round, schedule.at, days, now, NEXT_SHOWN))


def checkin_schedule(
    store: CohortStore, cohort: Cohort, now: datetime
) -> cohort_overview.ScheduleLine | None:
    # An in-memory cohort store (the cohort use cases' tests) keeps no ritual schedule.
    repository = getattr(store, "checkins", None)
    schedule = repository.checkin_schedule(cohort.id) if repository is not None else None
    if schedule is None or not schedule.active:
        return None
    summary = CHECKINS_WEEKLY[schedule.day] if schedule.every == 1 else CHECKINS_EVERY[schedule.day]
    return cohort_overview.ScheduleLine(
        "checkin",
        summary,
        {"time": schedule.time, "every": schedule.every},
        _next_runs(store, cohort, schedule, now),
        _people(store, cohort, {Role.MENTOR}),
    )


def digest_schedule(store: CohortStore, cohort: Cohort, now: datetime) -> cohort_overview.ScheduleLine | None:
    repository = getattr(store, "checkins", None)
    schedule = repository.digest_schedule(cohort.id) if repository is not None else None
    if schedule is None or not schedule.active:
        return None
    return cohort_overview.ScheduleLine(
        "digest",
        DIGESTS[schedule.day],
        {"time": schedule.time, "days": schedule.isolation_days},
        _next_runs(store, cohort, schedule, now),
        _people(store, cohort, {Role.MENTOR, Role.ADMIN}),
    )


def checkins_section(store: CohortStore, cohort: Cohort) -> cohort_export.Section:
    repository = getattr(store, "checkins", None)
    checkins = repository.all_of(cohort.id) if repository is not None else []
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
    return cohort_export.Section("checkins", columns, rows)


cohort_overview.SCHEDULE_SOURCES.update(checkin=checkin_schedule, digest=digest_schedule)
if checkins_section not in cohort_export.EXPORT_SECTIONS:
    cohort_export.EXPORT_SECTIONS.append(checkins_section)

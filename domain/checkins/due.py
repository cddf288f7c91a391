"""The check-in work due at an instant, for the scheduling core: prompts, reminders, missed flags.

Each round (subject `cohort:<id>`, dated by its nominal day) has three occurrences: the prompt to
every mentor; two working days later, one reminder to those who have not answered; and, at the
same time as the prompt, a note to the cohort's admins naming the check-ins of earlier rounds
that were never answered (recorded as missed as the new round starts).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import partial

from domain.calendar import PublicHolidays, at_local
from domain.checkins.model import REMIND_AFTER, CheckinSchedule, MentorCheckin
from domain.checkins.records import CheckinStore
from domain.cohorts.model import Cohort, Role
from domain.cohorts.overview import active_members
from domain.ritual_calendar import Days, Round, cohort_days, later_working_day, rounds_near
from domain.scheduling import (
    CohortGuard,
    Occurrence,
    OccurrenceStatus,
    PlannedOccurrence,
    Timing,
    timing,
    unguarded,
)

PROMPT, REMINDER, MISSED = "checkin_prompt", "checkin_reminder", "checkin_missed"
KINDS = (PROMPT, MISSED, REMINDER)
GRACE = {PROMPT: timedelta(hours=12), REMINDER: timedelta(hours=12), MISSED: timedelta(days=1)}


def subject(cohort_id: int) -> str:
    return f"cohort:{cohort_id}"


@dataclass(frozen=True)
class Candidate:
    kind: str
    cohort: Cohort
    schedule: CheckinSchedule
    round: Round
    due_at: datetime

    @property
    def grace_until(self) -> datetime:
        return self.due_at + GRACE[self.kind]

    def timing(self, now: datetime) -> Timing:
        return timing(self.due_at, self.grace_until, now)

    def counts(self, now: datetime) -> bool:
        """Not early, and set before it was due: a time chosen afterwards records nothing as missed."""
        since = self.cohort.schedule_set_at(self.schedule.updated_at)
        return self.timing(now) is not Timing.EARLY and (since is None or self.due_at >= since)


def _reminder_at(days: Days, schedule: CheckinSchedule, found: Round) -> datetime | None:
    day = later_working_day(days, found.day, REMIND_AFTER)
    return at_local(day, schedule.at, days.cohort.timezone) if day is not None else None


def candidates(
    running: Iterable[tuple[Cohort, CheckinSchedule]],
    holidays_of: dict,
    public: PublicHolidays | None,
    now: datetime,
) -> list[Candidate]:
    found = []
    for cohort, schedule in running:
        days = cohort_days(cohort, public, holidays_of.get(cohort.id, ()))
        for each in rounds_near(schedule.is_round, schedule.at, days, now):
            found += [
                Candidate(PROMPT, cohort, schedule, each, each.due_at),
                Candidate(MISSED, cohort, schedule, each, each.due_at),
            ]
            if (remind_at := _reminder_at(days, schedule, each)) is not None:
                found.append(Candidate(REMINDER, cohort, schedule, each, remind_at))
    return [c for c in found if c.counts(now)]


def mentors_of(store: CheckinStore, cohort: Cohort, day: date) -> list[str]:
    memberships = store.members.of_cohort(cohort.id)
    profiles = store.profiles.get_many({m.user_id for m in memberships})
    return active_members(cohort, memberships, profiles, day, [Role.MENTOR])


def admins_of(store: CheckinStore, cohort: Cohort, day: date, program_admins: Collection[str]) -> list[str]:
    """The cohort's admins; the program team when the cohort has none."""
    memberships = store.members.of_cohort(cohort.id)
    profiles = store.profiles.get_many({m.user_id for m in memberships})
    return active_members(cohort, memberships, profiles, day, [Role.ADMIN]) or sorted(program_admins)


def _recipients(store: CheckinStore, c: Candidate, now: datetime, program_admins: Collection[str]) -> tuple:
    cohort, nominal = c.cohort, c.round.nominal
    if c.kind == PROMPT:
        # Unanswered check-ins of earlier rounds are missed from now on, whether this prompt goes or not.
        store.checkins.mark_missed(cohort.id, nominal, nominal)
        if c.timing(now) is not Timing.DUE:
            return ()
        mentors = mentors_of(store, cohort, nominal)
        store.checkins.open_round(cohort.id, nominal, mentors)
        return tuple(mentors)
    if c.kind == REMINDER:
        return tuple(store.checkins.open_mentors(cohort.id, nominal))
    if not store.checkins.missed_at(cohort.id, nominal):
        return ()
    return tuple(admins_of(store, cohort, nominal, program_admins))


@dataclass(frozen=True)
class CheckinMessage:
    """A round's prompt or reminder to the cohort's mentors, in the cohort's language."""

    cohort: Cohort


@dataclass(frozen=True)
class CheckinMissed(CheckinMessage):
    """The note to the cohort's admins: the check-ins of earlier rounds never answered."""

    missed: tuple[MentorCheckin, ...]


def _payload(store: CheckinStore, c: Candidate) -> CheckinMessage:
    if c.kind == MISSED:
        return CheckinMissed(c.cohort, tuple(store.checkins.missed_at(c.cohort.id, c.round.nominal)))
    return CheckinMessage(c.cohort)


def due_work(
    store: CheckinStore,
    now: datetime,
    public: PublicHolidays | None,
    program_admins: Collection[str] = (),
    guard: CohortGuard = unguarded,
) -> dict[str, list[PlannedOccurrence[CheckinMessage]]]:
    """Per kind, what to hand to `deliver_due`; records the rounds' check-ins as it goes (caller commits).
    Each occurrence is planned under `guard`: one that fails leaves the others."""
    running = store.checkins.running_checkins()
    if not running:
        return {}
    found = candidates(running, store.cohorts.holidays_of([c.id for c, _ in running]), public, now)
    planned: dict[str, list[PlannedOccurrence[CheckinMessage]]] = defaultdict(list)

    def plan(c: Candidate, occurrence: Occurrence | None) -> None:
        recipients = _recipients(store, c, now, program_admins) if occurrence is None else ()
        planned[c.kind].append(
            PlannedOccurrence(
                c.kind,
                subject(c.cohort.id),
                c.round.nominal,
                c.due_at,
                c.grace_until,
                recipients,
                _payload(store, c),
                cohort_id=c.cohort.id,
            )
        )

    for kind in KINDS:
        mine = [c for c in found if c.kind == kind]
        known = store.schedule.known(kind, {c.round.nominal for c in mine}) if mine else {}
        for c in mine:
            occurrence = known.get((subject(c.cohort.id), c.round.nominal))
            if occurrence is None or occurrence.status is OccurrenceStatus.OPEN:
                guard(c.cohort.id, kind, partial(plan, c, occurrence))
    return planned

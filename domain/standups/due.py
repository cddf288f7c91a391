"""The stand-up occurrences due at an instant, with their recipients, for the scheduling core.

Cheap when nothing is due: one query for the running stand-ups (two with per-fellow zones) and,
when the schedules say something is due or past, one for what is already recorded. Recipients
are worked out only for an occurrence seen for the first time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial

from domain.calendar import PublicHolidays
from domain.cohorts.model import Cohort, Role
from domain.scheduling import (
    CohortGuard,
    DeliveryStatus,
    OccurrenceStatus,
    PlannedOccurrence,
    Timing,
    unguarded,
)
from domain.standups.calendar import close_at
from domain.standups.model import SHARE_SUMMARY, ZONE_FELLOW, StandupSettings
from domain.standups.planning import (
    PROMPT,
    REMINDER,
    THREAD,
    Candidate,
    RunningStandup,
    candidates,
    cohort_subject,
    fellows_reached,
    is_reachable,
    prompt_recipients,
    reminder_recipients,
    zones_of,
)
from domain.standups.records import StandupStore
from domain.standups.summary import DaySummary, summarize


@dataclass(frozen=True)
class StandupThread:
    """The day's message in the cohort channel."""

    cohort: Cohort


@dataclass(frozen=True)
class StandupPrompt:
    """A prompt, or its reminder, to the fellows of one zone group."""

    cohort: Cohort
    zone: str
    close_at: datetime


@dataclass(frozen=True)
class StandupSummary:
    """The day's summary in the cohort channel, under the day's message when there is one."""

    cohort: Cohort
    with_answers: bool
    summary: DaySummary | None  # worked out only while it can be sent
    thread: tuple[str, str] | None  # (channel, ts) of the day's message


StandupPayload = StandupThread | StandupPrompt | StandupSummary


def running_standups(store: StandupStore) -> list[RunningStandup]:
    rows = store.standups.running()
    per_fellow = [cohort.id for cohort, settings in rows if settings.zone_mode == ZONE_FELLOW]
    zones = store.standups.fellow_zones(per_fellow) if per_fellow else {}
    return [
        RunningStandup(cohort, settings, zones_of(cohort, settings, zones.get(cohort.id, ())))
        for cohort, settings in rows
    ]


def _worth_planning(
    candidate: Candidate, status: OccurrenceStatus | None, now: datetime, started: set[tuple[int, date]]
) -> bool:
    if status is not None:
        return status is OccurrenceStatus.OPEN
    if not candidate.scheduled() and (candidate.standup.cohort.id, candidate.day) not in started:
        # Set after that day's prompt time: the schedule's first occurrence is its next one, as
        # its confirmation says; a day already prompted keeps its reminder and summary.
        return False
    if candidate.timing(now) is Timing.LATE:
        # Recorded as missed only if the schedule already said so then, not for a time set afterwards.
        since = candidate.standup.cohort.schedule_set_at(candidate.standup.settings.updated_at)
        return since is None or candidate.due_at >= since
    return True


def due_work(
    store: StandupStore, now: datetime, holidays: PublicHolidays | None, guard: CohortGuard = unguarded
) -> dict[str, list[PlannedOccurrence[StandupPayload]]]:
    """Per kind, the occurrences to hand to `deliver_due`: new ones with recipients, open ones without.
    Each occurrence is planned under `guard`: one that fails leaves the others."""
    found = candidates(running_standups(store), now, holidays)
    if not found:
        return {}
    known = store.standup_runs.known(
        {c.kind for c in found}, {c.subject for c in found}, {c.day for c in found}
    )
    started = {
        (c.standup.cohort.id, c.day) for c in found if c.kind == PROMPT and known.get(c.key) is not None
    }
    # Prompts first: a summary planned in the same tick counts the prompts recorded with it.
    kept = sorted(
        (c for c in found if _worth_planning(c, known.get(c.key), now, started)),
        key=lambda c: c.kind != PROMPT,
    )
    prompting: dict[tuple[int, date], set[str]] = defaultdict(set)
    new_cohorts = {c.standup.cohort.id for c in kept if c.key not in known}
    cohort_holidays = store.cohorts.holidays_of(new_cohorts) if new_cohorts else {}
    planned: dict[str, list[PlannedOccurrence[StandupPayload]]] = defaultdict(list)

    def plan(candidate: Candidate) -> None:
        is_new = candidate.key not in known
        if is_new and any(
            h.covers(candidate.day) for h in cohort_holidays.get(candidate.standup.cohort.id, ())
        ):
            return
        recipients = _recipients(store, candidate) if is_new else ()
        if candidate.kind == PROMPT:
            prompting[candidate.standup.cohort.id, candidate.day].update(recipients)
        planned[candidate.kind].append(
            PlannedOccurrence(
                candidate.kind,
                candidate.subject,
                candidate.day,
                candidate.due_at,
                candidate.grace_until,
                recipients,
                _payload(store, candidate, now, prompting[candidate.standup.cohort.id, candidate.day]),
                cohort_id=candidate.standup.cohort.id,
            )
        )

    for candidate in kept:
        guard(candidate.standup.cohort.id, candidate.kind, partial(plan, candidate))
    return planned


def _active_fellows(store: StandupStore, cohort_id: int) -> tuple[list[str], dict]:
    fellows, _joined = _fellows_joined(store, cohort_id)
    profiles = store.profiles.get_many(fellows)
    return [u for u in fellows if is_reachable(profiles.get(u))], profiles


def _fellows_joined(store: StandupStore, cohort_id: int) -> tuple[list[str], dict[str, datetime]]:
    """The cohort's fellows, and when each was first added as one (when known)."""
    memberships = [m for m in store.members.of_cohort(cohort_id) if m.role == Role.FELLOW]
    joined: dict[str, datetime] = {}
    for m in memberships:
        if m.added_at is not None:
            joined[m.user_id] = min(joined.get(m.user_id, m.added_at), m.added_at)
    return list(dict.fromkeys(m.user_id for m in memberships)), joined


def reached_on(
    store: StandupStore, cohort: Cohort, settings: StandupSettings, day: date, zone: str | None = None
) -> tuple[str, ...]:
    """Who the stand-up prompt of `day` reaches (`fellows_reached`), read from the store."""
    fellows, profiles = _active_fellows(store, cohort.id)
    return fellows_reached(
        cohort, settings, fellows, profiles, store.standups.absences_of(fellows), day, zone
    )


def _with_entry(store: StandupStore, candidate: Candidate) -> set[str]:
    return {entry.user_id for entry in store.standups.entries(candidate.standup.cohort.id, candidate.day)}


def _recipients(store: StandupStore, candidate: Candidate) -> tuple[str, ...]:
    cohort = candidate.standup.cohort
    if candidate.kind == PROMPT:
        fellows, profiles = _active_fellows(store, cohort.id)
        prompted = {p.user_id for p in store.standup_runs.prompts(cohort.id, candidate.day)}
        return prompt_recipients(
            candidate,
            fellows,
            profiles,
            store.standups.absences_of(fellows),
            _with_entry(store, candidate),
            prompted,
            _fellows_joined(store, cohort.id)[1],
        )
    if candidate.kind == REMINDER:
        sent = {
            p.user_id: p.sent_at
            for p in store.standup_runs.prompts(cohort.id, candidate.day)
            if p.subject == candidate.subject and p.status is DeliveryStatus.SENT and p.sent_at
        }
        return reminder_recipients(
            candidate, sent, store.standups.absences_of(sent), _with_entry(store, candidate)
        )
    fellows, _profiles = _active_fellows(store, cohort.id)
    return (cohort.channel_id,) if fellows else ()


def day_summary(store: StandupStore, candidate: Candidate, prompting: Iterable[str] = ()) -> DaySummary:
    """`prompting`: fellows whose prompt of the day is being recorded in the same tick."""
    cohort, day = candidate.standup.cohort, candidate.day
    fellows, profiles = _active_fellows(store, cohort.id)
    # Everyone the day's stand-up was meant to reach is expected, unless Slack refused the prompt:
    # a prompt missed while the bot was down, or one whose outcome is unknown, still counts.
    prompted = [
        p.user_id for p in store.standup_runs.prompts(cohort.id, day) if p.status is not DeliveryStatus.FAILED
    ]
    prompted.extend(prompting)
    return summarize(
        cohort,
        candidate.standup.settings,
        day,
        prompted,
        store.standups.entries(cohort.id, day),
        fellows,
        store.standups.absences_of(fellows),
        {user_id: profile.display_name for user_id, profile in profiles.items()},
    )


def _payload(
    store: StandupStore, candidate: Candidate, now: datetime, prompting: Iterable[str] = ()
) -> StandupPayload:
    cohort, settings = candidate.standup.cohort, candidate.standup.settings
    if candidate.zone is not None:
        return StandupPrompt(cohort, candidate.zone, close_at(settings, candidate.day, candidate.zone))
    if candidate.kind == THREAD:
        return StandupThread(cohort)
    sendable = candidate.timing(now) is Timing.DUE
    return StandupSummary(
        cohort,
        settings.share == SHARE_SUMMARY,
        day_summary(store, candidate, prompting) if sendable else None,
        store.standup_runs.post_of(THREAD, cohort_subject(cohort.id), candidate.day) if sendable else None,
    )

"""`/cohort show`: a cohort as its viewer may see it, and what the bot is about to do for it.

The rituals' schedules come from the sources the caller passes (one per ritual, gathered by the
feature registry); a source that returns None is shown as not scheduled.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from domain.calendar import PublicHolidays, local_date
from domain.cohorts.admin import named_cohort
from domain.cohorts.model import Challenge, Cohort, MemberProfile, Membership, Role
from domain.cohorts.permissions import can_manage, require_view_cohort, visible_fellows
from domain.cohorts.records import Actor, AuditEntry, CohortHoliday, CohortStore
from domain.cohorts.zones import FarFellow, far_fellows
from domain.messages import Message

AUDIT_SHOWN = 10


@dataclass(frozen=True)
class ScheduleLine:
    """One ritual's schedule: `summary` is a catalog text filled with `params` (a `time` param is a
    time of day in the cohort's zone, which `/cohort show` names)."""

    kind: str
    summary: Message
    params: Mapping[str, object] = field(default_factory=dict)
    next_runs: tuple[datetime, ...] = ()
    next_recipients: tuple[str, ...] = ()


@dataclass(frozen=True)
class ScheduleSource:
    """A ritual's line in `/cohort show`: `line` reads its schedule (None: not scheduled, said by
    the catalog text `not_scheduled`)."""

    kind: str
    not_scheduled: str
    # The store is the unit of work, which has every feature's repositories.
    line: Callable[[Any, Cohort, datetime, PublicHolidays | None], ScheduleLine | None]


@dataclass(frozen=True)
class ChallengeTeam:
    challenge: Challenge
    fellows: tuple[str, ...]
    mentors: tuple[str, ...]


@dataclass(frozen=True)
class CohortOverview:
    cohort: Cohort
    today: date
    teams: tuple[ChallengeTeam, ...]
    unassigned_fellows: tuple[str, ...]
    cohort_mentors: tuple[str, ...]
    admins: tuple[str, ...]
    deactivated: frozenset[str]
    holidays: tuple[CohortHoliday, ...]
    schedules: tuple[tuple[ScheduleSource, ScheduleLine | None], ...]
    audit: tuple[AuditEntry, ...]
    can_manage: bool
    # Fellows 3 hours or more from the cohort's zone (shown to those who manage it).
    far_fellows: tuple[FarFellow, ...] = ()

    @property
    def running(self) -> bool:
        return self.cohort.is_running(self.today)


def active_members(
    cohort: Cohort,
    memberships: Iterable[Membership],
    profiles: Mapping[str, MemberProfile],
    today: date,
    roles: Iterable[Role] = tuple(Role),
) -> list[str]:
    """Whom a ritual of the cohort reaches today: nobody once it has ended, never a deactivated account."""
    if not cohort.is_running(today):
        return []
    roles = set(roles)
    people = [m.user_id for m in memberships if m.cohort_id == cohort.id and m.role in roles]
    return [
        user_id
        for user_id in dict.fromkeys(people)
        if not (user_id in profiles and profiles[user_id].deactivated)
    ]


def _people(memberships: Iterable[Membership], role: Role, slug: str | None) -> tuple[str, ...]:
    return tuple(dict.fromkeys(m.user_id for m in memberships if m.role == role and m.challenge_slug == slug))


def _teams(
    challenges: list[Challenge],
    fellows: list[Membership],
    mentors: list[Membership],
    mentor_scope: set[str] | None,
) -> tuple[ChallengeTeam, ...]:
    teams = []
    for challenge in sorted(challenges, key=lambda c: c.name.casefold()):
        if mentor_scope is not None and challenge.slug not in mentor_scope:
            continue
        teams.append(
            ChallengeTeam(
                challenge,
                _people(fellows, Role.FELLOW, challenge.slug),
                _people(mentors, Role.MENTOR, challenge.slug),
            )
        )
    return tuple(teams)


def show_cohort(
    store: CohortStore,
    viewer: Actor,
    name: str,
    schedule_sources: Iterable[ScheduleSource],
    holidays: PublicHolidays | None = None,
) -> CohortOverview:
    """The program team and the cohort's admins see everything, the audit log included; fellows
    see their cohort; a mentor of some challenges sees those challenges' fellows."""
    cohort = named_cohort(store, name)
    mine = store.members.of_user(viewer.user_id)
    require_view_cohort(viewer.user_id, cohort.id, viewer.program_admins, mine)
    manager = can_manage(viewer.user_id, cohort.id, viewer.program_admins, mine)
    members = store.members.of_cohort(cohort.id)
    fellows = members if manager else visible_fellows(viewer.user_id, members, viewer.program_admins)
    fellows = [m for m in fellows if m.role == Role.FELLOW]
    mentors = [m for m in members if m.role == Role.MENTOR]
    scope = None if manager else _mentor_scope(viewer.user_id, members)
    profiles = store.profiles.get_many({m.user_id for m in members})
    return CohortOverview(
        cohort=cohort,
        today=local_date(viewer.now, cohort.timezone),
        teams=_teams(store.cohorts.challenges(cohort.id), fellows, mentors, scope),
        unassigned_fellows=_people(fellows, Role.FELLOW, None) if scope is None else (),
        cohort_mentors=_people(mentors, Role.MENTOR, None),
        admins=_people(members, Role.ADMIN, None),
        deactivated=frozenset(user_id for user_id, p in profiles.items() if p.deactivated),
        holidays=tuple(sorted(store.cohorts.holidays(cohort.id), key=lambda h: h.first)),
        schedules=tuple(
            (source, source.line(store, cohort, viewer.now, holidays)) for source in schedule_sources
        ),
        audit=tuple(store.audit.recent(cohort.id, AUDIT_SHOWN)) if manager else (),
        can_manage=manager,
        far_fellows=far_fellows(cohort, (m.user_id for m in fellows), profiles, viewer.now)
        if manager
        else (),
    )


def _mentor_scope(viewer: str, members: list[Membership]) -> set[str] | None:
    """The challenges a mentor sees; None when they see the whole cohort (fellows, cohort mentors)."""
    mine = [m for m in members if m.user_id == viewer]
    if any(m.role != Role.MENTOR or m.challenge_slug is None for m in mine):
        return None
    return {m.challenge_slug for m in mine if m.challenge_slug}

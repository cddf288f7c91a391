"""What someone's Home tab shows: their cohorts and roles, and what waits for them today.

Built from the existing use cases and repositories; a section with nothing to show stays empty.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from domain.calendar import PublicHolidays, local_date
from domain.checkins.answers import lang_for
from domain.checkins.model import Share
from domain.cohorts.model import Cohort, Role
from domain.cohorts.records import Actor
from domain.peer_help.records import HelpRequest
from domain.standups.calendar import open_day
from domain.standups.model import EntryStatus
from domain.standups.planning import fellow_zone
from domain.trainings.sessions import ListedSession, my_sessions

# A few of each, so the Home view stays well under Slack's 100 blocks.
LISTED_MAX = 5


class StandupState(StrEnum):
    TO_ANSWER = "to_answer"
    ANSWERED = "answered"
    SKIPPED = "skipped"
    NONE_OPEN = "none_open"


@dataclass(frozen=True)
class Membership:
    cohort: Cohort
    role: Role
    challenge: str | None  # the challenge's name, when the person has one


@dataclass(frozen=True)
class StandupToday:
    cohort: Cohort
    state: StandupState
    day: date | None = None


@dataclass(frozen=True)
class MentorCheckin:
    cohort: Cohort
    waiting: bool


@dataclass(frozen=True)
class Home:
    lang: str
    memberships: tuple[Membership, ...] = ()
    standups: tuple[StandupToday, ...] = ()
    help_requests: tuple[HelpRequest, ...] = ()
    help_open: int = 0
    trainings: tuple[ListedSession, ...] = ()
    share: Share | None = None  # fellows only
    checkins: tuple[MentorCheckin, ...] = ()


def _memberships(store, user_id: str) -> tuple[Membership, ...]:
    found = []
    for membership in store.members.of_user(user_id):
        cohort = store.cohorts.get(membership.cohort_id)
        if cohort is None or cohort.archived:
            continue
        names = {c.slug: c.name for c in store.cohorts.challenges(cohort.id)}
        slug = membership.challenge_slug
        found.append(Membership(cohort, membership.role, names.get(slug, slug) if slug else None))
    return tuple(sorted(found, key=lambda m: (m.cohort.name, m.role)))


def _running(memberships, role: Role, actor: Actor) -> list[Cohort]:
    cohorts = {m.cohort.id: m.cohort for m in memberships if m.role == role}
    return [c for c in cohorts.values() if c.is_running(local_date(actor.now, c.timezone))]


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
        return StandupToday(cohort, StandupState.TO_ANSWER, day)
    state = StandupState.ANSWERED if entry.status == EntryStatus.ANSWERED else StandupState.SKIPPED
    return StandupToday(cohort, state, day)


def _fellow_part(store, actor: Actor, memberships, holidays) -> dict:
    standups = [_standup_today(store, actor, c, holidays) for c in _running(memberships, Role.FELLOW, actor)]
    asked, _offers = store.help.involving(actor.user_id)
    mine = [r for r in asked if r.asker == actor.user_id and r.active]
    return {
        "standups": tuple(s for s in standups if s is not None),
        "help_requests": tuple(mine[-LISTED_MAX:]),
        "help_open": len(mine),
        "share": store.checkins.share_of(actor.user_id),
    }


def home_of(store, actor: Actor, default_lang: str, holidays: PublicHolidays | None) -> Home:
    """Everything the Home tab of `actor` shows, read in one unit of work."""
    memberships = _memberships(store, actor.user_id)
    lang = lang_for(store, actor.user_id, default_lang)
    if not memberships:
        return Home(lang)
    fellow = (
        _fellow_part(store, actor, memberships, holidays)
        if any(m.role == Role.FELLOW for m in memberships)
        else {}
    )
    signed_up = [s for s in my_sessions(store, actor) if s.my_status is not None]
    waiting = {
        c.id: store.checkins.latest_open(c.id, actor.user_id) is not None
        for c in _running(memberships, Role.MENTOR, actor)
    }
    # Only cohorts that hold check-ins, or one still waiting from before they were turned off.
    checkins = tuple(
        MentorCheckin(c, waiting[c.id])
        for c in _running(memberships, Role.MENTOR, actor)
        if waiting[c.id] or store.checkins.checkin_schedule(c.id) is not None
    )
    return Home(lang, memberships, trainings=tuple(signed_up[:LISTED_MAX]), checkins=checkins, **fellow)

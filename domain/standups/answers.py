"""A fellow's side of the stand-up: which one is open, answering it (again), skipping it.

A stand-up day takes answers from that day until the next stand-up's prompt; an answer after
the close is kept and marked late. Editing keeps the first answer's timing and its channel post.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from domain.calendar import PublicHolidays
from domain.cohorts.model import Cohort, Role
from domain.messages import N_, DomainError
from domain.standups.calendar import answerable, is_late, open_day
from domain.standups.model import SHARE_SUMMARY, SHARE_THREAD, EntryStatus, StandupEntry, StandupSettings
from domain.standups.planning import THREAD, cohort_subject, fellow_zone
from domain.standups.records import StandupStore

NO_STANDUP = N_("You have no stand-up to answer right now.")
STANDUP_CLOSED = N_("This stand-up is over: the next one has started. Type /standup to answer today's.")
NOT_A_FELLOW = N_("Only the fellows of this cohort answer its stand-up.")
ALREADY_ANSWERED = N_("You have already answered this stand-up; it stays as it is.")


@dataclass(frozen=True)
class OpenStandup:
    """One fellow's stand-up of one day: the form shows `entry` when they answered already."""

    cohort: Cohort
    settings: StandupSettings
    day: date
    zone: str
    entry: StandupEntry | None
    late: bool


@dataclass(frozen=True)
class ShareTarget:
    """Where an answer goes in the cohort channel: a new post (in a thread or not), or an update."""

    channel: str
    thread_ts: str | None = None
    update_ts: str | None = None


@dataclass(frozen=True)
class Submitted:
    standup: OpenStandup
    entry: StandupEntry
    edited: bool
    share: ShareTarget | None


def _fellow_cohorts(store: StandupStore, user_id: str) -> list[tuple[Cohort, StandupSettings]]:
    found = []
    for membership in store.members.of_user(user_id):
        if membership.role != Role.FELLOW:
            continue
        settings = store.standups.settings(membership.cohort_id)
        if settings is not None and settings.active:
            found.append((store.cohorts.get(membership.cohort_id), settings))
    return sorted(dict.fromkeys(found), key=lambda pair: pair[0].name)


def _standup(
    store: StandupStore, cohort: Cohort, settings: StandupSettings, user_id: str, day: date, now: datetime
) -> OpenStandup:
    zone = fellow_zone(cohort, settings, store.profiles.get_many([user_id]).get(user_id))
    entry = store.standups.entry(cohort.id, user_id, day)
    return OpenStandup(cohort, settings, day, zone, entry, is_late(settings, day, zone, now))


def open_standup(
    store: StandupStore, user_id: str, now: datetime, holidays: PublicHolidays | None
) -> OpenStandup:
    """`/standup`: today's stand-up (or the last one while it is still open), in the first cohort having one."""
    for cohort, settings in _fellow_cohorts(store, user_id):
        profile = store.profiles.get_many([user_id]).get(user_id)
        zone = fellow_zone(cohort, settings, profile)
        day = open_day(settings, cohort, zone, now, holidays, store.cohorts.holidays(cohort.id))
        if day is not None:
            return _standup(store, cohort, settings, user_id, day, now)
    raise DomainError(NO_STANDUP)


def standup_of(
    store: StandupStore,
    user_id: str,
    cohort_id: int,
    day: date,
    now: datetime,
    holidays: PublicHolidays | None,
) -> OpenStandup:
    """The stand-up a button or a form names, once sure this fellow may still answer it."""
    mine = {cohort.id: (cohort, settings) for cohort, settings in _fellow_cohorts(store, user_id)}
    if cohort_id not in mine:
        raise DomainError(NOT_A_FELLOW)
    cohort, settings = mine[cohort_id]
    standup = _standup(store, cohort, settings, user_id, day, now)
    if not answerable(settings, cohort, standup.zone, day, now, holidays, store.cohorts.holidays(cohort_id)):
        raise DomainError(STANDUP_CLOSED)
    return standup


def _share_target(
    store: StandupStore, standup: OpenStandup, previous: StandupEntry | None
) -> ShareTarget | None:
    if standup.settings.share == SHARE_SUMMARY:
        return None
    if previous is not None and previous.post_ts and previous.post_channel:
        return ShareTarget(previous.post_channel, update_ts=previous.post_ts)
    if standup.settings.share == SHARE_THREAD:
        thread = store.standup_runs.post_of(THREAD, cohort_subject(standup.cohort.id), standup.day)
        if thread is not None:
            return ShareTarget(thread[0], thread_ts=thread[1])
    # No thread yet (an answer before the day's message): a post of its own in the channel.
    return ShareTarget(standup.cohort.channel_id)


def submit_answer(
    store: StandupStore,
    user_id: str,
    cohort_id: int,
    day: date,
    answers: tuple[str, ...],
    mood: int | None,
    now: datetime,
    holidays: PublicHolidays | None,
) -> Submitted:
    standup = standup_of(store, user_id, cohort_id, day, now, holidays)
    previous = standup.entry if standup.entry is not None and standup.entry.answered else None
    late = previous.late if previous is not None else standup.late
    entry = StandupEntry(
        cohort_id,
        user_id,
        day,
        EntryStatus.ANSWERED,
        answers,
        mood if standup.settings.mood else None,
        late,
        now,
        previous.post_channel if previous else None,
        previous.post_ts if previous else None,
    )
    store.standups.save_entry(entry)
    return Submitted(standup, entry, previous is not None, _share_target(store, standup, previous))


def record_post(store: StandupStore, entry: StandupEntry, channel: str, ts: str) -> StandupEntry:
    store.standups.set_post(entry.cohort_id, entry.user_id, entry.day, channel, ts)
    return replace(entry, post_channel=channel, post_ts=ts)


def skip_standup(
    store: StandupStore,
    user_id: str,
    now: datetime,
    holidays: PublicHolidays | None,
    cohort_id: int | None = None,
    day: date | None = None,
) -> OpenStandup:
    """Skips the stand-up named (a button) or the open one (`/standup skip`); an answer stays."""
    if cohort_id is not None and day is not None:
        standup = standup_of(store, user_id, cohort_id, day, now, holidays)
    else:
        standup = open_standup(store, user_id, now, holidays)
    if standup.entry is not None and standup.entry.answered:
        raise DomainError(ALREADY_ANSWERED)
    store.standups.save_entry(
        StandupEntry(standup.cohort.id, user_id, standup.day, EntryStatus.SKIPPED, submitted_at=now)
    )
    return standup

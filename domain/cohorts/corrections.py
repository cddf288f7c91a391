"""Correcting a cohort: `/cohort edit`, `/cohort holiday NAME remove`, `/cohort unarchive`.

The same checks as `create`; each change is audited. A change of zone, dates or holidays marks the
cohort as rescheduled at that instant: the rituals' occurrences from then on follow the new
settings, and nothing already due before it is sent late or recorded as missed because of it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from domain.cohorts.admin import CHANNEL_ARCHIVED, managed_cohort, named_cohort, record
from domain.cohorts.edit_commands import Edit
from domain.cohorts.holiday_commands import HolidayRemove
from domain.cohorts.model import Cohort, check_period, cohort_key, unknown_country
from domain.cohorts.permissions import require_program_admin
from domain.cohorts.records import (
    Actor,
    AuditAction,
    ChannelInfo,
    CohortHoliday,
    CohortStore,
    Directory,
)
from domain.cohorts.rules import channel_not_found, channel_ref
from domain.messages import N_, DomainError

NOTHING_CHANGED = N_("{name} already has these settings: nothing changed.")
NAME_TAKEN = N_('A cohort named "{name}" already exists.')
NOT_ARCHIVED = N_("The cohort {name} is not archived.")
NO_HOLIDAY_THERE = N_("{name} has no holiday of its own on those days; /cohort show lists them.")
# Changing these moves the rituals' next occurrences.
SCHEDULE_FIELDS = ("timezone", "start", "end")


@dataclass(frozen=True)
class Edited:
    before: Cohort
    cohort: Cohort
    changed: tuple[str, ...]  # the Cohort fields that changed, in the order of the model
    channel: ChannelInfo | None = None
    joined: bool = False

    @property
    def invite_needed(self) -> bool:
        return self.channel is not None and not self.channel.is_member and not self.joined


@dataclass(frozen=True)
class HolidaysRemoved:
    cohort: Cohort
    first: date
    last: date
    removed: tuple[CohortHoliday, ...]  # as they were before


def _wanted(cohort: Cohort, command: Edit) -> Cohort:
    return replace(
        cohort,
        name=command.new_name or cohort.name,
        channel_id=command.channel_id or cohort.channel_id,
        timezone=command.tz or cohort.timezone,
        lang=command.lang or cohort.lang,
        country=command.country or cohort.country,
        start=command.start or cohort.start,
        end=command.end or cohort.end,
    )


def _check(
    store: CohortStore, before: Cohort, after: Cohort, supported_country: Callable[[str], bool]
) -> None:
    if cohort_key(after.name) != cohort_key(before.name) and store.cohorts.by_name(after.name) is not None:
        raise DomainError(NAME_TAKEN, name=after.name)
    if after.country != before.country and not supported_country(after.country):
        raise unknown_country(after.country)
    check_period(after.start, after.end)


def _channel(directory: Directory, channel_id: str) -> tuple[ChannelInfo, bool]:
    """The new channel, and whether the bot joined it (it joins a public one by itself)."""
    channel = directory.channel(channel_id)
    if channel is None:
        raise channel_not_found(channel_id)
    if channel.is_archived:
        raise DomainError(CHANNEL_ARCHIVED, channel=channel_ref(channel.id))
    return channel, not channel.is_member and not channel.is_private and directory.join(channel.id)


def edit_cohort(
    store: CohortStore,
    directory: Directory,
    actor: Actor,
    command: Edit,
    supported_country: Callable[[str], bool],
) -> Edited:
    before = managed_cohort(store, actor, command.name)
    after = _wanted(before, command)
    fields = ("name", "channel_id", "timezone", "lang", "country", "start", "end")
    changed = tuple(f for f in fields if getattr(after, f) != getattr(before, f))
    if not changed:
        raise DomainError(NOTHING_CHANGED, name=before.name)
    _check(store, before, after, supported_country)
    channel, joined = _channel(directory, after.channel_id) if "channel_id" in changed else (None, False)
    rescheduled = any(f in SCHEDULE_FIELDS for f in changed)
    cohort = store.cohorts.update(after, actor.now if rescheduled else None)
    change = "; ".join(f"{f}: {_shown(getattr(before, f))} → {_shown(getattr(after, f))}" for f in changed)
    record(store, cohort, actor, AuditAction.EDIT, change=change)
    return Edited(before, cohort, changed, channel, joined)


def _shown(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def split_holidays(
    holidays: list[CohortHoliday], first: date, last: date
) -> tuple[list[CohortHoliday], list[CohortHoliday]]:
    """The holidays that touch first..last, and what is left of them outside those days."""
    touched = [h for h in holidays if h.first <= last and h.last >= first]
    left = []
    for h in touched:
        if h.first < first:
            left.append(replace(h, last=first - timedelta(days=1)))
        if h.last > last:
            left.append(replace(h, first=last + timedelta(days=1)))
    return touched, left


def remove_holidays(store: CohortStore, actor: Actor, command: HolidayRemove) -> HolidaysRemoved:
    cohort = managed_cohort(store, actor, command.name)
    touched, left = split_holidays(store.cohorts.holidays(cohort.id), command.first, command.last)
    if not touched:
        raise DomainError(NO_HOLIDAY_THERE, name=cohort.name)
    for holiday in touched:
        store.cohorts.remove_holiday(holiday)
    for holiday in left:
        store.cohorts.add_holiday(holiday)
    store.cohorts.update(cohort, actor.now)
    record(
        store,
        cohort,
        actor,
        AuditAction.HOLIDAY_REMOVE,
        first=command.first.isoformat(),
        last=command.last.isoformat(),
    )
    return HolidaysRemoved(cohort, command.first, command.last, tuple(touched))


def unarchive_cohort(store: CohortStore, actor: Actor, name: str) -> Cohort:
    """Reopens an archived cohort: its rituals start again from their next occurrence."""
    require_program_admin(actor.user_id, actor.program_admins)
    cohort = named_cohort(store, name)
    if not cohort.archived:
        raise DomainError(NOT_ARCHIVED, name=cohort.name)
    reopened = store.cohorts.update(replace(cohort, archived_at=None), actor.now)
    record(store, reopened, actor, AuditAction.UNARCHIVE)
    return reopened

"""The `/cohort` use cases on cohorts themselves: create, list, archive, holidays.

Each one checks who asks before anything else, raises DomainError for a mistake with nothing
changed, and writes an audit entry for every change. The caller commits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from domain.cohorts.commands import Create, Holiday
from domain.cohorts.model import Cohort, NewCohort, Role, validate_new_cohort
from domain.cohorts.permissions import (
    NOT_MANAGER,
    NotAllowed,
    can_manage,
    is_program_admin,
    require_manage,
    require_program_admin,
    visible_cohorts,
)
from domain.cohorts.records import (
    Actor,
    AuditAction,
    AuditEntry,
    ChannelInfo,
    CohortHoliday,
    CohortStore,
    Directory,
)
from domain.cohorts.rules import channel_not_found, channel_ref, require_active, unknown_cohort
from domain.messages import N_, DomainError

ALREADY_ARCHIVED = N_("The cohort {name} is already archived.")
CHANNEL_ARCHIVED = N_("The channel {channel} is archived: pick a channel in use.")


@dataclass(frozen=True)
class Created:
    cohort: Cohort
    channel: ChannelInfo
    joined: bool

    @property
    def invite_needed(self) -> bool:
        """A private channel the bot is not in: only a member of it can invite the bot."""
        return not self.channel.is_member and not self.joined


@dataclass(frozen=True)
class CohortSummary:
    cohort: Cohort
    fellows: int
    mentors: int
    admins: int


@dataclass(frozen=True)
class HolidayAdded:
    cohort: Cohort
    holiday: CohortHoliday
    new: bool


@dataclass(frozen=True)
class FormChoices:
    """What the `/cohort` form offers its user: creating cohorts, and adding members to these."""

    can_create: bool
    cohort_names: tuple[str, ...]


def record(store: CohortStore, cohort: Cohort, actor: Actor, action: AuditAction, **params: object) -> None:
    store.audit.record(AuditEntry(cohort.id, actor.user_id, action, actor.now, params))


def record_settings(
    store: CohortStore,
    cohort: Cohort,
    actor: Actor,
    ritual: str,
    options: dict[str, str] | None,
    off: bool = False,
) -> None:
    """Audits a change to a ritual's settings: `/cohort standup|checkin|digest|peerhelp|trainings`."""
    record(store, cohort, actor, AuditAction.SETTINGS, ritual=ritual, options=dict(options or {}), off=off)


def named_cohort(store: CohortStore, name: str) -> Cohort:
    cohort = store.cohorts.by_name(name)
    if cohort is None:
        raise unknown_cohort(name)
    return cohort


def managed_cohort(store: CohortStore, actor: Actor, name: str, *, active: bool = True) -> Cohort:
    """The cohort called `name`, once sure the actor manages it (and, if `active`, that it is not archived)."""
    cohort = named_cohort(store, name)
    require_manage(actor.user_id, cohort.id, actor.program_admins, store.members.of_user(actor.user_id))
    return require_active(cohort) if active else cohort


def check_new_cohort(
    store: CohortStore,
    actor: Actor,
    command: Create,
    supported_country: Callable[[str], bool],
    default_lang: str,
) -> NewCohort:
    """What `create` would make, or DomainError; reads the database only (no Slack call)."""
    require_program_admin(actor.user_id, actor.program_admins)
    return validate_new_cohort(
        command.name,
        command.tz,
        command.lang,
        command.country,
        command.start,
        command.end,
        supported_country,
        [cohort.name for cohort in store.cohorts.all()],
        default_lang=default_lang,
    )


def create_cohort(
    store: CohortStore,
    directory: Directory,
    actor: Actor,
    command: Create,
    supported_country: Callable[[str], bool],
    default_lang: str,
) -> Created:
    """A new cohort in an existing channel; the bot joins the channel when it is public."""
    new = check_new_cohort(store, actor, command, supported_country, default_lang)
    channel = directory.channel(command.channel_id)
    if channel is None:
        raise channel_not_found(command.channel_id)
    if channel.is_archived:
        raise DomainError(CHANNEL_ARCHIVED, channel=channel_ref(channel.id))
    cohort = store.cohorts.add(new, channel.id, actor.now)
    record(
        store,
        cohort,
        actor,
        AuditAction.CREATE,
        name=cohort.name,
        channel=channel.id,
        timezone=cohort.timezone,
        lang=cohort.lang,
        country=cohort.country,
        start=_iso(cohort.start),
        end=_iso(cohort.end),
    )
    joined = not channel.is_member and not channel.is_private and directory.join(channel.id)
    return Created(cohort, channel, joined)


def list_cohorts(store: CohortStore, actor: Actor) -> list[CohortSummary]:
    """The cohorts the actor may see: all of them for the program team, their own for the others."""
    cohorts = visible_cohorts(
        actor.user_id, store.cohorts.all(), store.members.of_user(actor.user_id), actor.program_admins
    )
    counts = store.members.role_counts()
    summaries = []
    for cohort in cohorts:
        roles = counts.get(cohort.id, {})
        summaries.append(
            CohortSummary(
                cohort, roles.get(Role.FELLOW, 0), roles.get(Role.MENTOR, 0), roles.get(Role.ADMIN, 0)
            )
        )
    return summaries


def archive_cohort(store: CohortStore, actor: Actor, name: str) -> Cohort:
    cohort = managed_cohort(store, actor, name, active=False)
    if cohort.archived:
        raise DomainError(ALREADY_ARCHIVED, name=cohort.name)
    archived = store.cohorts.archive(cohort.id, actor.now)
    record(store, archived, actor, AuditAction.ARCHIVE)
    return archived


def add_holiday(store: CohortStore, actor: Actor, command: Holiday) -> HolidayAdded:
    cohort = managed_cohort(store, actor, command.name)
    holiday = CohortHoliday(cohort.id, command.first, command.last, command.reason)
    new = store.cohorts.add_holiday(holiday)
    record(
        store,
        cohort,
        actor,
        AuditAction.HOLIDAY,
        first=_iso(holiday.first),
        last=_iso(holiday.last),
        reason=holiday.reason,
    )
    return HolidayAdded(cohort, holiday, new)


def form_choices(store: CohortStore, actor: Actor) -> FormChoices:
    """NotAllowed for someone who manages nothing: the form would have nothing to offer them."""
    mine = store.members.of_user(actor.user_id)
    names = tuple(
        c.name
        for c in store.cohorts.all()
        if not c.archived and can_manage(actor.user_id, c.id, actor.program_admins, mine)
    )
    can_create = is_program_admin(actor.user_id, actor.program_admins)
    if not can_create and not names:
        raise NotAllowed(NOT_MANAGER)
    return FormChoices(can_create, names)


def cohort_names(store: CohortStore) -> list[str]:
    return [cohort.name for cohort in store.cohorts.all()]


def _iso(day) -> str | None:
    return day.isoformat() if day is not None else None

"""Welcome and farewell messages: one welcome per person and cohort, one notice on removal.

The database says who arrived (a membership added lately) and who left (the audit log's
removals); the scheduling core sends each message once. A person already in the cohort before,
or re-added, is not welcomed again: the welcome's occurrence is keyed on the person and the
cohort only.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import partial
from typing import Any

from domain.calendar import local_date
from domain.cohorts.model import Cohort
from domain.cohorts.overview import ScheduleLine, ScheduleSource
from domain.cohorts.profiles import profiles_for
from domain.ports import UnitOfWork
from domain.privacy.notice import Notice, notice_for
from domain.privacy.records import Arrival, Departure, arrival_subject
from domain.scheduling import CohortGuard, PlannedOccurrence
from handlers.blocks.privacy.welcome import Ritual, Welcome, farewell_message, welcome_message
from handlers.context import Context
from schedules.delivery import DeliveryJob, Send

WELCOME, FAREWELL = "welcome", "farewell"
# Someone added while the bot was down for longer than this is not welcomed late.
GRACE = timedelta(days=2)
# One welcome per person and cohort, whenever they arrive: the occurrence is keyed on a fixed day.
ONCE = date(2000, 1, 1)

Summary = Callable[[ScheduleLine, str], str]


@dataclass(frozen=True)
class CohortWelcome:
    """What every newcomer of a cohort is told alike, drawn up once per tick and cohort."""

    cohort: Cohort
    challenge_names: dict[str, str]
    rituals: tuple[Ritual, ...]
    notice: Notice


def _cohort_welcome(
    ctx: Context,
    uow: UnitOfWork,
    cohort: Cohort,
    now: datetime,
    show: Sequence[tuple[ScheduleSource, Summary | None]],
) -> CohortWelcome:
    rituals = []
    for source, summary in show:
        line = source.line(uow, cohort, now, ctx.holidays)
        if line is not None:
            rituals.append(Ritual(source, line, summary))
    names = {c.slug: c.name for c in uow.cohorts.challenges(cohort.id)}
    notice = notice_for(uow, cohort, ctx.data_declarations, ctx.privacy_contact, cohort.lang)
    return CohortWelcome(cohort, names, tuple(rituals), notice)


def _welcome(
    arrival: Arrival, common: CohortWelcome, commands: Sequence[tuple[str, str]]
) -> PlannedOccurrence[Welcome]:
    names = common.challenge_names
    roles = tuple((role, names.get(slug, slug) if slug else None) for role, slug in arrival.roles)
    welcome = Welcome(common.cohort, roles, common.rituals, tuple(commands), common.notice)
    return PlannedOccurrence(
        WELCOME,
        arrival_subject(arrival.cohort_id, arrival.user_id),
        ONCE,
        arrival.since,
        arrival.since + GRACE,
        (arrival.user_id,),
        welcome,
        cohort_id=arrival.cohort_id,
    )


def _farewell(uow: UnitOfWork, departure: Departure) -> PlannedOccurrence[Any]:
    cohort = uow.cohorts.get(departure.cohort_id)
    return PlannedOccurrence(
        FAREWELL,
        arrival_subject(cohort.id, departure.user_id),
        local_date(departure.at, cohort.timezone),
        departure.at,
        departure.at + GRACE,
        (departure.user_id,),
        cohort,
        cohort_id=cohort.id,
    )


def _learn_who_arrived(
    ctx: Context, uow: UnitOfWork, arrivals: Sequence[Arrival], now: datetime, guard: CohortGuard
) -> None:
    """People placed by their Slack id alone (a roster import asks Slack nothing about them) are
    looked up once as they are welcomed: their name, zone and language, so that summaries and
    lists can name them without a mention, and their zone counts."""
    known = uow.profiles.get_many([a.user_id for a in arrivals])
    unknown = {
        a.user_id: a.cohort_id
        for a in arrivals
        if (p := known.get(a.user_id)) is None or p.fetched_at is None
    }
    if not unknown:
        return
    directory = ctx.directory()
    for user_id, cohort_id in unknown.items():
        guard(cohort_id, WELCOME, partial(profiles_for, uow, directory, [user_id], now))
    uow.commit()


def arrivals_job(
    show: Sequence[tuple[ScheduleSource, Summary | None]], commands: Sequence[tuple[str, str]]
) -> DeliveryJob:
    def plan(
        ctx: Context, uow: UnitOfWork, now: datetime, guard: CohortGuard
    ) -> Mapping[str, list[PlannedOccurrence[Any]]]:
        # Those already welcomed are left out by the database: every tick asks.
        arrivals = uow.arrivals.to_welcome(now - GRACE, WELCOME)
        _learn_who_arrived(ctx, uow, arrivals, now, guard)
        common: dict[int, CohortWelcome | None] = {}
        welcomes = []
        for arrival in arrivals:
            cohort_id = arrival.cohort_id
            if cohort_id not in common:
                # One cohort whose rituals cannot be read leaves the others' newcomers welcomed.
                common[cohort_id] = guard(
                    cohort_id,
                    WELCOME,
                    partial(_cohort_welcome, ctx, uow, uow.cohorts.get(cohort_id), now, show),
                )
            same = common[cohort_id]
            if same is not None and not same.cohort.archived:
                welcomes.append(_welcome(arrival, same, commands))
        farewells = [_farewell(uow, d) for d in uow.arrivals.left_since(now - GRACE)]
        return {WELCOME: welcomes, FAREWELL: farewells}

    return DeliveryJob(
        "arrivals",
        plan,
        {
            WELCOME: Send(lambda item, recipient: welcome_message(item.payload), "welcomes"),
            FAREWELL: Send(lambda item, recipient: farewell_message(item.payload), "farewells"),
        },
    )

"""What peer help sends on a schedule: a request nobody offered on is re-routed after the cohort's delay
(default 24 h); one still active after 7 days prompts its asker to resolve it or ask again.

Both are occurrences of the scheduling core (kinds `help_reroute` and `help_nudge`, subject
`help:<id>`, local date of the due day), so each is sent once whatever the ticks and processes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

from domain.calendar import local_date
from domain.peer_help.lifecycle import HelpView, view_of
from domain.peer_help.records import HelpRequest, HelpStatus, HelpStore
from domain.peer_help.routing import AwaySource, route
from domain.scheduling import CohortGuard, OccurrenceStatus, P, PlannedOccurrence, unguarded

REROUTE = "help_reroute"
NUDGE = "help_nudge"
NUDGE_AFTER = timedelta(days=7)
REROUTE_GRACE = timedelta(hours=24)
NUDGE_GRACE = timedelta(days=3)
# Requests older than this are not looked at any more: their sends are done or long missed.
LOOKBACK = timedelta(days=30)


@dataclass(frozen=True)
class HelpNudge:
    """The prompt to an asker whose request is still active a week on."""

    view: HelpView


@dataclass(frozen=True)
class HelpReroute:
    """A request sent to the next best people (`helpers`), and its asker told to whom."""

    view: HelpView
    helpers: tuple[str, ...]


def help_subject(request_id: int) -> str:
    return f"help:{request_id}"


def reroute_at(request: HelpRequest, reroute_hours: int) -> datetime:
    return request.created_at + timedelta(hours=reroute_hours)


def nudge_at(request: HelpRequest) -> datetime:
    return request.created_at + NUDGE_AFTER


def _occurrence(store: HelpStore, kind: str, request: HelpRequest, due: datetime, tz: str):
    day = local_date(due, tz)
    return day, store.schedule.known(kind, [day]).get((help_subject(request.id), day))


def _plan(
    store: HelpStore,
    now: datetime,
    kind: str,
    wanted: Callable[[HelpRequest], bool],
    due_of: Callable[[HelpRequest], datetime],
    grace: timedelta,
    recipients: Callable[[HelpView, object, bool], tuple[str, ...]],
    payload: Callable[[HelpView, tuple[str, ...]], P],
    guard: CohortGuard,
) -> list[PlannedOccurrence[P]]:
    def plan_one(request: HelpRequest, due: datetime) -> PlannedOccurrence[P] | None:
        cohort = store.cohorts.get(request.cohort_id)
        day, occurrence = _occurrence(store, kind, request, due, cohort.timezone)
        if occurrence is not None and occurrence.status is not OccurrenceStatus.OPEN:
            return None
        view = view_of(store, request)
        late = now > due + grace
        to = recipients(view, occurrence, late)
        helpers = tuple(user_id for user_id in to if user_id != request.asker)
        return PlannedOccurrence(
            kind,
            help_subject(request.id),
            day,
            due,
            due + grace,
            to,
            payload(view, helpers),
            cohort_id=request.cohort_id,
        )

    planned: list[PlannedOccurrence[P]] = []
    for request in store.help.active_since(now - LOOKBACK):
        if not wanted(request) or now < (due := due_of(request)):
            continue
        # One request that cannot be planned is its cohort's failure; the others go on.
        found = guard(request.cohort_id, kind, partial(plan_one, request, due))
        if found is not None:
            planned.append(found)
    return planned


def plan_reroutes(
    store: HelpStore, now: datetime, away: Iterable[AwaySource], guard: CohortGuard = unguarded
) -> list[PlannedOccurrence[HelpReroute]]:
    """Requests still without an offer after their cohort's delay: the next best people (nobody
    `away`), and their asker."""
    delays: dict[int, int] = {}

    def due(request: HelpRequest) -> datetime:
        if request.cohort_id not in delays:
            delays[request.cohort_id] = store.help.settings(request.cohort_id).reroute_hours
        return reroute_at(request, delays[request.cohort_id])

    def recipients(view: HelpView, occurrence, late: bool) -> tuple[str, ...]:
        request = view.request
        if occurrence is not None:
            return tuple(d.recipient for d in store.schedule.deliveries(occurrence.id))
        if late:
            return ()
        return (
            *route(store, request, view.cohort, now, away, exclude=store.help.routed(request.id)),
            request.asker,
        )

    return _plan(
        store,
        now,
        REROUTE,
        lambda r: r.status is HelpStatus.OPEN,
        due,
        REROUTE_GRACE,
        recipients,
        HelpReroute,
        guard,
    )


def plan_nudges(
    store: HelpStore, now: datetime, guard: CohortGuard = unguarded
) -> list[PlannedOccurrence[HelpNudge]]:
    """Requests still active a week after they were asked: their asker."""
    return _plan(
        store,
        now,
        NUDGE,
        lambda r: r.active,
        nudge_at,
        NUDGE_GRACE,
        lambda view, occurrence, late: (view.request.asker,),
        lambda view, helpers: HelpNudge(view),
        guard,
    )

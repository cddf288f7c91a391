"""Peer help's section of the Home tab: a fellow's open help requests."""

from __future__ import annotations

from dataclasses import dataclass

from domain.calendar import PublicHolidays
from domain.cohorts.model import Cohort
from domain.cohorts.records import Actor
from domain.home.overview import LISTED_MAX, HomeSource, Membership, cohorts_run, is_fellow
from domain.peer_help.records import HelpRequest


@dataclass(frozen=True)
class OpenRequests:
    listed: tuple[HelpRequest, ...]  # the latest few
    count: int


def open_requests(
    store, actor: Actor, memberships: tuple[Membership, ...], holidays: PublicHolidays | None
) -> OpenRequests | None:
    if not is_fellow(memberships):
        return None
    asked, _offers = store.help.involving(actor.user_id)
    mine = [r for r in asked if r.asker == actor.user_id and r.active]
    return OpenRequests(tuple(mine[-LISTED_MAX:]), len(mine)) if mine else None


@dataclass(frozen=True)
class CohortRequests:
    """A cohort's help requests still open, for those who run it: the latest few, and how many."""

    cohort: Cohort
    listed: tuple[HelpRequest, ...]
    count: int


def cohorts_requests(
    store, actor: Actor, memberships: tuple[Membership, ...], holidays: PublicHolidays | None
) -> tuple[CohortRequests, ...]:
    found = []
    for cohort in cohorts_run(store, actor, memberships):
        active = [r for r in store.help.of_cohort(cohort.id) if r.active]
        found.append(CohortRequests(cohort, tuple(active[-LISTED_MAX:]), len(active)))
    return tuple(found)


HELP_HOME = HomeSource("help", open_requests)
HELP_RUN_HOME = HomeSource("help_run", cohorts_requests)

"""Peer help in the digests: help given and received by each fellow, and the requests still open.

Within the week: a help given is a credited offer on a request resolved that week; a help received
is one's own request resolved that week with a credited helper.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from domain.calendar import at_local, local_date
from domain.digests.data import DigestStore
from domain.digests.model import (
    Audience,
    DigestData,
    DigestFeature,
    DigestInput,
    DigestSection,
    Phrase,
    Said,
    SectionSpec,
    user,
)
from domain.messages import N_, NP_
from domain.peer_help.records import HelpRequest, HelpStatus, Offer

HELP = N_("*Peer help*")
HELP_LINE = N_(
    "{fellow} · helps given: {given} · received: {received} · requests: {asked} · offers: {offers}"
)
HELP_SUMMARY = NP_(
    "Requests this week: {asked}, {count} resolved.", "Requests this week: {asked}, {count} resolved."
)
NO_HELP = N_("No peer help this week.")
OPEN_HELP = N_("*Open help requests*")
OPEN_LINE = N_("{asker}: “{title}” — asked on {asked_on}, offers: {offers}")
OPEN_SUMMARY = NP_("{count} open request.", "{count} open requests.")
NO_OPEN_HELP = N_("No open help request.")


@dataclass(frozen=True)
class HelpWeek:
    requests: tuple[HelpRequest, ...]
    offers: tuple[Offer, ...]


def week_start(data: DigestData) -> datetime:
    return at_local(data.period.first, time(0, 0), data.cohort.timezone)


def load(store: DigestStore, data: DigestData) -> HelpWeek:
    requests, offers = store.digests.help_week(data.cohort.id, week_start(data))
    return HelpWeek(tuple(requests), tuple(offers))


@dataclass(frozen=True)
class FellowHelp:
    asked: int = 0
    offers: int = 0
    given: int = 0
    received: int = 0

    @property
    def any(self) -> bool:
        return bool(self.asked or self.offers or self.given or self.received)


def fellow_help(week: HelpWeek, user_id: str, start: datetime, end: datetime) -> FellowHelp:
    def within(instant: datetime | None) -> bool:
        return instant is not None and start <= instant < end

    resolved = {r.id: r for r in week.requests if r.status is HelpStatus.RESOLVED and within(r.ended_at)}
    credited = [o for o in week.offers if o.credited and o.request_id in resolved]
    return FellowHelp(
        asked=sum(1 for r in week.requests if r.asker == user_id and within(r.created_at)),
        offers=sum(1 for o in week.offers if o.helper == user_id and within(o.offered_at)),
        given=sum(1 for o in credited if o.helper == user_id),
        received=sum(
            1 for r in resolved.values() if r.asker == user_id and any(o.request_id == r.id for o in credited)
        ),
    )


def help_of_week(given: DigestInput) -> DigestSection:
    week: HelpWeek = given.data.feature("help")
    start, end = week_start(given.data), given.period.as_of
    lines = []
    for fellow in given.scope.fellows:
        figures = fellow_help(week, fellow, start, end)
        if figures.any:
            lines.append(
                Phrase(
                    HELP_LINE,
                    {
                        "fellow": user(fellow),
                        "given": figures.given,
                        "received": figures.received,
                        "asked": figures.asked,
                        "offers": figures.offers,
                    },
                )
            )
    mine = [r for r in week.requests if r.asker in set(given.scope.fellows) and start <= r.created_at < end]
    resolved = sum(1 for r in mine if r.status is HelpStatus.RESOLVED)
    return DigestSection(
        "help",
        Phrase(HELP),
        tuple(lines),
        Phrase(HELP_SUMMARY, {"asked": len(mine), "count": resolved}),
        Phrase(NO_HELP),
    )


def open_requests(given: DigestInput) -> DigestSection:
    week: HelpWeek = given.data.feature("help")
    active = sorted(
        (r for r in week.requests if r.active and r.created_at <= given.period.as_of),
        key=lambda r: r.created_at,
    )
    offers = {r.id: sum(1 for o in week.offers if o.request_id == r.id) for r in active}
    lines = tuple(
        Phrase(
            OPEN_LINE,
            {
                "asker": user(r.asker),
                "title": Said(r.title),
                "asked_on": at_day(r.created_at, given),
                "offers": offers[r.id],
            },
        )
        for r in active
    )
    return DigestSection(
        "open_help",
        Phrase(OPEN_HELP),
        lines,
        Phrase(OPEN_SUMMARY, {"count": len(active)}),
        Phrase(NO_OPEN_HELP),
    )


def at_day(instant: datetime, given: DigestInput) -> date:
    return local_date(instant, given.cohort.timezone)


FEATURE = DigestFeature(
    "help",
    load,
    (
        SectionSpec("help", Audience.MENTOR, help_of_week),
        SectionSpec("open_help", Audience.ADMIN, open_requests),
    ),
)

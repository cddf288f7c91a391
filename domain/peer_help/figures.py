"""Peer-help figures: helps given and received per fellow, time to first offer, time to resolution.

Pure functions over requests and offers, for `/skills`, the mentors' and admins' digests, and
`cohortbot export`. A help given is a credited offer on a resolved request; a help received is a
resolved request of one's own that credited at least one helper.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from statistics import median

from domain.peer_help.records import HelpRequest, HelpStatus, Offer


@dataclass(frozen=True)
class HelpFigures:
    asked: int = 0
    offers: int = 0  # offers made to others
    helps_given: int = 0
    helps_received: int = 0
    # Over the requests asked: the median wait for a first offer, and for the resolution.
    median_to_first_offer: timedelta | None = None
    median_to_resolution: timedelta | None = None


@dataclass(frozen=True)
class CohortHelpFigures:
    requests: int = 0
    open: int = 0
    claimed: int = 0
    resolved: int = 0
    closed: int = 0
    helpers: int = 0
    median_to_first_offer: timedelta | None = None
    median_to_resolution: timedelta | None = None


def _median(durations: list[timedelta]) -> timedelta | None:
    return timedelta(seconds=median(d.total_seconds() for d in durations)) if durations else None


def to_first_offer(request: HelpRequest) -> timedelta | None:
    return request.first_offer_at - request.created_at if request.first_offer_at else None


def to_resolution(request: HelpRequest) -> timedelta | None:
    if request.status is not HelpStatus.RESOLVED or request.ended_at is None:
        return None
    return request.ended_at - request.created_at


def _in_period(
    requests: Iterable[HelpRequest], since: datetime | None, until: datetime | None
) -> list[HelpRequest]:
    return [
        r
        for r in requests
        if (since is None or r.created_at >= since) and (until is None or r.created_at < until)
    ]


def figures_of(user_id: str, requests: Iterable[HelpRequest], offers: Iterable[Offer]) -> HelpFigures:
    requests = list(requests)
    return fellow_figures(requests, offers, [user_id]).get(user_id, HelpFigures())


def fellow_figures(
    requests: Iterable[HelpRequest],
    offers: Iterable[Offer],
    people: Iterable[str] = (),
    since: datetime | None = None,
    until: datetime | None = None,
) -> dict[str, HelpFigures]:
    """Per person (everyone who asked or offered, plus `people`), over the requests asked in [since, until)."""
    by_id = {r.id: r for r in _in_period(requests, since, until)}
    offers = [offer for offer in offers if offer.request_id in by_id]
    everyone = dict.fromkeys([*people, *(r.asker for r in by_id.values()), *(o.helper for o in offers)])
    credited = {(o.request_id, o.helper) for o in offers if o.credited}
    figures = {}
    for user_id in everyone:
        asked = [r for r in by_id.values() if r.asker == user_id]
        mine = [o for o in offers if o.helper == user_id]
        figures[user_id] = HelpFigures(
            asked=len(asked),
            offers=len(mine),
            helps_given=sum(
                1
                for o in mine
                if (o.request_id, user_id) in credited and by_id[o.request_id].status is HelpStatus.RESOLVED
            ),
            helps_received=sum(
                1
                for r in asked
                if r.status is HelpStatus.RESOLVED and any(request_id == r.id for request_id, _ in credited)
            ),
            median_to_first_offer=_median([d for r in asked if (d := to_first_offer(r)) is not None]),
            median_to_resolution=_median([d for r in asked if (d := to_resolution(r)) is not None]),
        )
    return figures


def cohort_figures(
    requests: Iterable[HelpRequest],
    offers: Iterable[Offer],
    since: datetime | None = None,
    until: datetime | None = None,
) -> CohortHelpFigures:
    requests = _in_period(requests, since, until)
    ids = {r.id for r in requests}
    count = {status: sum(1 for r in requests if r.status is status) for status in HelpStatus}
    return CohortHelpFigures(
        requests=len(requests),
        open=count[HelpStatus.OPEN],
        claimed=count[HelpStatus.CLAIMED],
        resolved=count[HelpStatus.RESOLVED],
        closed=count[HelpStatus.CLOSED],
        helpers=len({o.helper for o in offers if o.request_id in ids and o.credited}),
        median_to_first_offer=_median([d for r in requests if (d := to_first_offer(r)) is not None]),
        median_to_resolution=_median([d for r in requests if (d := to_resolution(r)) is not None]),
    )


def minutes(duration: timedelta | None) -> int | None:
    return round(duration.total_seconds() / 60) if duration is not None else None

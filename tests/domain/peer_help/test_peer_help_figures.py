"""Help figures: helps given and received, the waits for a first offer and for the resolution."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from domain.peer_help.figures import HelpFigures, cohort_figures, fellow_figures, figures_of, minutes
from domain.peer_help.records import HelpRequest, HelpStatus, Offer

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _request(request_id, asker, status, *, offer_after=None, ended_after=None, day=0):
    created = T0 + timedelta(days=day)
    return HelpRequest(
        request_id,
        1,
        asker,
        f"r{request_id}",
        "",
        ("python",),
        status,
        created,
        first_offer_at=created + offer_after if offer_after else None,
        ended_at=created + ended_after if ended_after else None,
    )


REQUESTS = [
    _request(1, "UANA", HelpStatus.RESOLVED, offer_after=timedelta(hours=1), ended_after=timedelta(hours=5)),
    _request(2, "UANA", HelpStatus.CLAIMED, offer_after=timedelta(hours=3)),
    _request(
        3,
        "UBEN",
        HelpStatus.RESOLVED,
        offer_after=timedelta(minutes=10),
        ended_after=timedelta(days=2),
        day=7,
    ),
    _request(4, "UBEN", HelpStatus.CLOSED, ended_after=timedelta(days=1), day=8),
    _request(5, "UCHLOE", HelpStatus.RESOLVED, ended_after=timedelta(hours=1), day=8),
]
OFFERS = [
    Offer(1, "UBEN", T0, credited=True),
    Offer(1, "UCHLOE", T0, credited=False),
    Offer(2, "UBEN", T0),
    Offer(3, "UANA", T0, credited=True),
]


def test_each_fellow_s_helps_given_and_received():
    figures = fellow_figures(REQUESTS, OFFERS, people=["UDAVID"])
    assert figures["UBEN"] == HelpFigures(
        asked=2,
        offers=2,
        helps_given=1,
        helps_received=1,
        median_to_first_offer=timedelta(minutes=10),
        median_to_resolution=timedelta(days=2),
    )
    assert figures["UANA"] == HelpFigures(
        asked=2,
        offers=1,
        helps_given=1,
        helps_received=1,
        median_to_first_offer=timedelta(hours=2),
        median_to_resolution=timedelta(hours=5),
    )
    assert figures["UCHLOE"].helps_given == 0, "an offer not credited is not a help given"
    assert figures["UCHLOE"].helps_received == 0, "resolved without any helper credited"
    assert figures["UDAVID"] == HelpFigures()


def test_a_period_counts_the_requests_asked_in_it():
    week2 = fellow_figures(REQUESTS, OFFERS, since=T0 + timedelta(days=7), until=T0 + timedelta(days=14))
    assert set(week2) == {"UBEN", "UCHLOE", "UANA"}
    assert week2["UANA"].helps_given == 1 and week2["UANA"].asked == 0
    assert figures_of("UDAVID", REQUESTS, OFFERS) == HelpFigures()


def test_the_cohort_figures():
    figures = cohort_figures(REQUESTS, OFFERS)
    assert (figures.requests, figures.open, figures.claimed, figures.resolved, figures.closed) == (
        5,
        0,
        1,
        3,
        1,
    )
    assert figures.helpers == 2
    assert figures.median_to_first_offer == timedelta(hours=1)
    assert figures.median_to_resolution == timedelta(hours=5)
    assert cohort_figures([], []).median_to_resolution is None


def test_minutes_for_the_export():
    assert minutes(timedelta(hours=1, seconds=40)) == 61
    assert minutes(None) is None

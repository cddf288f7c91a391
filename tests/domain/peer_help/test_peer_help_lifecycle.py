"""A request's life: open → claimed → resolved with credit, or closed; and every refusal changes nothing."""

from __future__ import annotations

import pytest

from domain.cohorts.model import Role
from domain.cohorts.permissions import NotAllowed
from domain.messages import DomainError
from domain.peer_help.drafts import HelpDraft
from domain.peer_help.lifecycle import (
    ENDED,
    NOT_IN_COHORT,
    NOT_YOUR_COHORT,
    NOT_YOURS,
    OWN_REQUEST,
    UNKNOWN_REQUEST,
    ask,
    close,
    may_end,
)
from domain.peer_help.records import HelpStatus
from tests.domain.peer_help import peer_help_world
from tests.domain.peer_help.peer_help_world import World

world = peer_help_world.world  # a fixture, found by name


@pytest.fixture
def eig7(world: World) -> int:
    cohort = world.cohort("eig7")
    world.members(cohort, "UANA", "UBEN", "UCHLOE", "UDAVID")
    world.members(cohort, "UCOADMIN", role=Role.ADMIN)
    world.knows("UBEN", "python")
    return cohort


def _state(world: World, request_id: int):
    with world.uow() as uow:
        return uow.help.get(request_id), uow.help.offers(request_id), uow.skills.evidence(["python"])


def test_helpers_claim_the_request_and_the_first_offer_time_is_kept(world: World, eig7):
    request = world.ask("UANA", "Tests lents", skills="python").view.request
    assert request.status is HelpStatus.OPEN and request.cohort_id == eig7
    world.later(hours=2)
    first = world.offer("UBEN", request.id)
    assert first.new and first.view.request.status is HelpStatus.CLAIMED
    assert first.view.request.first_offer_at == world.now
    world.later(minutes=5)
    second = world.offer("UCHLOE", request.id)
    assert second.view.helpers == ("UBEN", "UCHLOE")
    assert second.view.request.first_offer_at == first.view.request.first_offer_at


def test_a_double_click_on_offer_counts_once(world: World, eig7):
    request_id = world.ask("UANA", "Tests lents", skills="python").view.request.id
    assert world.offer("UBEN", request_id).new
    again = world.offer("UBEN", request_id)
    assert not again.new and again.view.helpers == ("UBEN",)


def test_resolving_credits_the_helpers_named_with_the_skills_needed(world: World, eig7):
    request_id = world.ask("UANA", "Tests lents", skills="python").view.request.id
    world.offer("UBEN", request_id)
    world.offer("UCHLOE", request_id)
    world.later(hours=3)
    view = world.resolve("UANA", request_id, credited=["UBEN", "UDAVID"], thanks="  Merci !  ")
    assert view.request.status is HelpStatus.RESOLVED and view.request.thanks == "Merci !"
    assert view.credited == ("UBEN",), "only those who offered can be credited"
    request, offers, evidence = _state(world, request_id)
    assert request.ended_by == "UANA" and request.ended_at == world.now
    assert evidence == [("UBEN", "python", "help")]


def test_a_cohort_admin_or_the_program_team_may_resolve_or_close_someone_else_s_request(world: World, eig7):
    first = world.ask("UANA", "Un", skills="python").view.request.id
    second = world.ask("UANA", "Deux", skills="python").view.request.id
    assert world.resolve("UCOADMIN", first, credited=[]).request.ended_by == "UCOADMIN"
    assert world.run(close, world.actor("UADMIN"), second).request.status is HelpStatus.CLOSED


@pytest.mark.parametrize("who, use_case", [("UBEN", "resolve"), ("UCHLOE", "close")])
def test_someone_else_cannot_resolve_or_close_a_request(world: World, eig7, who, use_case):
    request_id = world.ask("UANA", "Tests lents", skills="python").view.request.id
    world.offer("UBEN", request_id)
    before = _state(world, request_id)
    with pytest.raises(NotAllowed) as refused:
        world.resolve(who, request_id) if use_case == "resolve" else world.run(
            close, world.actor(who), request_id
        )
    assert refused.value.message == NOT_YOURS
    assert _state(world, request_id) == before


def test_the_asker_cannot_offer_help_on_their_own_request(world: World, eig7):
    request_id = world.ask("UANA", "Tests lents", skills="python").view.request.id
    with pytest.raises(DomainError) as refused:
        world.offer("UANA", request_id)
    assert refused.value.message == OWN_REQUEST
    assert _state(world, request_id)[1] == []


@pytest.mark.parametrize("ending", [HelpStatus.RESOLVED, HelpStatus.CLOSED])
def test_nothing_can_be_done_on_an_ended_request(world: World, eig7, ending):
    request_id = world.ask("UANA", "Tests lents", skills="python").view.request.id
    world.offer("UBEN", request_id)
    if ending is HelpStatus.RESOLVED:
        world.resolve("UANA", request_id)
    else:
        world.run(close, world.actor("UANA"), request_id)
    before = _state(world, request_id)
    for act in (
        lambda: world.offer("UCHLOE", request_id),
        lambda: world.resolve("UANA", request_id),
        lambda: world.run(close, world.actor("UANA"), request_id),
        lambda: world.read(may_end, world.actor("UANA"), request_id),
    ):
        with pytest.raises(DomainError) as refused:
            act()
        assert refused.value.message == ENDED[ending]
    assert _state(world, request_id) == before


def test_an_unknown_request_is_said_so(world: World, eig7):
    for request_id in (999, None):
        with pytest.raises(DomainError) as refused:
            world.offer("UBEN", request_id)
        assert refused.value.message == UNKNOWN_REQUEST


def test_someone_in_no_running_cohort_has_nobody_to_ask(world: World, eig7):
    with pytest.raises(DomainError) as refused:
        world.run(ask, world.actor("UOUT"), HelpDraft("Aide"), "ask", away=world.away)
    assert refused.value.message == NOT_IN_COHORT


def test_the_request_goes_to_the_cohort_chosen_or_the_most_recent(world: World, eig7):
    eig8 = world.cohort("eig8", "C200")
    world.members(eig8, "UANA")
    assert world.ask("UANA", "Par défaut").view.cohort.id == eig8
    chosen = world.ask("UANA", "Choisie", cohort_id=eig7).view
    assert (chosen.cohort.id, chosen.channel_id) == (eig7, "C100")
    # A cohort she is not in (another's, or none): refused, nothing asked.
    eig9 = world.cohort("eig9", "C300")
    for elsewhere in (eig9, 12345):
        with pytest.raises(NotAllowed) as refused:
            world.ask("UANA", "Ailleurs", cohort_id=elsewhere)
        assert refused.value.message == NOT_YOUR_COHORT


def test_asking_again_closes_the_earlier_request_of_the_same_asker_only(world: World, eig7):
    old = world.ask("UANA", "Premier essai", skills="python").view.request.id
    other = world.ask("UCHLOE", "Autre", skills="python").view.request.id
    again = world.ask("UANA", "Deuxième essai", skills="python", origin="reask", replaces=old)
    assert again.replaced.request.id == old and again.replaced.request.status is HelpStatus.CLOSED
    assert world.ask("UANA", "Pas à moi", replaces=other).replaced is None
    assert _state(world, other)[0].status is HelpStatus.OPEN

"""Seats first come, first served; a waitlist beyond them; a seat given up goes to the next in line."""

from __future__ import annotations

from datetime import timedelta

import pytest

from domain.cohorts.permissions import NotAllowed
from domain.messages import DomainError
from domain.trainings.model import SessionStatus, SignupStatus
from domain.trainings.signups import Outcome, promote_waitlisted, sign_up, withdraw
from tests.domain.trainings.training_fakes import NOW, TrainingStoreFake, a_proposal, actor


@pytest.fixture
def store():
    return TrainingStoreFake()


def announced(store, capacity=2, starts_in=timedelta(days=3), facilitator="UANA"):
    return store.trainings.add(
        1, facilitator, a_proposal(starts_in, capacity), SessionStatus.ANNOUNCED, NOW
    ).id


def statuses(store, session_id):
    return {s.user_id: s.status for s in store.trainings.signups([session_id])}


def test_seats_go_first_come_first_served_then_the_waitlist(store):
    session_id = announced(store, capacity=2)
    first, second, third = (sign_up(store, actor(u), session_id) for u in ("UBEN", "UCHLOE", "UDAVID"))
    assert (first.outcome, second.outcome, third.outcome) == (
        Outcome.CONFIRMED,
        Outcome.CONFIRMED,
        Outcome.WAITLISTED,
    )
    assert third.position == 1
    assert third.view.confirmed == ("UBEN", "UCHLOE") and third.view.waitlisted == ("UDAVID",)
    assert store.trainings.get(session_id).seats_taken == 2


def test_every_change_takes_the_sessions_lock(store):
    session_id = announced(store)
    sign_up(store, actor("UBEN"), session_id)
    withdraw(store, actor("UBEN"), session_id)
    assert store.trainings.locked == [session_id, session_id]


def test_clicking_again_changes_nothing_and_says_where_one_stands(store):
    session_id = announced(store, capacity=1)
    sign_up(store, actor("UBEN"), session_id)
    sign_up(store, actor("UCHLOE"), session_id)
    sign_up(store, actor("UDAVID"), session_id)
    again = [sign_up(store, actor("UBEN"), session_id) for _ in range(2)]
    waiting = sign_up(store, actor("UDAVID"), session_id)
    assert {r.outcome for r in again} == {Outcome.ALREADY_CONFIRMED} and not again[0].changed
    assert (waiting.outcome, waiting.position) == (Outcome.ALREADY_WAITLISTED, 2)
    assert store.trainings.get(session_id).seats_taken == 1
    assert len(store.trainings.signups([session_id])) == 3


def test_a_cancelled_seat_goes_to_the_first_in_line(store):
    session_id = announced(store, capacity=2)
    for user in ("UBEN", "UCHLOE", "UDAVID", "UCOADMIN"):
        sign_up(store, actor(user), session_id)
    gone = withdraw(store, actor("UBEN"), session_id)
    assert gone.had_seat and gone.promoted == ("UDAVID",)
    assert gone.view.confirmed == ("UCHLOE", "UDAVID") and gone.view.waitlisted == ("UCOADMIN",)
    assert store.trainings.get(session_id).seats_taken == 2


def test_leaving_the_waitlist_frees_no_seat(store):
    session_id = announced(store, capacity=1)
    sign_up(store, actor("UBEN"), session_id)
    sign_up(store, actor("UCHLOE"), session_id)
    gone = withdraw(store, actor("UCHLOE"), session_id)
    assert not gone.had_seat and gone.promoted == ()
    assert statuses(store, session_id) == {"UBEN": SignupStatus.CONFIRMED, "UCHLOE": SignupStatus.CANCELLED}


def test_signing_up_again_after_cancelling_joins_the_end_of_the_line(store):
    session_id = announced(store, capacity=1)
    sign_up(store, actor("UBEN"), session_id)
    sign_up(store, actor("UCHLOE"), session_id)
    withdraw(store, actor("UCHLOE"), session_id)
    sign_up(store, actor("UDAVID"), session_id)
    back = sign_up(store, actor("UCHLOE"), session_id)
    assert (back.outcome, back.position) == (Outcome.WAITLISTED, 2)


def test_the_facilitator_cannot_sign_up_to_their_own_session(store):
    session_id = announced(store, facilitator="UANA")
    with pytest.raises(DomainError) as refused:
        sign_up(store, actor("UANA"), session_id)
    assert "facilitate" in refused.value.message
    with pytest.raises(DomainError, match="to call it off"):
        withdraw(store, actor("UANA"), session_id)


def test_sign_ups_close_when_the_session_starts(store):
    session_id = announced(store, starts_in=timedelta(hours=1))
    with pytest.raises(DomainError, match="closed"):
        sign_up(store, actor("UBEN", NOW + timedelta(hours=1)), session_id)
    sign_up(store, actor("UBEN", NOW + timedelta(minutes=59)), session_id)
    with pytest.raises(DomainError, match="closed"):
        withdraw(store, actor("UBEN", NOW + timedelta(hours=2)), session_id)


def test_only_announced_sessions_take_sign_ups(store):
    pending = store.trainings.add(1, "UANA", a_proposal(), SessionStatus.PENDING, NOW).id
    with pytest.raises(DomainError, match="not open"):
        sign_up(store, actor("UBEN"), pending)
    with pytest.raises(DomainError, match="no longer exists"):
        sign_up(store, actor("UBEN"), 404)


def test_someone_outside_the_cohort_is_refused(store):
    session_id = announced(store)
    with pytest.raises(NotAllowed):
        sign_up(store, actor("USTRANGER"), session_id)
    assert sign_up(store, actor("UPROG"), session_id).outcome is Outcome.CONFIRMED  # the program team


def test_not_signed_up_cannot_cancel(store):
    session_id = announced(store)
    with pytest.raises(DomainError, match="not signed up"):
        withdraw(store, actor("UBEN"), session_id)


def test_more_seats_promote_as_many_people_in_order(store):
    session_id = announced(store, capacity=1)
    for user in ("UBEN", "UCHLOE", "UDAVID", "UCOADMIN"):
        sign_up(store, actor(user), session_id)
    store.trainings.revise(session_id, a_proposal(capacity=3), 0)
    assert promote_waitlisted(store, store.trainings.get(session_id), NOW) == ("UCHLOE", "UDAVID")
    assert store.trainings.get(session_id).seats_taken == 3

"""Proposing, approving, changing, calling off and listing sessions."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest

from domain.cohorts.permissions import NotAllowed
from domain.messages import DomainError
from domain.trainings.access import proposal_cohorts
from domain.trainings.model import SessionStatus, SignupStatus
from domain.trainings.sessions import (
    cancel_session,
    decide,
    editable,
    my_sessions,
    proposal_target,
    propose,
    revise,
    upcoming_sessions,
)
from domain.trainings.signups import sign_up
from tests.domain.trainings.training_fakes import NOW, TrainingStoreFake, a_proposal, actor


@pytest.fixture
def store():
    return TrainingStoreFake()


def test_a_proposal_is_announced_at_once_by_default(store):
    proposed = propose(store, actor("UANA"), 1, a_proposal())
    assert proposed.view.session.status is SessionStatus.ANNOUNCED and proposed.approvers == ()
    assert proposed.view.session.announced_at == NOW and proposed.view.session.facilitator == "UANA"


def test_with_approval_on_it_waits_for_the_cohort_admins(store):
    store.trainings.set_approval(1, True)
    proposed = propose(store, actor("UANA"), 1, a_proposal())
    assert proposed.view.session.status is SessionStatus.PENDING
    assert proposed.approvers == ("UCOADMIN",)
    assert propose(store, actor("UCOADMIN"), 1, a_proposal()).view.session.status is SessionStatus.ANNOUNCED


def test_a_cohort_without_admins_leaves_approval_to_the_program_team(store):
    store.trainings.set_approval(1, True)
    store.members.rows = [m for m in store.members.rows if m.user_id != "UCOADMIN"]
    assert propose(store, actor("UANA"), 1, a_proposal()).approvers == ("UPROG",)


def test_only_members_propose_and_only_in_a_running_cohort(store):
    with pytest.raises(NotAllowed):
        propose(store, actor("USTRANGER"), 1, a_proposal())
    store.cohorts.archive(1, NOW)
    with pytest.raises(DomainError, match="archived"):
        propose(store, actor("UANA"), 1, a_proposal())


def test_an_admin_approves_or_turns_down_once(store):
    store.trainings.set_approval(1, True)
    first = propose(store, actor("UANA"), 1, a_proposal()).view.session.id
    second = propose(store, actor("UBEN"), 1, a_proposal()).view.session.id
    with pytest.raises(NotAllowed):
        decide(store, actor("UCHLOE"), first, True)
    approved = decide(store, actor("UCOADMIN"), first, True)
    assert approved.session.status is SessionStatus.ANNOUNCED and approved.session.announced_at == NOW
    with pytest.raises(DomainError, match="already been approved"):
        decide(store, actor("UPROG"), first, False)
    assert decide(store, actor("UPROG"), second, False).session.status is SessionStatus.REJECTED
    with pytest.raises(DomainError, match="turned down"):
        decide(store, actor("UCOADMIN"), second, True)


def test_a_session_whose_start_has_passed_cannot_be_approved(store):
    store.trainings.set_approval(1, True)
    session_id = propose(store, actor("UANA"), 1, a_proposal(timedelta(hours=2))).view.session.id
    with pytest.raises(DomainError, match="passed"):
        decide(store, actor("UCOADMIN", NOW + timedelta(hours=3)), session_id, True)


def test_a_change_of_time_is_a_new_calendar_version_a_change_of_seats_is_not(store):
    session_id = propose(store, actor("UANA"), 1, a_proposal()).view.session.id
    more_seats = revise(store, actor("UANA"), session_id, a_proposal(capacity=5))
    assert not more_seats.rescheduled and more_seats.view.session.sequence == 0
    moved = revise(store, actor("UCOADMIN"), session_id, a_proposal(timedelta(days=4), capacity=5))
    assert moved.rescheduled and moved.view.session.sequence == 1
    assert moved.view.session.starts_at == NOW + timedelta(days=4)


def test_only_the_facilitator_or_an_admin_changes_a_session(store):
    session_id = propose(store, actor("UANA"), 1, a_proposal()).view.session.id
    with pytest.raises(NotAllowed):
        revise(store, actor("UBEN"), session_id, a_proposal())
    with pytest.raises(NotAllowed):
        cancel_session(store, actor("UBEN"), session_id)
    assert editable(store, actor("UPROG"), session_id).session.id == session_id


def test_seats_cannot_drop_below_the_people_who_have_one(store):
    session_id = propose(store, actor("UANA"), 1, a_proposal(capacity=3)).view.session.id
    for user in ("UBEN", "UCHLOE"):
        sign_up(store, actor(user), session_id)
    with pytest.raises(DomainError, match="keep at least"):
        revise(store, actor("UANA"), session_id, a_proposal(capacity=1))


def test_more_seats_promote_the_waitlist(store):
    session_id = propose(store, actor("UANA"), 1, a_proposal(capacity=1)).view.session.id
    for user in ("UBEN", "UCHLOE", "UDAVID"):
        sign_up(store, actor(user), session_id)
    revised = revise(store, actor("UANA"), session_id, a_proposal(capacity=2))
    assert revised.promoted == ("UCHLOE",) and revised.view.waitlisted == ("UDAVID",)


def test_a_session_called_off_tells_who_to_warn_and_cannot_change_again(store):
    session_id = propose(store, actor("UANA"), 1, a_proposal(capacity=1)).view.session.id
    for user in ("UBEN", "UCHLOE"):
        sign_up(store, actor(user), session_id)
    off = cancel_session(store, actor("UCOADMIN"), session_id)
    assert off.session.status is SessionStatus.CANCELLED and off.session.sequence == 1
    assert (off.confirmed, off.waitlisted) == (("UBEN",), ("UCHLOE",))
    with pytest.raises(DomainError, match="cancelled"):
        cancel_session(store, actor("UANA"), session_id)
    with pytest.raises(DomainError, match="not open"):
        sign_up(store, actor("UDAVID"), session_id)


def test_a_started_session_can_no_longer_change(store):
    session_id = propose(store, actor("UANA"), 1, a_proposal(timedelta(hours=1))).view.session.id
    with pytest.raises(DomainError, match="already started"):
        cancel_session(store, actor("UANA", NOW + timedelta(hours=1)), session_id)


def test_upcoming_lists_open_sessions_of_my_cohorts_with_my_place(store):
    first = propose(store, actor("UANA"), 1, a_proposal(timedelta(days=2), capacity=1)).view.session.id
    propose(store, actor("UBEN"), 1, a_proposal(timedelta(days=1)))
    store.trainings.set_approval(1, True)
    propose(store, actor("UCHLOE"), 1, a_proposal())  # pending: not listed
    sign_up(store, actor("UDAVID"), first)
    sign_up(store, actor("UCHLOE"), first)
    listed = upcoming_sessions(store, actor("UCHLOE"), 10)
    assert [item.session.facilitator for item in listed] == ["UBEN", "UANA"]
    assert (listed[1].my_status, listed[1].position) == (SignupStatus.WAITLISTED, 1)
    assert upcoming_sessions(store, actor("USTRANGER"), 10) == []
    assert [i.can_run for i in upcoming_sessions(store, actor("UCOADMIN"), 10)] == [True, True]


def test_mine_lists_what_i_facilitate_and_what_i_signed_up_to(store):
    mine = propose(store, actor("UANA"), 1, a_proposal(timedelta(days=2))).view.session.id
    theirs = propose(store, actor("UBEN"), 1, a_proposal(timedelta(days=1))).view.session.id
    propose(store, actor("UCHLOE"), 1, a_proposal())
    sign_up(store, actor("UANA"), theirs)
    listed = my_sessions(store, actor("UANA"))
    assert [(i.session.id, i.facilitating, i.my_status) for i in listed] == [
        (theirs, False, SignupStatus.CONFIRMED),
        (mine, True, None),
    ]
    assert my_sessions(store, actor("UANA", NOW + timedelta(days=5))) == []


def test_where_to_propose(store):
    other = store.cohorts.add(dataclasses.replace(store.cohort, name="eig8"), "C200", NOW)
    store.members.add_many([dataclasses.replace(store.members.rows[0], cohort_id=other.id)], NOW)
    assert [c.name for c in proposal_cohorts(store, actor("UANA"), "C200")] == ["eig8"]
    assert [c.name for c in proposal_cohorts(store, actor("UANA"), "DXYZ")] == ["eig7", "eig8"]
    with pytest.raises(DomainError, match="not a member"):
        proposal_cohorts(store, actor("USTRANGER"), "C100")
    with pytest.raises(DomainError, match="Pick the cohort"):
        proposal_target(store, actor("UANA"), [1, other.id], None, None)
    assert proposal_target(store, actor("UANA"), [1, other.id], other.id, None)[0].name == "eig8"

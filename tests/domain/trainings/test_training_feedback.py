"""Feedback after the session, from those who had a seat, summed up without names."""

from __future__ import annotations

from datetime import timedelta

import pytest

from domain.messages import DomainError
from domain.trainings.access import session_view
from domain.trainings.due import FEEDBACK_OPEN
from domain.trainings.feedback import give_feedback, summarize
from domain.trainings.model import SessionStatus
from domain.trainings.sessions import cancel_session
from domain.trainings.signups import sign_up
from tests.domain.trainings.training_fakes import NOW, TrainingStoreFake, a_proposal, actor

AFTER = NOW + timedelta(days=3, hours=1)  # the session (3 days from NOW, one hour) is over


@pytest.fixture
def store():
    return TrainingStoreFake()


@pytest.fixture
def session_id(store):
    session_id = store.trainings.add(1, "UANA", a_proposal(capacity=2), SessionStatus.ANNOUNCED, NOW).id
    for user in ("UBEN", "UCHLOE", "UDAVID"):
        sign_up(store, actor(user), session_id)
    return session_id


def summary_of(store, session_id):
    view = session_view(store, store.trainings.get(session_id))
    return summarize(view, store.trainings.feedback([session_id]))


def test_attendees_give_feedback_once_it_is_over_and_the_summary_counts_it(store, session_id):
    give_feedback(store, actor("UBEN", AFTER), session_id, 4, "Très clair")
    give_feedback(store, actor("UCHLOE", AFTER + timedelta(minutes=1)), session_id, 5, "")
    summary = summary_of(store, session_id)
    assert (summary.count, summary.attendees, summary.average) == (2, 2, 4.5)
    assert summary.ratings == {1: 0, 2: 0, 3: 0, 4: 1, 5: 1}
    assert summary.comments == ("Très clair",)


def test_a_second_answer_replaces_the_first(store, session_id):
    give_feedback(store, actor("UBEN", AFTER), session_id, 2, "bof")
    give_feedback(store, actor("UBEN", AFTER + timedelta(minutes=5)), session_id, 5, "finalement top")
    summary = summary_of(store, session_id)
    assert (summary.count, summary.average, summary.comments) == (1, 5, ("finalement top",))


@pytest.mark.parametrize(
    ("user", "when", "words"),
    [
        ("UBEN", NOW + timedelta(days=3, minutes=30), "not over"),
        ("UDAVID", AFTER, "had a seat"),  # still on the waitlist
        ("UANA", AFTER, "had a seat"),  # the facilitator
        ("UBEN", AFTER + FEEDBACK_OPEN, "closed"),
    ],
)
def test_who_may_give_feedback_and_when(store, session_id, user, when, words):
    with pytest.raises(DomainError, match=words):
        give_feedback(store, actor(user, when), session_id, 3, "")


def test_no_feedback_on_a_session_called_off(store, session_id):
    cancel_session(store, actor("UANA"), session_id)
    with pytest.raises(DomainError, match="did not take place"):
        give_feedback(store, actor("UBEN", AFTER), session_id, 3, "")

"""The training repository on a real database (SQLite, and PostgreSQL when TEST_DATABASE_URL is set)."""

from __future__ import annotations

import io
import json
from argparse import Namespace
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from bot import export
from domain.cohorts.model import NewCohort
from domain.trainings.model import Feedback, Proposal, SessionStatus, SignupStatus
from storage.db import make_session_factory
from storage.trainings.tables import TrainingSessionRow
from storage.uow import SqlUnitOfWork

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def proposal(starts_in=timedelta(days=3), capacity=2, title="Pandas pour débuter") -> Proposal:
    return Proposal(title, "Lire et grouper.", NOW + starts_in, 90, capacity, "https://visio.example.org/x")


@pytest.fixture
def uow(engine):
    factory = make_session_factory(engine)
    return lambda: SqlUnitOfWork(factory)


@pytest.fixture
def cohort_id(uow):
    with uow() as store:
        cohort = store.cohorts.add(
            NewCohort("eig7", "Europe/Paris", "fr", "FR", date(2026, 1, 5), None), "C100", NOW
        )
        store.commit()
    return cohort.id


def add(uow, cohort_id, status=SessionStatus.ANNOUNCED, **kwargs) -> int:
    with uow() as store:
        session = store.trainings.add(cohort_id, "UANA", proposal(**kwargs), status, NOW)
        store.commit()
    return session.id


def test_a_session_comes_back_as_stored(uow, cohort_id):
    session_id = add(uow, cohort_id)
    with uow() as store:
        session = store.trainings.get(session_id, lock=True)
    assert (session.title, session.starts_at, session.ends_at, session.capacity, session.seats_left) == (
        "Pandas pour débuter",
        NOW + timedelta(days=3),
        NOW + timedelta(days=3, minutes=90),
        2,
        2,
    )
    assert session.status is SessionStatus.ANNOUNCED and session.announced_at == NOW
    assert session.location_is_link and session.sequence == 0


def test_seats_never_exceed_the_capacity(uow, cohort_id):
    session_id = add(uow, cohort_id, capacity=2)
    with uow() as store:
        taken = [store.trainings.take_seat(session_id) for _ in range(3)]
        released = [store.trainings.release_seat(session_id) for _ in range(3)]
        store.commit()
    assert taken == [True, True, False] and released == [True, True, False]


def test_the_database_itself_refuses_more_seats_than_the_capacity(uow, cohort_id):
    session_id = add(uow, cohort_id, capacity=2)
    with uow() as store, pytest.raises(IntegrityError):
        store.session.execute(
            update(TrainingSessionRow).where(TrainingSessionRow.id == session_id).values(seats_taken=3)
        )
        store.session.flush()


def test_sign_ups_queue_and_a_returning_person_goes_to_the_end(uow, cohort_id):
    session_id = add(uow, cohort_id)
    with uow() as store:
        for user in ("UBEN", "UCHLOE", "UDAVID"):
            store.trainings.join(session_id, user, SignupStatus.WAITLISTED, NOW)
        store.trainings.set_signup_status(session_id, "UBEN", SignupStatus.CANCELLED, NOW)
        back = store.trainings.join(session_id, "UBEN", SignupStatus.WAITLISTED, NOW + timedelta(minutes=1))
        store.commit()
    with uow() as store:
        rows = store.trainings.signups([session_id])
        mine = store.trainings.signups_of_user("UBEN", [session_id, 999])
    assert [(s.user_id, s.queue_no) for s in rows] == [("UCHLOE", 2), ("UDAVID", 3), ("UBEN", 4)]
    assert back.queue_no == 4 and back.queued_at == NOW + timedelta(minutes=1)
    assert list(mine) == [session_id]


def test_revise_status_and_announcement(uow, cohort_id):
    session_id = add(uow, cohort_id, status=SessionStatus.PENDING)
    with uow() as store:
        assert store.trainings.get(session_id).announced_at is None
        store.trainings.revise(session_id, proposal(timedelta(days=4), 5, "SQL"), 1)
        store.trainings.set_status(session_id, SessionStatus.ANNOUNCED, NOW + timedelta(hours=1))
        store.trainings.set_announcement(session_id, "C100", "17.1")
        cancelled = store.trainings.set_status(session_id, SessionStatus.CANCELLED, NOW + timedelta(hours=2))
        store.commit()
    assert (cancelled.title, cancelled.capacity, cancelled.sequence, cancelled.announced_at) == (
        "SQL",
        5,
        2,
        NOW + timedelta(hours=1),
    )
    assert (cancelled.announce_channel, cancelled.announce_ts) == ("C100", "17.1")


def test_the_lists_the_use_cases_ask_for(uow, cohort_id):
    soon = add(uow, cohort_id, starts_in=timedelta(days=1))
    later = add(uow, cohort_id, starts_in=timedelta(days=5))
    pending = add(uow, cohort_id, status=SessionStatus.PENDING)
    past = add(uow, cohort_id, starts_in=timedelta(hours=-3))
    with uow() as store:
        store.trainings.join(past, "UBEN", SignupStatus.CONFIRMED, NOW)
        store.trainings.join(later, "UBEN", SignupStatus.WAITLISTED, NOW)
        store.commit()
    with uow() as store:
        assert [s.id for s in store.trainings.upcoming([cohort_id], NOW, 10)] == [soon, later]
        assert [s.id for s in store.trainings.upcoming([cohort_id], NOW, 1)] == [soon]
        assert [s.id for s in store.trainings.upcoming([], NOW, 10)] == []
        assert [s.id for s in store.trainings.involving("UBEN", NOW)] == [later]
        assert [s.id for s in store.trainings.involving("UANA", NOW)] == [soon, pending, later]
        window = store.trainings.announced_between(NOW - timedelta(days=1), NOW + timedelta(days=2))
        assert [s.id for s in window] == [past, soon]
        assert len(store.trainings.of_cohort(cohort_id)) == 4


def test_feedback_is_one_answer_per_person_the_latest(uow, cohort_id):
    session_id = add(uow, cohort_id)
    with uow() as store:
        assert store.trainings.save_feedback(Feedback(session_id, "UBEN", 2, "bof", NOW))
        assert not store.trainings.save_feedback(
            Feedback(session_id, "UBEN", 5, "top", NOW + timedelta(hours=1))
        )
        store.commit()
    with uow() as store:
        assert store.trainings.feedback([session_id]) == [
            Feedback(session_id, "UBEN", 5, "top", NOW + timedelta(hours=1))
        ]


def test_the_approval_setting_per_cohort(uow, cohort_id):
    with uow() as store:
        assert not store.trainings.approval_required(cohort_id)
        store.trainings.set_approval(cohort_id, True)
        store.commit()
    with uow() as store:
        assert store.trainings.approval_required(cohort_id)
        store.trainings.set_approval(cohort_id, False)
        store.commit()
    with uow() as store:
        assert not store.trainings.approval_required(cohort_id)


def test_cohortbot_export_carries_the_trainings(engine, uow, cohort_id):
    session_id = add(uow, cohort_id)
    with uow() as store:
        store.trainings.join(session_id, "UBEN", SignupStatus.CONFIRMED, NOW)
        store.trainings.save_feedback(Feedback(session_id, "UBEN", 4, "Clair", NOW + timedelta(days=4)))
        store.commit()
    out = io.StringIO()
    assert export.run(Namespace(cohort="eig7", format="json", out=None), engine, out) == 0
    history = json.loads(out.getvalue())
    assert [s["title"] for s in history["training_sessions"]] == ["Pandas pour débuter"]
    assert history["training_signups"][0]["slack_id"] == "UBEN"
    # Feedback was promised anonymous: no author, no time of arrival.
    assert history["training_feedback"] == [{"session_id": session_id, "rating": 4, "comment": "Clair"}]

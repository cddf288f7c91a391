"""Repositories against a real database (SQLite, and PostgreSQL when configured)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from domain.scheduling import DeliveryStatus, OccurrenceStatus, PlannedOccurrence
from storage.db import make_session_factory
from storage.uow import SqlUnitOfWork

NOW = datetime(2026, 3, 2, 8, 30, tzinfo=UTC)


def planned(recipients=("U1", "U2")) -> PlannedOccurrence:
    return PlannedOccurrence(
        "demo", "cohort:1", date(2026, 3, 2), NOW, NOW + timedelta(hours=1), recipients, None
    )


def test_event_ids_are_recorded_once(engine):
    factory = make_session_factory(engine)
    with SqlUnitOfWork(factory) as uow:
        assert uow.events.first_time("Ev1", NOW)
        assert not uow.events.first_time("Ev1", NOW)
        uow.commit()
    with SqlUnitOfWork(factory) as uow:
        assert not uow.events.first_time("Ev1", NOW)
        assert uow.events.forget_before(NOW + timedelta(seconds=1)) == 1
        assert uow.events.first_time("Ev1", NOW)


def test_recording_an_occurrence_twice_keeps_one(engine):
    factory = make_session_factory(engine)
    with SqlUnitOfWork(factory) as uow:
        first = uow.schedule.record(planned(), OccurrenceStatus.OPEN, NOW)
        second = uow.schedule.record(planned(("U1", "U2", "U3")), OccurrenceStatus.OPEN, NOW)
        uow.commit()
    assert first.id == second.id
    with SqlUnitOfWork(factory) as uow:
        assert [d.recipient for d in uow.schedule.deliveries(first.id)] == ["U1", "U2", "U3"]


def test_a_claim_is_taken_once(engine):
    factory = make_session_factory(engine)
    with SqlUnitOfWork(factory) as uow:
        occurrence = uow.schedule.record(planned(), OccurrenceStatus.OPEN, NOW)
        delivery = uow.schedule.deliveries(occurrence.id)[0]
        uow.commit()
    with SqlUnitOfWork(factory) as uow:
        assert uow.schedule.claim(delivery.id, "a", NOW)
        uow.commit()
    with SqlUnitOfWork(factory) as uow:
        assert not uow.schedule.claim(delivery.id, "b", NOW)
        uow.schedule.mark_sent(delivery.id, "a", "D1", "1.0001", NOW)
        uow.commit()
    with SqlUnitOfWork(factory) as uow:
        assert uow.schedule.deliveries(occurrence.id, DeliveryStatus.SENT)[0].ts == "1.0001"


def test_uncommitted_work_is_rolled_back(engine):
    factory = make_session_factory(engine)
    with SqlUnitOfWork(factory) as uow:
        uow.schedule.record(planned(), OccurrenceStatus.OPEN, NOW)
    with SqlUnitOfWork(factory) as uow:
        assert uow.schedule.known("demo", [date(2026, 3, 2)]) == {}


def test_times_come_back_as_aware_utc(engine):
    factory = make_session_factory(engine)
    with SqlUnitOfWork(factory) as uow:
        occurrence = uow.schedule.record(planned(), OccurrenceStatus.OPEN, NOW)
        uow.commit()
    with SqlUnitOfWork(factory) as uow:
        again = uow.schedule.occurrence(occurrence.id)
    assert again.due_at == NOW and again.due_at.tzinfo is not None

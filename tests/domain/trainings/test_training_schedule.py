"""What the scheduling core is asked to send about trainings, and when."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from domain.trainings.due import (
    FEEDBACK,
    FEEDBACK_OPEN,
    FEEDBACK_SUMMARY,
    REMINDER_1H,
    REMINDER_24H,
    due_occurrences,
    subject,
)
from domain.trainings.model import SessionStatus
from domain.trainings.signups import sign_up
from tests.domain.trainings.training_fakes import NOW, TrainingStoreFake, a_proposal, actor

START = NOW + timedelta(days=3)  # Thursday 5 March, 09:00 in Paris


@pytest.fixture
def store():
    store = TrainingStoreFake()
    session_id = store.trainings.add(1, "UANA", a_proposal(capacity=2), SessionStatus.ANNOUNCED, NOW).id
    for user in ("UBEN", "UCHLOE", "UDAVID"):
        sign_up(store, actor(user), session_id)
    return store


def test_the_day_before_reminder_goes_to_attendees_and_the_facilitator(store):
    assert due_occurrences(store, REMINDER_24H, START - timedelta(hours=24, minutes=1)) == []
    [due] = due_occurrences(store, REMINDER_24H, START - timedelta(hours=24))
    assert (due.kind, due.subject, due.local_date) == (REMINDER_24H, subject(1), date(2026, 3, 4))
    assert due.due_at == START - timedelta(hours=24) and due.grace_until == START - timedelta(hours=21)
    assert due.recipients == ("UBEN", "UCHLOE", "UANA")  # the waitlisted UDAVID is not reminded
    assert due.payload.attendees == ("UBEN", "UCHLOE") and due.payload.cohort.lang == "fr"


def test_the_hour_before_reminder(store):
    [due] = due_occurrences(store, REMINDER_1H, START - timedelta(minutes=30))
    assert due.due_at == START - timedelta(hours=1) and due.grace_until == START - timedelta(minutes=15)


def test_a_session_announced_after_the_moment_gets_no_such_reminder(store):
    late = store.trainings.add(1, "UBEN", a_proposal(timedelta(hours=5)), SessionStatus.ANNOUNCED, NOW).id
    assert [d.subject for d in due_occurrences(store, REMINDER_24H, NOW + timedelta(minutes=1))] == []
    assert [d.subject for d in due_occurrences(store, REMINDER_1H, NOW + timedelta(hours=4))] == [
        subject(late)
    ]


def test_sessions_called_off_or_waiting_are_never_reminded(store):
    store.trainings.set_status(1, SessionStatus.CANCELLED, NOW)
    store.trainings.add(1, "UBEN", a_proposal(), SessionStatus.PENDING, NOW)
    assert due_occurrences(store, REMINDER_24H, START - timedelta(hours=24)) == []


def test_the_feedback_prompt_follows_the_end_and_needs_attendees(store):
    end = START + timedelta(hours=1)
    assert due_occurrences(store, FEEDBACK, end - timedelta(minutes=1)) == []
    [due] = due_occurrences(store, FEEDBACK, end)
    assert due.due_at == end and due.grace_until == end + timedelta(days=1)
    assert due.payload.attendees == ("UBEN", "UCHLOE") and due.recipients == ("UBEN", "UCHLOE", "UANA")
    store.trainings.add(1, "UBEN", a_proposal(), SessionStatus.ANNOUNCED, NOW)  # nobody signed up
    assert len(due_occurrences(store, FEEDBACK, end)) == 1


def test_the_feedback_summary_goes_to_the_facilitator_alone_when_feedback_closes(store):
    closes = START + timedelta(hours=1) + FEEDBACK_OPEN
    assert due_occurrences(store, FEEDBACK_SUMMARY, closes - timedelta(minutes=1)) == []
    [due] = due_occurrences(store, FEEDBACK_SUMMARY, closes)
    assert due.due_at == closes and due.recipients == ("UANA",)


def test_a_late_tick_still_plans_within_a_day_for_the_core_to_record_as_missed(store):
    [due] = due_occurrences(store, REMINDER_1H, START + timedelta(hours=20))
    assert due.grace_until < START + timedelta(hours=20)
    assert due_occurrences(store, REMINDER_1H, START + timedelta(days=2)) == []


def test_a_session_of_an_archived_cohort_is_not_reminded(store):
    store.cohorts.archive(1, NOW)
    assert due_occurrences(store, REMINDER_24H, START - timedelta(hours=24)) == []

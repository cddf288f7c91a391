"""What the check-in planner hands to the scheduling core, on in-memory repositories."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from domain.checkins.due import MISSED, PROMPT, REMINDER, due_work
from domain.checkins.model import CheckinSchedule, CheckinStatus
from domain.cohorts.admin import create_cohort
from domain.cohorts.commands import Add, Create
from domain.cohorts.membership import add_members
from domain.cohorts.model import MemberProfile, Membership, Role
from domain.cohorts.records import Actor
from domain.scheduling import OccurrenceStatus
from tests.domain.checkins.checkin_fakes import CheckinStore
from tests.domain.fakes import Slack

SET_AT = datetime(2026, 3, 2, 7, 0, tzinfo=UTC)
TUESDAY_10H = datetime(2026, 3, 3, 9, 0, tzinfo=UTC)


@pytest.fixture
def store():
    store, slack = CheckinStore(), Slack()
    slack.channel_named("C1")
    for user_id in ("F1", "M1", "M2", "A1"):
        slack.person(user_id)
    actor = Actor("UADMIN", SET_AT, frozenset({"UADMIN"}))
    create_cohort(store, slack, actor, Create("eig7", "C1"), lambda c: True, "fr")
    add_members(store, slack, actor, Add("eig7", ("F1",), Role.FELLOW, "ia"))
    add_members(store, slack, actor, Add("eig7", ("M1", "M2"), Role.MENTOR, "ia"))
    store.profiles.save(MemberProfile("M2", "m2", lang="en"))
    store.checkins.save_checkin_schedule(
        CheckinSchedule(1, date(2026, 3, 3), every=1, day="tue", updated_at=SET_AT)
    )
    return store


def plan(store, now, program_admins=frozenset({"UADMIN"})):
    """Plans, then records what `deliver_due` would have: open when due, done otherwise."""
    planned = due_work(store, now, None, program_admins)
    for items in planned.values():
        for item in items:
            store.schedule.record(item, OccurrenceStatus.DONE)
    return {kind: [(i.local_date, i.recipients) for i in items] for kind, items in planned.items()}


def test_nothing_before_the_round(store):
    assert plan(store, datetime(2026, 3, 3, 8, 59, tzinfo=UTC)) == {}


def test_the_prompt_goes_to_every_mentor_and_opens_their_checkins(store):
    planned = due_work(store, TUESDAY_10H, None)
    [prompt] = planned[PROMPT]
    assert prompt.recipients == ("M1", "M2") and prompt.subject == "cohort:1"
    assert prompt.payload.cohort.id == 1  # rendered in the cohort's language, whoever reads it
    assert store.checkins.open_mentors(1, date(2026, 3, 3)) == ["M1", "M2"]
    assert planned[MISSED][0].recipients == ()


def test_the_reminder_goes_to_those_still_open(store):
    plan(store, TUESDAY_10H)
    store.checkins.answer(1, "M1", date(2026, 3, 3), None, TUESDAY_10H)
    planned = plan(store, datetime(2026, 3, 5, 9, 0, tzinfo=UTC))
    assert planned[REMINDER] == [(date(2026, 3, 3), ("M2",))]


def test_the_next_round_records_the_missed_ones_and_tells_the_admins(store):
    plan(store, TUESDAY_10H)
    planned = plan(store, datetime(2026, 3, 10, 9, 0, tzinfo=UTC))
    assert planned[MISSED] == [(date(2026, 3, 10), ("UADMIN",))]
    assert [(c.mentor, c.status) for c in store.checkins.missed_at(1, date(2026, 3, 10))] == [
        ("M1", CheckinStatus.MISSED),
        ("M2", CheckinStatus.MISSED),
    ]
    assert store.checkins.open_mentors(1, date(2026, 3, 10)) == ["M1", "M2"]


def test_the_cohort_admins_are_told_before_the_program_team(store):
    store.members.rows.append(Membership(1, "A1", Role.ADMIN, None))
    plan(store, TUESDAY_10H)
    planned = plan(store, datetime(2026, 3, 10, 9, 0, tzinfo=UTC))
    assert planned[MISSED] == [(date(2026, 3, 10), ("A1",))]


def test_done_occurrences_are_not_planned_again(store):
    plan(store, TUESDAY_10H)
    assert plan(store, TUESDAY_10H) == {}

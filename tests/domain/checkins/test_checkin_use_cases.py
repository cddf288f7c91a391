"""The check-in use cases on in-memory repositories: schedules, answers, what fellows share."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from domain.checkins.admin import configure_checkins, configure_digests
from domain.checkins.answers import (
    NOT_MENTOR_HERE,
    OpenForm,
    ShareCommand,
    checkin_form,
    choose_share,
    parse_checkin_text,
    record_answer,
)
from domain.checkins.model import CheckinAnswer, CheckinStatus, Share, check_answer
from domain.cohorts.admin import create_cohort
from domain.cohorts.commands import Add, Create
from domain.cohorts.membership import add_members
from domain.cohorts.model import MemberProfile, Role
from domain.cohorts.permissions import NotAllowed
from domain.cohorts.records import Actor
from domain.messages import DomainError
from domain.ritual_commands import parse_checkin, parse_digest
from tests.domain.checkins.checkin_fakes import CheckinStore
from tests.domain.fakes import Slack

NOW = datetime(2026, 3, 4, 9, 0, tzinfo=UTC)  # a Wednesday
PROGRAM = frozenset({"UADMIN"})


def actor(user_id="UADMIN", now=NOW) -> Actor:
    return Actor(user_id, now, PROGRAM)


@pytest.fixture
def store():
    store, slack = CheckinStore(), Slack()
    slack.channel_named("C1")
    slack.channel_named("C2")
    for user_id in ("F1", "F2", "M1", "M2", "A1"):
        slack.person(user_id)
    create_cohort(store, slack, actor(), Create("eig7", "C1"), lambda c: True, "fr")
    create_cohort(store, slack, actor(), Create("eig8", "C2", lang="en"), lambda c: True, "fr")
    for cohort, users, role, challenge in [
        ("eig7", ("F1", "F2"), Role.FELLOW, "ia"),
        ("eig7", ("M1",), Role.MENTOR, "ia"),
        ("eig7", ("M2",), Role.MENTOR, None),
        ("eig8", ("M2",), Role.MENTOR, None),
        ("eig7", ("A1",), Role.ADMIN, None),
    ]:
        add_members(store, slack, actor(), Add(cohort, users, role, challenge))
    return store


def test_the_checkin_schedule_starts_on_the_next_chosen_day(store):
    done = configure_checkins(
        store, actor(), parse_checkin(["eig7", "every=3", "day=mon", "time=09:15"]), None
    )
    assert (done.schedule.every, done.schedule.day, done.schedule.time) == (3, "mon", "09:15")
    assert done.schedule.first_round == date(2026, 3, 9)
    assert [r.date() for r in done.next_runs] == [date(2026, 3, 9), date(2026, 3, 30), date(2026, 4, 20)]
    kept = configure_checkins(store, actor(), parse_checkin(["eig7", "time=10:00"]), None).schedule
    assert (kept.every, kept.day, kept.time) == (3, "mon", "10:00")
    off = configure_checkins(store, actor(), parse_checkin(["eig7", "off"]), None)
    assert not off.schedule.active and off.next_runs == ()
    assert store.checkins.checkin_schedule(1).every == 3


def test_the_digest_schedule_keeps_what_is_not_given(store):
    first = configure_digests(store, actor(), parse_digest(["eig7", "isolation=3"]), None).schedule
    assert (first.day, first.time, first.isolation_days) == ("fri", "16:00", 3)
    second = configure_digests(store, actor(), parse_digest(["eig7", "day=mon"]), None).schedule
    assert (second.day, second.isolation_days) == ("mon", 3)


def test_only_managers_set_the_schedules(store):
    with pytest.raises(NotAllowed):
        configure_checkins(store, actor("M1"), parse_checkin(["eig7"]), None)
    configure_digests(store, actor("A1"), parse_digest(["eig7"]), None)
    assert store.checkins.digest_schedule(1) is not None


def test_the_answer_is_checked():
    answer, errors = check_answer("4", {"going_well": " Le prototype ", "needs": None})
    assert answer == CheckinAnswer(4, "Le prototype", "", "")
    assert not errors
    for rating in (None, "", "0", "6", "four"):
        assert set(check_answer(rating, {})[1]) == {"rating"}
    _, errors = check_answer("3", {"blockers": "x" * 3001})
    assert errors["blockers"].params == {"count": 3000, "length": 3001}


def test_the_checkin_command_text():
    assert parse_checkin_text("  ") == OpenForm()
    assert parse_checkin_text("share") == ShareCommand(None)
    assert parse_checkin_text("share TEXT") == ShareCommand(Share.TEXT)
    with pytest.raises(DomainError, match="figures"):
        parse_checkin_text("share all")
    with pytest.raises(DomainError):
        parse_checkin_text("history")


def test_the_form_offers_the_cohort_with_an_open_checkin_first(store):
    store.checkins.open_round(2, date(2026, 3, 2), ["M2"])
    form = checkin_form(store, actor("M2"), "fr")
    assert [c.name for c in form.cohorts] == ["eig8", "eig7"]
    assert form.lang == "en" and form.open.round == date(2026, 3, 2)
    store.profiles.save(MemberProfile("M2", "m2", lang="fr"))
    assert checkin_form(store, actor("M2"), "en", cohort_id=1).lang == "fr"
    with pytest.raises(NotAllowed):
        checkin_form(store, actor("F1"), "fr")


def test_an_answer_goes_to_the_open_round_else_to_today(store):
    store.checkins.open_round(1, date(2026, 2, 23), ["M1"])
    store.checkins.open_round(1, date(2026, 3, 2), ["M1"])
    answered = record_answer(store, actor("M1"), 1, CheckinAnswer(3))
    assert (answered.round, answered.status) == (date(2026, 3, 2), CheckinStatus.ANSWERED)
    again = record_answer(store, actor("M1"), 1, CheckinAnswer(5))
    assert again.round == date(2026, 2, 23)
    extra = record_answer(store, actor("M1"), 1, CheckinAnswer(4))
    assert extra.round == date(2026, 3, 4)
    assert record_answer(store, actor("M1"), 1, CheckinAnswer(2)).id == extra.id
    assert [c.rating for c in store.checkins.all_of(1)] == [5, 3, 2]


def test_only_a_mentor_of_the_cohort_answers(store):
    with pytest.raises(NotAllowed) as refused:
        record_answer(store, actor("M1"), 2, CheckinAnswer(3))
    # M1 is not of eig8: the refusal does not name it.
    assert (refused.value.message, refused.value.params) == (NOT_MENTOR_HERE, {})


def test_fellows_choose_what_they_share(store):
    assert choose_share(store, actor("F1"), ShareCommand(None)) is Share.FIGURES
    assert choose_share(store, actor("F1"), ShareCommand(Share.TEXT)) is Share.TEXT
    assert store.checkins.text_sharers(["F1", "F2"]) == {"F1"}
    with pytest.raises(NotAllowed):
        choose_share(store, actor("M1"), ShareCommand(Share.TEXT))

"""The cohort use cases on in-memory repositories: who may do what, what changes, what is recorded."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from domain.cohorts.admin import (
    add_holiday,
    archive_cohort,
    create_cohort,
    form_choices,
    list_cohorts,
)
from domain.cohorts.commands import Add, Create, Holiday, Remove
from domain.cohorts.membership import add_members, place, remove_members
from domain.cohorts.model import Membership, Role
from domain.cohorts.permissions import NotAllowed
from domain.cohorts.records import Actor, AuditAction
from domain.messages import DomainError
from tests.domain.fakes import Slack, Store

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
PROGRAM = frozenset({"UADMIN"})
SUPPORTED = {"FR", "BE"}.__contains__


def actor(user_id="UADMIN", now=NOW) -> Actor:
    return Actor(user_id, now, PROGRAM)


@pytest.fixture
def store():
    return Store()


@pytest.fixture
def slack():
    slack = Slack()
    slack.channel_named("C1")
    for user_id in ("U1", "U2", "U3", "UCOHORTADMIN", "UMENTOR"):
        slack.person(user_id)
    slack.person("UBOT", is_bot=True)
    slack.person("UGONE", deactivated=True)
    return slack


def create(store, slack, name="eig7", channel="C1", who="UADMIN", **options):
    return create_cohort(store, slack, actor(who), Create(name, channel, **options), SUPPORTED, "fr")


def refused(store, call) -> DomainError:
    before = store.snapshot()
    with pytest.raises(DomainError) as caught:
        call()
    assert store.snapshot() == before
    return caught.value


# -- create -----------------------------------------------------------------------------------------


def test_create_joins_a_public_channel_and_records_it(store, slack):
    created = create(store, slack, tz="America/Cayenne", lang="en", start=date(2026, 9, 1))
    assert created.cohort.name == "eig7" and created.cohort.timezone == "America/Cayenne"
    assert created.cohort.lang == "en" and created.cohort.country == "FR"
    assert created.joined and not created.invite_needed and slack.joined == ["C1"]
    [entry] = store.audit.entries
    assert (entry.actor, entry.action, entry.at, entry.params["channel"]) == (
        "UADMIN",
        AuditAction.CREATE,
        NOW,
        "C1",
    )


def test_create_uses_the_defaults(store, slack):
    cohort = create(store, slack).cohort
    assert (cohort.timezone, cohort.lang, cohort.country, cohort.start, cohort.end) == (
        "Europe/Paris",
        "fr",
        "FR",
        None,
        None,
    )


def test_a_private_channel_needs_an_invitation(store, slack):
    slack.channel_named("G1", is_private=True)
    created = create(store, slack, channel="G1")
    assert created.invite_needed and slack.asked["join"] == 0


def test_a_channel_the_bot_is_in_is_not_joined_again(store, slack):
    slack.channel_named("C2", is_member=True)
    created = create(store, slack, channel="C2")
    assert not created.invite_needed and not created.joined and slack.asked["join"] == 0


def test_a_refused_join_asks_for_an_invitation(store, slack):
    slack.join_works = False
    assert create(store, slack).invite_needed


def test_only_the_program_team_creates(store, slack):
    err = refused(store, lambda: create(store, slack, who="U1"))
    assert isinstance(err, NotAllowed)
    assert slack.asked["channel"] == 0


@pytest.mark.parametrize("name", ["EIG7", "eig7", "Eig7"])
def test_names_are_unique_whatever_their_case(store, slack, name):
    create(store, slack)
    err = refused(store, lambda: create(store, slack, name=name))
    assert "already exists" in err.message


@pytest.mark.parametrize(
    "options,words",
    [
        ({"tz": "Mars/Olympus"}, "Unknown time zone"),
        ({"country": "ZZ"}, "Unknown country"),
        ({"start": date(2026, 9, 1), "end": date(2026, 8, 1)}, "before the start date"),
    ],
)
def test_bad_settings_change_nothing_and_ask_slack_nothing(store, slack, options, words):
    err = refused(store, lambda: create(store, slack, **options))
    assert words in err.message and slack.asked["channel"] == 0


def test_an_unknown_or_archived_channel_is_refused(store, slack):
    assert "can't find the channel" in refused(store, lambda: create(store, slack, channel="C404")).message
    slack.channel_named("C9", is_archived=True)
    assert "archived" in refused(store, lambda: create(store, slack, channel="C9")).message


# -- add and remove -----------------------------------------------------------------------------------


def add(
    store,
    slack,
    *users,
    role=Role.FELLOW,
    challenge=None,
    who="UADMIN",
    name="eig7",
    now=NOW,
    challenge_name=None,
):
    return add_members(store, slack, actor(who, now), Add(name, users, role, challenge), challenge_name)


def test_add_fellows_creates_the_challenge(store, slack):
    create(store, slack)
    result = add(store, slack, "U1", "U2", challenge="ia", challenge_name="IA & données")
    assert result.added == ("U1", "U2") and result.challenge_created
    assert result.challenge.name == "IA & données"
    assert store.members.rows == [
        Membership(1, "U1", Role.FELLOW, "ia"),
        Membership(1, "U2", Role.FELLOW, "ia"),
    ]
    assert store.audit.entries[-1].params == {
        "role": "fellow",
        "challenge": "IA & données",
        "users": ["U1", "U2"],
    }


def test_adding_again_changes_nothing_and_records_nothing(store, slack):
    create(store, slack)
    add(store, slack, "U1", challenge="ia")
    before = store.snapshot()
    result = add(store, slack, "U1", challenge="ia")
    assert result.unchanged == ("U1",) and not result.added and not result.challenge_created
    assert store.snapshot() == before


def test_a_fellow_added_to_another_challenge_moves(store, slack):
    create(store, slack)
    add(store, slack, "U1", challenge="ia")
    result = add(store, slack, "U1", challenge="data")
    assert result.moved == ("U1",)
    assert store.members.of_cohort(1) == [Membership(1, "U1", Role.FELLOW, "data")]


def test_mentors_mentor_several_challenges_or_the_whole_cohort(store, slack):
    create(store, slack)
    add(store, slack, "UMENTOR", role=Role.MENTOR, challenge="ia")
    add(store, slack, "UMENTOR", role=Role.MENTOR, challenge="data")
    add(store, slack, "U3", role=Role.MENTOR)
    assert {(m.user_id, m.challenge_slug) for m in store.members.of_cohort(1)} == {
        ("UMENTOR", "ia"),
        ("UMENTOR", "data"),
        ("U3", None),
    }


def test_an_admin_takes_no_challenge(store, slack):
    create(store, slack)
    err = refused(store, lambda: add(store, slack, "U1", role=Role.ADMIN, challenge="ia"))
    assert "whole cohort" in err.message


@pytest.mark.parametrize(
    "user,words", [("UBOT", "is a bot"), ("UGONE", "deactivated"), ("U404", "can't find")]
)
def test_bots_deactivated_and_unknown_people_are_refused(store, slack, user, words):
    create(store, slack)
    add(store, slack, "U1")
    err = refused(store, lambda: add(store, slack, "U2", user, challenge="new"))
    assert words in err.message and err.params["user"] == f"<@{user}>"


def test_profiles_are_asked_at_most_once_a_day(store, slack):
    create(store, slack)
    add(store, slack, "U1")
    add(store, slack, "U1", now=NOW + timedelta(hours=23))
    assert slack.asked["user"] == 1
    add(store, slack, "U1", now=NOW + timedelta(hours=25))
    assert slack.asked["user"] == 2


def test_a_cohort_admin_manages_their_cohort_only(store, slack):
    create(store, slack)
    slack.channel_named("C2")
    create(store, slack, name="eig8", channel="C2")
    add(store, slack, "UCOHORTADMIN", role=Role.ADMIN)
    assert add(store, slack, "U1", who="UCOHORTADMIN").added == ("U1",)
    assert isinstance(
        refused(store, lambda: add(store, slack, "U1", who="UCOHORTADMIN", name="eig8")), NotAllowed
    )
    assert isinstance(refused(store, lambda: add(store, slack, "U2", who="U1")), NotAllowed)


def test_a_person_may_belong_to_several_cohorts(store, slack):
    create(store, slack)
    slack.channel_named("C2")
    create(store, slack, name="eig8", channel="C2")
    add(store, slack, "U1", challenge="ia")
    add(store, slack, "U1", role=Role.MENTOR, name="eig8", challenge="ia")
    assert {(m.cohort_id, m.role) for m in store.members.of_user("U1")} == {
        (1, Role.FELLOW),
        (2, Role.MENTOR),
    }


def test_remove_takes_every_role_away(store, slack):
    create(store, slack)
    add(store, slack, "U1", challenge="ia")
    add(store, slack, "U1", role=Role.MENTOR, challenge="data")
    add(store, slack, "U2")
    result = remove_members(store, actor(), Remove("eig7", ("U1",)))
    assert result.removed == ("U1",)
    assert [m.user_id for m in store.members.of_cohort(1)] == ["U2"]
    assert store.audit.entries[-1].action == AuditAction.REMOVE


def test_removing_someone_who_is_not_a_member_changes_nothing(store, slack):
    create(store, slack)
    add(store, slack, "U1")
    err = refused(store, lambda: remove_members(store, actor(), Remove("eig7", ("U1", "U2"))))
    assert err.params == {"user": "<@U2>", "name": "eig7"}


def test_an_unknown_cohort_is_named(store, slack):
    err = refused(store, lambda: add(store, slack, "U1", name="nope"))
    assert err.params == {"name": "nope"} and slack.asked["user"] == 0


def test_place_decides_one_membership_at_a_time():
    fellow = Membership(1, "U1", Role.FELLOW, "ia")
    assert place([fellow], fellow).outcome == "unchanged"
    moved = place([fellow], Membership(1, "U1", Role.FELLOW, None))
    assert moved.outcome == "moved" and moved.removed == (fellow,)
    assert place([fellow], Membership(1, "U1", Role.MENTOR, "ia")).outcome == "added"


# -- archive, holidays, list ----------------------------------------------------------------------------


def test_archive_ends_the_cohort_once(store, slack):
    create(store, slack)
    cohort = archive_cohort(store, actor(), "EIG7")
    assert cohort.archived_at == NOW and not cohort.is_running(date(2026, 3, 2))
    assert "already archived" in refused(store, lambda: archive_cohort(store, actor(), "eig7")).message
    assert "archived" in refused(store, lambda: add(store, slack, "U1")).message


def test_holidays_are_kept_and_the_same_days_again_update_the_reason(store, slack):
    create(store, slack)
    first = add_holiday(store, actor(), Holiday("eig7", date(2026, 12, 24), date(2027, 1, 2), "Noël"))
    again = add_holiday(store, actor(), Holiday("eig7", date(2026, 12, 24), date(2027, 1, 2), "Fêtes"))
    assert first.new and not again.new
    assert [h.reason for h in store.cohorts.holidays(1)] == ["Fêtes"]
    assert [e.action for e in store.audit.entries].count(AuditAction.HOLIDAY) == 2


def test_list_shows_each_person_their_cohorts(store, slack):
    create(store, slack)
    slack.channel_named("C2")
    create(store, slack, name="eig8", channel="C2")
    add(store, slack, "U1", "U2", challenge="ia")
    add(store, slack, "UMENTOR", role=Role.MENTOR, challenge="ia")
    everything = list_cohorts(store, actor())
    assert [(s.cohort.name, s.fellows, s.mentors, s.admins) for s in everything] == [
        ("eig7", 2, 1, 0),
        ("eig8", 0, 0, 0),
    ]
    assert [s.cohort.name for s in list_cohorts(store, actor("U1"))] == ["eig7"]
    assert list_cohorts(store, actor("U3")) == []


def test_the_form_offers_what_its_user_may_do(store, slack):
    create(store, slack)
    add(store, slack, "UCOHORTADMIN", role=Role.ADMIN)
    assert form_choices(store, actor()).can_create
    admin = form_choices(store, actor("UCOHORTADMIN"))
    assert not admin.can_create and admin.cohort_names == ("eig7",)
    with pytest.raises(NotAllowed):
        form_choices(store, actor("U1"))

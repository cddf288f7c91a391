"""`show`, the roster import, the export and who a ritual reaches, on in-memory repositories."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta

import pytest

from domain.cohorts.admin import archive_cohort, create_cohort
from domain.cohorts.commands import Add, Create
from domain.cohorts.export import COHORT_SECTIONS, cohort_history
from domain.cohorts.membership import add_members
from domain.cohorts.model import MemberProfile, Role
from domain.cohorts.overview import ScheduleLine, ScheduleSource, active_members, show_cohort
from domain.cohorts.permissions import NotAllowed
from domain.cohorts.records import Actor, AuditAction
from domain.cohorts.roster import RosterRow
from domain.cohorts.roster_import import RosterPerson, email_problem, import_roster, row_problems
from domain.messages import DomainError
from tests.domain.fakes import Slack, Store

NOW = datetime(2026, 10, 5, 8, 0, tzinfo=UTC)
PROGRAM = frozenset({"UADMIN"})


# Rituals with nothing scheduled: `/cohort show` still lists them, in the order given.
UNSCHEDULED = tuple(
    ScheduleSource(kind, "Not scheduled.", lambda store, cohort, now, holidays: None)
    for kind in ("standup", "checkin", "digest")
)


def actor(user_id="UADMIN") -> Actor:
    return Actor(user_id, NOW, PROGRAM)


@pytest.fixture
def world():
    store, slack = Store(), Slack()
    slack.channel_named("C1")
    for user_id in ("F1", "F2", "F3", "M1", "M2", "A1", "X1"):
        slack.person(user_id)
    create_cohort(
        store,
        slack,
        actor(),
        Create("eig7", "C1", start=date(2026, 9, 1), end=date(2027, 6, 30)),
        lambda c: True,
        "fr",
    )
    members = [
        (("F1", "F2"), Role.FELLOW, "ia"),
        (("F3",), Role.FELLOW, "data"),
        (("M1",), Role.MENTOR, "ia"),
        (("M2",), Role.MENTOR, None),
        (("A1",), Role.ADMIN, None),
    ]
    for users, role, challenge in members:
        add_members(store, slack, actor(), Add("eig7", users, role, challenge))
    return store, slack


def test_the_program_team_sees_everything(world):
    store, _ = world
    overview = show_cohort(store, actor(), "EIG7", UNSCHEDULED)
    assert [(t.challenge.slug, t.fellows, t.mentors) for t in overview.teams] == [
        ("data", ("F3",), ()),
        ("ia", ("F1", "F2"), ("M1",)),
    ]
    assert overview.cohort_mentors == ("M2",) and overview.admins == ("A1",)
    assert overview.can_manage and overview.running
    assert [e.action for e in overview.audit][-1] == AuditAction.CREATE
    assert [(source.kind, line) for source, line in overview.schedules] == [
        ("standup", None),
        ("checkin", None),
        ("digest", None),
    ]
    assert all(line is None for _, line in overview.schedules)


def test_a_cohort_admin_sees_the_audit_log(world):
    store, _ = world
    assert show_cohort(store, actor("A1"), "eig7", ()).audit


def test_a_fellow_sees_their_cohort_but_not_the_audit_log(world):
    store, _ = world
    overview = show_cohort(store, actor("F3"), "eig7", ())
    assert {t.challenge.slug for t in overview.teams} == {"ia", "data"}
    assert overview.audit == () and not overview.can_manage


def test_a_mentor_sees_the_fellows_of_their_challenges(world):
    store, _ = world
    overview = show_cohort(store, actor("M1"), "eig7", ())
    assert [(t.challenge.slug, t.fellows) for t in overview.teams] == [("ia", ("F1", "F2"))]
    assert overview.audit == ()
    whole = show_cohort(store, actor("M2"), "eig7", ())
    assert len(whole.teams) == 2


def test_someone_outside_the_cohort_sees_nothing(world):
    store, _ = world
    with pytest.raises(NotAllowed):
        show_cohort(store, actor("X1"), "eig7", ())


def test_the_audit_log_shows_the_last_ten(world):
    store, slack = world
    for index in range(12):
        slack.person(f"N{index}")
        add_members(store, slack, actor(), Add("eig7", (f"N{index}",)))
    assert len(show_cohort(store, actor(), "eig7", ()).audit) == 10


def test_deactivated_members_are_marked_and_skipped_by_rituals(world):
    store, _ = world
    store.profiles.save(MemberProfile("F2", "f2", deactivated=True))
    overview = show_cohort(store, actor(), "eig7", ())
    assert overview.deactivated == {"F2"}
    cohort = overview.cohort
    profiles = store.profiles.get_many(["F1", "F2"])
    fellows = active_members(
        cohort, store.members.of_cohort(cohort.id), profiles, date(2026, 10, 5), [Role.FELLOW]
    )
    assert fellows == ["F1", "F3"]


def test_rituals_stop_after_the_end_date_and_on_archive(world):
    store, _ = world
    cohort = store.cohorts.by_name("eig7")
    members = store.members.of_cohort(cohort.id)
    assert active_members(cohort, members, {}, date(2027, 6, 30))
    assert active_members(cohort, members, {}, date(2027, 7, 1)) == []
    archived = archive_cohort(store, actor(), "eig7")
    assert active_members(archived, members, {}, date(2026, 10, 5)) == []
    assert not show_cohort(store, actor(), "eig7", ()).running


def test_rituals_plug_their_schedules_in(world):
    store, _ = world
    line = ScheduleLine(
        "standup", "Stand-up at {time}", {"time": "09:30"}, (NOW + timedelta(days=1),), ("F1",)
    )
    standup = ScheduleSource("standup", "No stand-up.", lambda store, cohort, now, holidays: line)
    digest = ScheduleSource("digest", "No digest.", lambda store, cohort, now, holidays: None)
    overview = show_cohort(store, actor(), "eig7", (standup, digest))
    assert overview.schedules == ((standup, line), (digest, None))


# -- the roster import -----------------------------------------------------------------------------------


def person(line, user_id, role=Role.FELLOW, challenge="ia", timezone=None, profile=None):
    return RosterPerson(line, user_id, role, challenge, timezone, profile)


def test_an_import_twice_changes_nothing_the_second_time(world):
    store, _ = world
    people = [
        person(2, "F1"),
        person(3, "N1", challenge="new", timezone="Europe/Brussels"),
        person(4, "N2", role=Role.MENTOR, challenge=None, profile=MemberProfile("N2", "Nina")),
    ]
    first = import_roster(store, actor("cli:ops"), "eig7", people)
    assert (first.added, first.changed, first.unchanged) == (2, 0, 1)
    assert store.profiles.get_many(["N1"])["N1"].timezone == "Europe/Brussels"
    assert store.profiles.get_many(["N2"])["N2"].display_name == "Nina"
    assert "new" in {c.slug for c in store.cohorts.challenges(1)}
    entries = len(store.audit.entries)
    again = import_roster(store, actor("cli:ops"), "eig7", people)
    assert (again.added, again.changed, again.unchanged) == (0, 0, 3)
    assert len(store.audit.entries) == entries


def test_an_import_counts_moves_and_new_zones_as_changes(world):
    store, _ = world
    result = import_roster(
        store,
        actor(),
        "eig7",
        [person(2, "F1", challenge="data"), person(3, "F3", challenge="data", timezone="Asia/Tokyo")],
    )
    assert (result.added, result.changed, result.unchanged) == (0, 2, 0)


def test_an_import_needs_an_active_cohort(world):
    store, _ = world
    with pytest.raises(DomainError):
        import_roster(store, actor(), "nope", [person(2, "F1")])
    archive_cohort(store, actor(), "eig7")
    with pytest.raises(DomainError):
        import_roster(store, actor(), "eig7", [person(2, "F1")])


def test_roster_rows_slack_cannot_vouch_for():
    row = RosterRow(5, None, "ana@example.org", Role.FELLOW, None, None)
    seen: dict[str, int] = {}
    assert email_problem(row, None, seen).params == {"email": "ana@example.org"}
    assert "bot" in email_problem(row, MemberProfile("U9", "b", is_bot=True), seen).message
    assert "deactivated" in email_problem(row, MemberProfile("U9", "b", deactivated=True), seen).message
    assert email_problem(row, MemberProfile("U9", "ana"), seen) is None
    twin = dataclasses.replace(row, line=9, email="a.l@example.org")
    assert email_problem(twin, MemberProfile("U9", "ana"), seen).params == {
        "email": "a.l@example.org",
        "first": 5,
    }
    admin = RosterRow(7, "U1", None, Role.ADMIN, "ia", None)
    assert [e.line for e in row_problems([row, admin])] == [7]


# -- the export ------------------------------------------------------------------------------------------


def test_the_export_has_a_section_per_kind_of_record(world):
    store, _ = world
    sections = {s.name: s for s in cohort_history(store, "eig7", COHORT_SECTIONS)}
    assert list(sections) == ["cohort", "challenges", "members", "holidays", "audit"]
    assert sections["cohort"].records()[0]["start"] == "2026-09-01"
    assert ("ia", "ia") in sections["challenges"].rows
    assert {r["slack_id"] for r in sections["members"].records()} == {"F1", "F2", "F3", "M1", "M2", "A1"}
    assert sections["audit"].records()[0]["action"] == "create"

"""Cohort, membership, profile and audit repositories on a real database (SQLite, PostgreSQL if set)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from domain.cohorts.model import MemberProfile, Membership, NewCohort, Role
from domain.cohorts.records import AuditAction, AuditEntry, CohortHoliday
from domain.messages import DomainError
from storage.db import make_session_factory
from storage.uow import SqlUnitOfWork

NOW = datetime(2026, 3, 2, 8, 30, tzinfo=UTC)


@pytest.fixture
def uow(engine):
    factory = make_session_factory(engine)
    return lambda: SqlUnitOfWork(factory)


def new(name="eig7", start=date(2026, 9, 1), end=date(2027, 6, 30)) -> NewCohort:
    return NewCohort(name, "Europe/Paris", "fr", "FR", start, end)


def test_a_cohort_comes_back_as_stored(uow):
    with uow() as store:
        cohort = store.cohorts.add(new(), "C1", NOW)
        store.commit()
    with uow() as store:
        again = store.cohorts.by_name("EIG7")
    assert again == cohort
    assert (again.start, again.end, again.channel_id, again.archived_at) == (
        date(2026, 9, 1),
        date(2027, 6, 30),
        "C1",
        None,
    )


def test_names_are_unique_whatever_their_case_and_the_session_goes_on(uow):
    with uow() as store:
        store.cohorts.add(new("Promo-7"), "C1", NOW)
        store.commit()
    with uow() as store:
        with pytest.raises(DomainError):
            store.cohorts.add(new("PROMO-7"), "C2", NOW)
        store.cohorts.add(new("promo-8"), "C2", NOW)
        store.commit()
    with uow() as store:
        assert [c.name for c in store.cohorts.all()] == ["Promo-7", "promo-8"]


def test_archiving_keeps_the_first_instant(uow):
    with uow() as store:
        cohort = store.cohorts.add(new(), "C1", NOW)
        assert store.cohorts.archive(cohort.id, NOW).archived_at == NOW
        assert store.cohorts.archive(cohort.id, NOW + timedelta(days=1)).archived_at == NOW
        assert store.cohorts.archive(cohort.id, NOW).archived_at.tzinfo is not None


def test_challenges_are_created_once(uow):
    with uow() as store:
        cohort = store.cohorts.add(new(), "C1", NOW)
        first = store.cohorts.add_challenge(cohort.id, "ia", "IA")
        again = store.cohorts.add_challenge(cohort.id, "ia", "other")
        assert first == again and again.name == "IA"
        assert [c.slug for c in store.cohorts.challenges(cohort.id)] == ["ia"]


def test_holidays_update_their_reason(uow):
    with uow() as store:
        cohort = store.cohorts.add(new(), "C1", NOW)
        holiday = CohortHoliday(cohort.id, date(2026, 12, 24), date(2027, 1, 2), "Noël")
        assert store.cohorts.add_holiday(holiday)
        assert not store.cohorts.add_holiday(CohortHoliday(cohort.id, holiday.first, holiday.last, "Fêtes"))
        assert store.cohorts.holidays(cohort.id) == [
            CohortHoliday(cohort.id, holiday.first, holiday.last, "Fêtes")
        ]


def test_memberships_are_added_once_and_removed_exactly(uow):
    with uow() as store:
        cohort = store.cohorts.add(new(), "C1", NOW)
        rows = [
            Membership(cohort.id, "U1", Role.FELLOW, "ia"),
            Membership(cohort.id, "U1", Role.MENTOR, None),
            Membership(cohort.id, "U2", Role.MENTOR, None),
        ]
        store.members.add_many(rows, NOW)
        store.members.add_many(rows, NOW)
        assert store.members.of_cohort(cohort.id) == rows
        assert store.members.role_counts() == {cohort.id: {Role.FELLOW: 1, Role.MENTOR: 2}}
        store.members.remove_many([rows[1]])
        assert store.members.of_user("U1") == [rows[0]]


def test_many_memberships_at_once(uow):
    with uow() as store:
        cohort = store.cohorts.add(new(), "C1", NOW)
        rows = [Membership(cohort.id, f"U{index:04d}", Role.FELLOW, None) for index in range(1200)]
        store.members.add_many(rows, NOW)
        assert len(store.members.of_cohort(cohort.id)) == 1200
        store.members.remove_many(rows[:700])
        assert len(store.members.of_cohort(cohort.id)) == 500


def test_a_zone_set_by_an_import_wins_over_slack(uow):
    with uow() as store:
        store.profiles.set_timezones({"U1": "Asia/Tokyo", "U2": "Europe/Brussels"})
        saved = store.profiles.save(MemberProfile("U1", "Ana", "Europe/Paris", "fr", fetched_at=NOW))
        assert saved.timezone == "Asia/Tokyo" and saved.display_name == "Ana" and saved.fetched_at == NOW
        store.profiles.set_timezones({"U1": "America/Cayenne"})
        store.commit()
    with uow() as store:
        profiles = store.profiles.get_many(["U1", "U2", "U3"])
        assert set(profiles) == {"U1", "U2"}
        assert profiles["U1"].timezone == "America/Cayenne" and profiles["U2"].fetched_at is None
        assert store.profiles.timezone_overrides(["U1", "U2", "U3"]) == {
            "U1": "America/Cayenne",
            "U2": "Europe/Brussels",
        }


def test_a_roster_of_profiles_is_saved_at_once(uow):
    with uow() as store:
        store.profiles.set_timezones({"U0000": "Asia/Tokyo"})
        store.profiles.save_many(
            MemberProfile(f"U{index:04d}", f"p{index}", "Europe/Paris", fetched_at=NOW)
            for index in range(700)
        )
        store.profiles.set_timezones({f"U{index:04d}": "America/Cayenne" for index in range(1, 3)})
        store.commit()
    with uow() as store:
        profiles = store.profiles.get_many(f"U{index:04d}" for index in range(700))
    assert len(profiles) == 700 and profiles["U0699"].display_name == "p699"
    assert [profiles[f"U{index:04d}"].timezone for index in range(4)] == [
        "Asia/Tokyo",
        "America/Cayenne",
        "America/Cayenne",
        "Europe/Paris",
    ]


def test_user_change_updates_known_profiles_only(uow):
    with uow() as store:
        store.profiles.save(MemberProfile("U1", "Ana", fetched_at=NOW))
        assert store.profiles.update_known(MemberProfile("U1", "Ana L.", deactivated=True, fetched_at=NOW))
        assert not store.profiles.update_known(MemberProfile("U9", "Someone", fetched_at=NOW))
        assert store.profiles.get_many(["U1", "U9"]) == {
            "U1": MemberProfile("U1", "Ana L.", deactivated=True)
        }


def test_the_audit_log_keeps_order_and_params(uow):
    with uow() as store:
        cohort = store.cohorts.add(new(), "C1", NOW)
        for minutes in range(3):
            store.audit.record(
                AuditEntry(
                    cohort.id,
                    "UADMIN",
                    AuditAction.ADD,
                    NOW + timedelta(minutes=minutes),
                    {"users": [f"U{minutes}"], "role": "fellow", "challenge": "données"},
                )
            )
        store.commit()
    with uow() as store:
        recent = store.audit.recent(cohort.id, 2)
        assert [e.params["users"] for e in recent] == [["U2"], ["U1"]]
        assert recent[0].at == NOW + timedelta(minutes=2) and recent[0].params["challenge"] == "données"
        assert [e.at for e in store.audit.all_of(cohort.id)] == [NOW + timedelta(minutes=m) for m in range(3)]

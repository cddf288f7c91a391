"""The check-in repository and the digests' queries, on a database built by the migrations."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from domain.checkins.model import CheckinAnswer, CheckinSchedule, CheckinStatus, DigestSchedule, Share
from domain.checkins.overview import checkins_section
from domain.cohorts.export import COHORT_SECTIONS, cohort_history
from domain.cohorts.model import Membership, NewCohort, Role
from domain.peer_help.records import HelpStatus, NewHelpRequest
from domain.standups.model import Absence
from domain.trainings.model import Proposal, SessionStatus, SignupStatus
from storage.db import make_session_factory
from storage.uow import unit_of_work_factory
from tests.domain.digests.digest_builders import entry

NOW = datetime(2026, 3, 6, 15, 0, tzinfo=UTC)


@pytest.fixture
def uow(engine):
    return unit_of_work_factory(make_session_factory(engine))


@pytest.fixture
def cohorts(uow):
    with uow() as store:
        eig7 = store.cohorts.add(NewCohort("eig7", "Europe/Paris", "fr", "FR", None, None), "C1", NOW)
        eig8 = store.cohorts.add(NewCohort("eig8", "Europe/Paris", "fr", "FR", None, None), "C2", NOW)
        store.members.add_many(
            [
                Membership(eig7.id, "F1", Role.FELLOW, "ia"),
                Membership(eig7.id, "F2", Role.FELLOW, "ia"),
                Membership(eig8.id, "F9", Role.FELLOW, None),
            ],
            NOW - timedelta(days=30),
        )
        store.members.add_many([Membership(eig7.id, "F1", Role.MENTOR, None)], NOW)
        store.commit()
    return eig7.id, eig8.id


def test_schedules_are_saved_and_the_running_ones_listed(uow, cohorts):
    eig7, eig8 = cohorts
    with uow() as store:
        store.checkins.save_checkin_schedule(
            CheckinSchedule(eig7, date(2026, 3, 3), 2, "tue", "10:00", True, NOW)
        )
        store.checkins.save_checkin_schedule(
            CheckinSchedule(eig8, date(2026, 3, 3), 1, "tue", "10:00", False, NOW)
        )
        store.checkins.save_digest_schedule(DigestSchedule(eig8, "mon", "09:00", 7, True, NOW))
        store.commit()
    with uow() as store:
        assert [(c.name, s.every) for c, s in store.checkins.running_checkins()] == [("eig7", 2)]
        assert store.checkins.digest_schedule(eig8).isolation_days == 7
        store.cohorts.archive(eig8, NOW)
        assert store.checkins.running_digests() == []


def test_a_round_opens_once_and_what_is_left_open_is_missed_at_the_next(uow, cohorts):
    eig7, _ = cohorts
    first, second = date(2026, 3, 3), date(2026, 3, 10)
    with uow() as store:
        store.checkins.open_round(eig7, first, ["M1", "M2"])
        store.checkins.open_round(eig7, first, ["M1", "M2"])
        store.checkins.answer(eig7, "M1", first, CheckinAnswer(4, "ok", "", "des données"), NOW)
        assert store.checkins.open_mentors(eig7, first) == ["M2"]
        assert store.checkins.mark_missed(eig7, first, first) == 0
        assert store.checkins.mark_missed(eig7, second, second) == 1
        store.checkins.open_round(eig7, second, ["M1", "M2"])
        store.commit()
    with uow() as store:
        assert [(c.mentor, c.status, c.missed_at_round) for c in store.checkins.missed_at(eig7, second)] == [
            ("M2", CheckinStatus.MISSED, second)
        ]
        assert store.checkins.latest_open(eig7, "M2").round == second
        answered = store.checkins.answer(eig7, "M2", second, CheckinAnswer(2), NOW)
        assert (answered.status, answered.rating, answered.answer.needs) == (CheckinStatus.ANSWERED, 2, "")
        assert [c.round for c in store.checkins.since(eig7, second)] == [second, second]
        assert len(store.checkins.all_of(eig7)) == 4


def test_what_fellows_share(uow, cohorts):
    with uow() as store:
        assert store.checkins.share_of("F1") is Share.FIGURES
        store.checkins.set_share("F1", Share.TEXT, NOW)
        store.checkins.set_share("F2", Share.TEXT, NOW)
        store.checkins.set_share("F2", Share.FIGURES, NOW)
        store.commit()
    with uow() as store:
        assert store.checkins.text_sharers(["F1", "F2", "F3"]) == {"F1"}


def test_the_stand_up_week_is_read_between_its_days(uow, cohorts):
    eig7, eig8 = cohorts
    with uow() as store:
        for day in (date(2026, 2, 1), date(2026, 3, 2), date(2026, 3, 6), date(2026, 3, 7)):
            store.standups.save_entry(entry("F1", day, cohort_id=eig7))
        store.standups.save_entry(entry("F9", date(2026, 3, 2), cohort_id=eig8))
        store.standups.add_absence(Absence("F2", date(2026, 3, 5), date(2026, 3, 20), "F2"), NOW)
        store.standups.add_absence(Absence("F2", date(2026, 1, 5), date(2026, 1, 9), "F2"), NOW)
        store.standups.add_absence(Absence("F9", date(2026, 3, 5), date(2026, 3, 6), "F9"), NOW)
        store.commit()
    with uow() as store:
        settings, entries, absences = store.digests.standup_week(eig7, date(2026, 2, 28), date(2026, 3, 6))
        assert settings is None
        assert sorted(e.day for e in entries) == [date(2026, 3, 2), date(2026, 3, 6)]
        assert [(a.user_id, a.first) for a in absences] == [("F2", date(2026, 3, 5))]
        assert store.digests.joined(eig7) == {"F1": NOW - timedelta(days=30), "F2": NOW - timedelta(days=30)}


def _help(store, cohort_id, asker, created):
    return store.help.add(NewHelpRequest(cohort_id, asker, "Aide", "", (), "ask", created))


def test_the_help_week_has_the_active_requests_and_the_recent_ones(uow, cohorts):
    eig7, eig8 = cohorts
    since = datetime(2026, 2, 28, tzinfo=UTC)
    with uow() as store:
        old_open = _help(store, eig7, "F1", since - timedelta(days=60))
        old_done = _help(store, eig7, "F2", since - timedelta(days=60))
        store.help.end(old_done.id, HelpStatus.RESOLVED, "F2", since - timedelta(days=50))
        ended_now = _help(store, eig7, "F2", since - timedelta(days=20))
        store.help.add_offer(ended_now.id, "F1", since - timedelta(days=19))
        store.help.end(ended_now.id, HelpStatus.RESOLVED, "F2", since + timedelta(days=2))
        _help(store, eig8, "F9", since + timedelta(days=1))
        store.commit()
    with uow() as store:
        requests, offers = store.digests.help_week(eig7, since)
        assert sorted(r.id for r in requests) == [old_open.id, ended_now.id]
        assert [(o.request_id, o.helper) for o in offers] == [(ended_now.id, "F1")]


def test_the_training_week_and_the_latest_activity(uow, cohorts):
    eig7, _ = cohorts
    since = datetime(2026, 2, 28, tzinfo=UTC)
    proposal = Proposal("Pandas", "", since + timedelta(days=3), 60, 10, "Salle 2")
    with uow() as store:
        held = store.trainings.add(eig7, "F1", proposal, SessionStatus.ANNOUNCED, since + timedelta(days=1))
        store.trainings.add(
            eig7,
            "F1",
            Proposal("Vieux", "", since - timedelta(days=90), 60, 10, "x"),
            SessionStatus.ANNOUNCED,
            since - timedelta(days=100),
        )
        store.trainings.join(held.id, "F2", SignupStatus.CONFIRMED, since + timedelta(days=2))
        store.standups.save_entry(entry("F2", date(2026, 3, 2), cohort_id=eig7))
        store.standups.save_entry(entry("F1", date(2026, 1, 2), cohort_id=eig7))
        _help(store, eig7, "F1", since - timedelta(days=1))
        store.commit()
    with uow() as store:
        sessions, signups = store.digests.training_week(eig7, since, since + timedelta(days=30))
        assert [s.title for s in sessions] == ["Pandas"]
        assert [(s.user_id, s.status) for s in signups] == [("F2", SignupStatus.CONFIRMED)]
        activity = store.digests.last_activity(eig7, since - timedelta(days=7), date(2026, 2, 21))
    assert activity == {"F1": since + timedelta(days=1), "F2": datetime(2026, 3, 2, 8, tzinfo=UTC)}


def test_the_export_has_the_check_ins(uow, cohorts):
    eig7, _ = cohorts
    with uow() as store:
        store.checkins.open_round(eig7, date(2026, 3, 3), ["M1", "M2"])
        store.checkins.answer(
            eig7, "M1", date(2026, 3, 3), CheckinAnswer(4, "Le prototype", "", "Un accès"), NOW
        )
        store.checkins.mark_missed(eig7, date(2026, 3, 10), date(2026, 3, 10))
        store.commit()
    with uow() as store:
        sections = {s.name: s for s in cohort_history(store, "eig7", (*COHORT_SECTIONS, checkins_section))}
    assert sections["checkins"].records() == [
        {
            "round": "2026-03-03",
            "mentor": "M1",
            "status": "answered",
            "rating": 4,
            "going_well": "Le prototype",
            "blockers": "",
            "needs": "Un accès",
            "answered_at": NOW.isoformat(),
            "missed_at_round": None,
        },
        {
            "round": "2026-03-03",
            "mentor": "M2",
            "status": "missed",
            "rating": None,
            "going_well": None,
            "blockers": None,
            "needs": None,
            "answered_at": None,
            "missed_at_round": "2026-03-10",
        },
    ]

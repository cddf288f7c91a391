"""Peer-help storage: the unique keys that make a double click count once, and the queries routing needs."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from domain.cohorts.model import NewCohort
from domain.peer_help.due import REROUTE, help_subject
from domain.peer_help.records import HelpSettings, HelpStatus, NewHelpRequest, SkillAlias
from domain.peer_help.skills import Skill
from domain.scheduling import OccurrenceStatus, PlannedOccurrence
from storage.db import make_session_factory
from storage.uow import unit_of_work_factory

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def uow(engine):
    factory = unit_of_work_factory(make_session_factory(engine))
    with factory() as uow:
        cohort = uow.cohorts.add(NewCohort("eig7", "Europe/Paris", "fr", "FR", None, None), "C100", NOW)
        uow.commit()
    with factory() as uow:
        uow.cohort_id = cohort.id
        yield uow


def _ask(uow, asker="UANA", skills=("python", "sql"), when=NOW):
    return uow.help.add(NewHelpRequest(uow.cohort_id, asker, "Aide", "détails", skills, "ask", when))


def test_a_request_keeps_its_skills_in_order(uow):
    request = _ask(uow, skills=("sql", "python", "sql"))
    assert uow.help.get(request.id).skills == ("sql", "python")
    assert (request.status, request.created_at, request.channel_id) == (HelpStatus.OPEN, NOW, None)
    uow.help.set_message(request.id, "C100", "1.2")
    assert (uow.help.get(request.id).channel_id, uow.help.get(request.id).ts) == ("C100", "1.2")
    assert uow.help.get(999) is None


def test_an_offer_is_unique_per_helper_and_claims_once(uow):
    request = _ask(uow)
    assert uow.help.add_offer(request.id, "UBEN", NOW)
    assert not uow.help.add_offer(request.id, "UBEN", NOW + timedelta(seconds=1))
    uow.help.mark_claimed(request.id, NOW)
    uow.help.add_offer(request.id, "UCHLOE", NOW + timedelta(hours=1))
    uow.help.mark_claimed(request.id, NOW + timedelta(hours=1))
    claimed = uow.help.get(request.id)
    assert (claimed.status, claimed.first_offer_at) == (HelpStatus.CLAIMED, NOW)
    assert [o.helper for o in uow.help.offers(request.id)] == ["UBEN", "UCHLOE"]


def test_a_request_ends_once(uow):
    request = _ask(uow)
    assert uow.help.end(request.id, HelpStatus.RESOLVED, "UANA", NOW, "merci")
    assert not uow.help.end(request.id, HelpStatus.CLOSED, "UADMIN", NOW)
    assert uow.help.get(request.id).status is HelpStatus.RESOLVED


def test_open_threads_count_the_active_requests_helped_on(uow):
    active, done = _ask(uow), _ask(uow)
    for request in (active, done):
        uow.help.add_offer(request.id, "UBEN", NOW)
    uow.help.end(done.id, HelpStatus.RESOLVED, "UANA", NOW)
    assert uow.help.open_threads(["UBEN", "UCHLOE"]) == {"UBEN": 1}
    assert uow.help.open_threads([]) == {}


def test_everyone_routed_to_counts_the_re_routes_of_the_scheduling_core(uow):
    request = _ask(uow)
    uow.help.route(request.id, ["UBEN", "UCHLOE", "UBEN"], 1, NOW)
    planned = PlannedOccurrence(
        REROUTE, help_subject(request.id), date(2026, 3, 3), NOW, NOW, ("UDAVID", "UANA"), None
    )
    uow.schedule.record(planned, OccurrenceStatus.OPEN, NOW)
    assert uow.help.routed(request.id) == {"UBEN", "UCHLOE", "UDAVID", "UANA"}


def test_active_requests_since_an_instant_and_a_person_s_requests(uow):
    old, recent = _ask(uow, when=NOW - timedelta(days=40)), _ask(uow, asker="UBEN")
    uow.help.add_offer(old.id, "UBEN", NOW)
    assert [r.id for r in uow.help.active_since(NOW - timedelta(days=30))] == [recent.id]
    requests, offers = uow.help.involving("UBEN")
    assert [r.id for r in requests] == [old.id, recent.id] and [o.helper for o in offers] == ["UBEN"]


def test_settings_default_then_saved(uow):
    assert uow.help.settings(uow.cohort_id) == HelpSettings(uow.cohort_id, None, 24)
    uow.help.save_settings(HelpSettings(uow.cohort_id, "C900", 48))
    uow.help.save_settings(HelpSettings(uow.cohort_id, "C901", 12))
    assert uow.help.settings(uow.cohort_id) == HelpSettings(uow.cohort_id, "C901", 12)


def test_skills_keep_their_first_label_and_what_was_declared_under_an_alias(uow):
    uow.skills.ensure([Skill("dataviz", "Data viz"), Skill("dataviz", "DATAVIZ")])
    assert uow.skills.labels(["dataviz", "nope"]) == {"dataviz": "Data viz"}
    assert uow.skills.declare("UANA", ["visualisation", "dataviz"], NOW) == ["visualisation", "dataviz"]
    assert uow.skills.declare("UANA", ["dataviz"], NOW) == []
    uow.skills.add_evidence("UBEN", ["visualisation"], "help", "help:1", NOW)
    uow.skills.add_alias(SkillAlias("visualisation", "dataviz"), "UADMIN", NOW)
    uow.skills.add_alias(SkillAlias("viz", "dataviz", uow.cohort_id), "UCOADMIN", NOW)
    # Nothing moves: the alias applies when skills are read.
    assert uow.skills.declared_by("UANA") == ["dataviz", "visualisation"]
    assert uow.skills.evidence(["visualisation"]) == [("UBEN", "visualisation", "help")]
    program, in_cohort = SkillAlias("visualisation", "dataviz"), SkillAlias("viz", "dataviz", uow.cohort_id)
    assert uow.skills.alias_rows() == [program, in_cohort]
    assert uow.skills.alias_rows([]) == [program]
    assert uow.skills.alias_rows([uow.cohort_id]) == [program, in_cohort]
    uow.skills.add_alias(SkillAlias("visualisation", "visualization"), "UADMIN", NOW)
    assert uow.skills.alias_rows([]) == [SkillAlias("visualisation", "visualization")]
    assert not uow.skills.remove_alias("viz", None)
    assert uow.skills.remove_alias("viz", uow.cohort_id)
    assert uow.skills.alias_rows([uow.cohort_id]) == [SkillAlias("visualisation", "visualization")]
    assert uow.skills.undeclare("UANA", ["dataviz", "sql"]) == ["dataviz"]


def test_alumni_opt_in_and_out(uow):
    uow.skills.set_alumni("UALUM", True, NOW)
    uow.skills.set_alumni("UALUM", True, NOW)
    assert uow.skills.alumni() == {"UALUM"}
    uow.skills.set_alumni("UALUM", False, NOW)
    assert uow.skills.alumni() == set()

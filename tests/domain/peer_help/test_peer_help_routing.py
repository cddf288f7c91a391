"""Routing: a request reaches the few fellows best placed to answer it, and nobody else."""

from __future__ import annotations

from datetime import date

from domain.cohorts.model import Role
from domain.peer_help.directory import set_alumni
from domain.peer_help.routing import (
    Candidate,
    away_among,
    match_scores,
    pick_helpers,
)
from domain.peer_help.skills import EvidenceSource
from domain.standups.absences import away_from_standups
from domain.standups.model import Absence
from tests.domain.peer_help import peer_help_world
from tests.domain.peer_help.peer_help_world import World

world = peer_help_world.world  # a fixture, found by name


def test_the_best_matches_come_first_then_the_least_busy_then_current_fellows():
    picked = pick_helpers(
        [
            Candidate("UA", 2, open_threads=2),
            Candidate("UB", 2),
            Candidate("UC", 4),
            Candidate("UD", 2, alumnus=True),
            Candidate("UE", 0),
            Candidate("UF", 1),
        ]
    )
    assert [c.user_id for c in picked] == ["UC", "UB", "UD"]
    assert pick_helpers([Candidate("UE", 0)]) == []


def test_scores_add_up_over_the_skills_needed():
    declared = {"python": {"UA", "UB"}, "sql": {"UB"}}
    evidence = [
        ("UC", "python", EvidenceSource.HELP),
        ("UA", "sql", EvidenceSource.TRAINING),
        ("UZ", "python", EvidenceSource.HELP),
    ]
    assert match_scores(["python", "sql"], declared, evidence, ["UA", "UB", "UC", "UD"]) == {
        "UA": 3,
        "UB": 4,
        "UC": 1,
        "UD": 0,
    }


class _Standups:
    def absences_of(self, user_ids):
        return [
            Absence("UA", date(2026, 3, 1), date(2026, 3, 5), "UA"),
            Absence("UB", date(2026, 4, 1), date(2026, 4, 2), "UB"),
        ]


class _StoreWithStandups:
    standups = _Standups()


def test_those_away_from_the_stand_ups_are_away_from_peer_help():
    assert away_from_standups(_StoreWithStandups(), ["UA", "UB"], date(2026, 3, 2)) == {"UA"}
    assert away_from_standups(_StoreWithStandups(), [], date(2026, 3, 2)) == set()
    sources = (away_from_standups, lambda store, user_ids, day: {"UC"} & set(user_ids))
    assert away_among(_StoreWithStandups(), ["UA", "UB", "UC"], date(2026, 4, 1), sources) == {"UB", "UC"}
    assert away_among(_StoreWithStandups(), ["UA", "UB"], date(2026, 3, 2), ()) == set()


def test_a_request_goes_to_three_skilled_fellows_across_challenges_never_the_asker(world: World):
    eig7 = world.cohort("eig7")
    world.members(eig7, "UANA", "UBEN", "UCHLOE", challenge="donnees")
    world.members(eig7, "UDAVID", "UEVA", "UFRED", challenge="sante")
    world.members(eig7, "UMENTOR", role=Role.MENTOR)
    for user_id in ("UANA", "UBEN", "UDAVID", "UEVA", "UFRED", "UMENTOR"):
        world.knows(user_id, "python")
    world.knows("UEVA", "SQL")
    asked = world.ask("UANA", "Requête lente", skills="Python, sql")
    assert asked.routed[0] == "UEVA", "two skills matched beat one"
    assert len(asked.routed) == 3 and "UANA" not in asked.routed and "UMENTOR" not in asked.routed
    assert "UCHLOE" not in asked.routed, "no skill, no message"
    assert {"UDAVID", "UFRED"} & set(asked.routed), "fellows of other challenges are asked too"


def test_the_least_busy_helpers_are_asked_first(world: World):
    eig7 = world.cohort("eig7")
    world.members(eig7, "UANA", "UBEN", "UCHLOE", "UDAVID", "UEVA")
    for user_id in ("UBEN", "UCHLOE", "UDAVID", "UEVA"):
        world.knows(user_id, "python")
    busy = world.ask("UANA", "Premier", skills="python").view.request.id
    world.offer("UBEN", busy)
    world.offer("UCHLOE", busy)
    second = world.ask("UEVA", "Second", skills="python")
    assert second.routed == ("UDAVID",) + tuple(sorted(("UBEN", "UCHLOE")))[:2]


def test_nobody_away_deactivated_or_without_the_skill_is_asked(world: World):
    eig7 = world.cohort("eig7")
    world.members(eig7, "UANA", "UBEN", "UCHLOE", "UDAVID")
    for user_id in ("UBEN", "UCHLOE", "UDAVID"):
        world.knows(user_id, "python")
    world.deactivate("UCHLOE")
    world.away = (lambda store, user_ids, day: {"UDAVID"} & set(user_ids),)
    assert world.ask("UANA", "Aide", skills="python").routed == ("UBEN",)
    assert world.ask("UANA", "Aide", skills="cobol").routed == ()


def test_the_skills_are_found_in_the_title_when_none_is_given(world: World):
    eig7 = world.cohort("eig7")
    world.members(eig7, "UANA", "UBEN")
    world.knows("UBEN", "Airflow")
    asked = world.ask("UANA", "Mon DAG airflow ne démarre plus")
    assert asked.view.request.skills == ("airflow",) and asked.routed == ("UBEN",)


def test_alumni_who_opted_in_are_asked_after_the_current_fellows(world: World):
    old = world.cohort("eig6", "C600", end=date(2025, 12, 1))
    world.members(old, "UALUM", "USHY")
    eig7 = world.cohort("eig7")
    world.members(eig7, "UANA", "UBEN")
    for user_id in ("UALUM", "USHY"):  # alumni in the directory have opted in
        world.run(set_alumni, world.actor(user_id), True)
    for user_id in ("UALUM", "USHY", "UBEN"):
        world.knows(user_id, "marchés publics")
    world.run(set_alumni, world.actor("USHY"), False)
    asked = world.ask("UANA", "Rédiger un CCTP", skills="marches publics")
    assert asked.routed == ("UBEN", "UALUM"), "UShy did not opt in"

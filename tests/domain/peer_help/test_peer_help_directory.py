"""`/skills` use cases: declaring, who knows what, aliases set by admins, alumni opt-in, trainings counted."""

from __future__ import annotations

from datetime import date

import pytest

from domain.cohorts.model import Role
from domain.cohorts.permissions import NotAllowed
from domain.messages import DomainError
from domain.peer_help.directory import (
    NOT_ALUMNUS,
    NOT_SKILL_ADMIN,
    add_aliases,
    add_skills,
    credit_training,
    list_aliases,
    my_skills,
    remove_alias,
    remove_skills,
    set_alumni,
    who_knows,
)
from domain.peer_help.skills import Skill, parse_skill_list
from tests.domain.peer_help import peer_help_world
from tests.domain.peer_help.peer_help_world import World

world = peer_help_world.world  # a fixture, found by name


@pytest.fixture
def eig7(world: World) -> int:
    cohort = world.cohort("eig7")
    world.members(cohort, "UANA", "UBEN", "UCHLOE")
    world.members(cohort, "UCOADMIN", role=Role.ADMIN)
    return cohort


def _skills(text: str) -> list[Skill]:
    return parse_skill_list(text)


def test_declaring_and_removing_skills_whatever_their_spelling(world: World, eig7):
    added = world.run(add_skills, world.actor("UANA"), _skills("Data viz, Python"))
    assert added.changed == ("Data viz", "Python") and added.unchanged == ()
    again = world.run(add_skills, world.actor("UANA"), _skills("data-viz, SQL"))
    assert again.changed == ("SQL",) and again.unchanged == ("Data viz",)
    removed = world.run(remove_skills, world.actor("UANA"), _skills("DATAVIZ, cobol"))
    assert removed.changed == ("Data viz",) and removed.unchanged == ("cobol",)
    assert world.read(my_skills, world.actor("UANA")).declared == ("Python", "SQL")


def test_who_ranks_demonstrated_and_declared_skill(world: World, eig7):
    world.knows("UANA", "python")
    world.knows("UBEN", "python")
    world.run(credit_training, "UBEN", "Python", "training:1", world.now)
    world.run(credit_training, "UCHLOE", ["Python", "SQL"], "training:2", world.now)
    assert world.run(credit_training, "UCHLOE", "python", "training:2", world.now) == 0, "once per session"
    found = world.read(who_knows, world.actor("UANA"), Skill("python", "PYTHON"))
    assert found.label == "python"
    assert [(level.user_id, level.score) for level in found.ranked] == [
        ("UBEN", 3),
        ("UANA", 2),
        ("UCHLOE", 1),
    ]
    assert world.read(who_knows, world.actor("UANA"), Skill("cobol", "Cobol")).ranked == ()


def test_an_admin_maps_other_names_onto_a_skill_and_what_was_recorded_follows(world: World, eig7):
    world.knows("UANA", "visualisation")
    world.knows("UBEN", "Data viz")
    world.run(credit_training, "UCHLOE", "viz", "training:3", world.now)
    skill, names = world.run(
        add_aliases, world.actor("UCOADMIN"), Skill("dataviz", "dataviz"), _skills("visualisation, viz")
    )
    assert (skill, names) == ("Data viz", ("visualisation", "viz"))
    ranked = world.read(who_knows, world.actor("UANA"), Skill("viz", "viz")).ranked
    assert {level.user_id for level in ranked} == {"UANA", "UBEN", "UCHLOE"}
    assert world.read(list_aliases) == {"Data viz": ("visualisation", "viz")}
    world.knows("UCHLOE", "Visualisation")
    assert world.read(my_skills, world.actor("UCHLOE")).declared == ("Data viz",)
    assert world.run(remove_alias, world.actor("UADMIN"), Skill("viz", "viz"))
    assert not world.run(remove_alias, world.actor("UADMIN"), Skill("viz", "viz"))


def test_only_admins_map_skills_and_a_skill_is_not_its_own_alias(world: World, eig7):
    with pytest.raises(NotAllowed) as refused:
        world.run(add_aliases, world.actor("UANA"), Skill("dataviz", "dataviz"), _skills("viz"))
    assert refused.value.message == NOT_SKILL_ADMIN
    assert world.read(list_aliases) == {}
    with pytest.raises(DomainError):
        world.run(add_aliases, world.actor("UADMIN"), Skill("dataviz", "dataviz"), _skills("data-viz"))


def test_only_fellows_of_an_ended_cohort_may_opt_in_as_alumni(world: World, eig7):
    with pytest.raises(DomainError) as refused:
        world.run(set_alumni, world.actor("UANA"), True)
    assert refused.value.message == NOT_ALUMNUS
    old = world.cohort("eig6", "C600", end=date(2025, 12, 1))
    world.members(old, "UALUM")
    assert world.run(set_alumni, world.actor("UALUM"), True)
    mine = world.read(my_skills, world.actor("UALUM"))
    assert mine.alumnus and mine.alumni_opted_in
    assert not world.run(set_alumni, world.actor("UALUM"), False)
    assert not world.read(my_skills, world.actor("UALUM")).alumni_opted_in

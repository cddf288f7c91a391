"""`/skills` use cases: declaring, who knows what, aliases set by admins, alumni opt-in, trainings counted."""

from __future__ import annotations

from datetime import date

import pytest

from domain.cohorts.model import Role
from domain.cohorts.permissions import NotAllowed
from domain.messages import DomainError
from domain.peer_help.aliases import (
    NAME_THE_COHORT,
    NOT_SKILL_ADMIN,
    NOT_USED_HERE,
    AliasLine,
    add_aliases,
    list_aliases,
    remove_alias,
)
from domain.peer_help.directory import (
    NOT_ALUMNUS,
    NOT_IN_DIRECTORY,
    add_skills,
    credit_training,
    my_skills,
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


def _who(world: World, user: str, skill: str) -> set[str]:
    return {level.user_id for level in world.read(who_knows, world.actor(user), Skill(skill, skill)).ranked}


def test_the_program_team_maps_other_names_onto_a_skill_everywhere_and_can_undo_it(world: World, eig7):
    eig8 = world.cohort("eig8", "C200")
    world.members(eig8, "UDAVID")
    world.knows("UANA", "visualisation")
    world.knows("UBEN", "Data viz")
    world.run(credit_training, "UCHLOE", "viz", "training:3", world.now)
    added = world.run(
        add_aliases, world.actor("UADMIN"), Skill("dataviz", "dataviz"), _skills("visualisation, viz")
    )
    assert (added.skill, added.names, added.cohort) == ("Data viz", ("visualisation", "viz"), None)
    assert _who(world, "UANA", "viz") == _who(world, "UDAVID", "dataviz") == {"UANA", "UBEN", "UCHLOE"}
    assert world.read(list_aliases, world.actor("UDAVID")) == (
        AliasLine("Data viz", ("visualisation", "viz"), None),
    )
    # What people declared keeps the name they typed, so removing the alias gives it back.
    world.knows("UCHLOE", "Visualisation")
    assert world.read(my_skills, world.actor("UCHLOE")).declared == ("visualisation",)
    assert world.run(remove_alias, world.actor("UADMIN"), Skill("visualisation", "visualisation"))
    assert not world.run(remove_alias, world.actor("UADMIN"), Skill("visualisation", "visualisation"))
    assert _who(world, "UANA", "visualisation") == {"UANA", "UCHLOE"}
    assert _who(world, "UANA", "dataviz") == {"UBEN", "UCHLOE"}  # UCHLOE by the training on "viz"


def test_a_cohort_admin_maps_skills_of_their_cohort_for_their_cohort_only(world: World, eig7):
    eig8 = world.cohort("eig8", "C200")
    world.members(eig8, "UDAVID", "UEVA")
    world.members(eig8, "UADMIN8", role=Role.ADMIN)
    world.knows("UANA", "viz")
    world.knows("UBEN", "dataviz")
    world.knows("UDAVID", "viz")
    world.knows("UEVA", "dataviz")
    added = world.run(add_aliases, world.actor("UCOADMIN"), Skill("dataviz", "dataviz"), _skills("viz"))
    assert added.cohort is not None and added.cohort.name == "eig7"
    assert _who(world, "UBEN", "dataviz") == {"UANA", "UBEN", "UDAVID", "UEVA"}  # in eig7: viz counts
    assert _who(world, "UEVA", "dataviz") == {"UBEN", "UEVA"}  # not in eig8
    assert _who(world, "UEVA", "viz") == {"UANA", "UDAVID"}
    assert world.read(list_aliases, world.actor("UEVA")) == ()
    assert world.read(list_aliases, world.actor("UANA")) == (AliasLine("dataviz", ("viz",), "eig7"),)
    # A name nobody in eig7 uses is not theirs to map; another cohort is not theirs at all.
    with pytest.raises(DomainError) as refused:
        world.run(add_aliases, world.actor("UCOADMIN"), Skill("dataviz", "dataviz"), _skills("cobol"))
    assert refused.value.message == NOT_USED_HERE
    with pytest.raises(NotAllowed):
        world.run(add_aliases, world.actor("UCOADMIN"), Skill("dataviz", "dataviz"), _skills("viz"), "eig8")
    with pytest.raises(NotAllowed):
        world.run(remove_alias, world.actor("UADMIN8"), Skill("viz", "viz"), "eig7")
    assert not world.run(remove_alias, world.actor("UADMIN8"), Skill("viz", "viz"))
    assert world.run(remove_alias, world.actor("UCOADMIN"), Skill("viz", "viz"))
    assert _who(world, "UBEN", "dataviz") == {"UBEN", "UEVA"}
    # An admin of two cohorts says which.
    world.members(eig8, "UCOADMIN", role=Role.ADMIN)
    with pytest.raises(DomainError) as refused:
        world.run(add_aliases, world.actor("UCOADMIN"), Skill("dataviz", "dataviz"), _skills("viz"))
    assert refused.value.message == NAME_THE_COHORT
    assert world.run(
        add_aliases, world.actor("UCOADMIN"), Skill("dataviz", "dataviz"), _skills("viz"), "eig8"
    )


def test_only_admins_map_skills_and_a_skill_is_not_its_own_alias(world: World, eig7):
    with pytest.raises(NotAllowed) as refused:
        world.run(add_aliases, world.actor("UANA"), Skill("dataviz", "dataviz"), _skills("viz"))
    assert refused.value.message == NOT_SKILL_ADMIN
    assert world.read(list_aliases, world.actor("UANA")) == ()
    with pytest.raises(DomainError):
        world.run(add_aliases, world.actor("UADMIN"), Skill("dataviz", "dataviz"), _skills("data-viz"))


def test_the_directory_answers_members_of_a_running_cohort_and_opted_in_alumni(world: World, eig7):
    for use_case, args in ((my_skills, ()), (who_knows, (Skill("python", "python"),))):
        with pytest.raises(NotAllowed) as refused:
            world.read(use_case, world.actor("USTRANGER"), *args)
        assert refused.value.message == NOT_IN_DIRECTORY
    with pytest.raises(NotAllowed):
        world.run(add_skills, world.actor("USTRANGER"), _skills("python"))
    assert world.read(who_knows, world.actor("UADMIN"), Skill("python", "python")).ranked == ()


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
    with pytest.raises(NotAllowed):  # the directory is for the alumni who opted in
        world.read(my_skills, world.actor("UALUM"))

"""Who manages a cohort and who sees which fellows."""

from __future__ import annotations

from datetime import date

import pytest

from domain.cohorts.model import Cohort, Membership, Role
from domain.cohorts.permissions import (
    NOT_MANAGER,
    can_manage,
    can_see_fellow,
    can_view_cohort,
    is_program_admin,
    require_manage,
    require_program_admin,
    require_view_cohort,
    visible_cohorts,
    visible_fellows,
)
from domain.messages import DomainError

PROGRAM = frozenset({"UPROG"})
F, M, A = Role.FELLOW, Role.MENTOR, Role.ADMIN

# Cohort 1: two challenges (data, sante) and a fellow without one. Cohort 2: another cohort.
MEMBERSHIPS = [
    Membership(1, "UF1", F, "data"),
    Membership(1, "UF2", F, "data"),
    Membership(1, "UF3", F, "sante"),
    Membership(1, "UF4", F, None),
    Membership(1, "UMDATA", M, "data"),
    Membership(1, "UMBOTH", M, "data"),
    Membership(1, "UMBOTH", M, "sante"),
    Membership(1, "UMALL", M, None),
    Membership(1, "UMMIXED", M, "sante"),
    Membership(1, "UMMIXED", M, None),
    Membership(1, "UADMIN", A, None),
    Membership(2, "UF9", F, "data"),
    Membership(2, "UADMIN2", A, None),
    Membership(2, "UF1", F, "ia"),
    Membership(2, "UMDATA", F, "data"),
]


def fellows(viewer: str, memberships=MEMBERSHIPS) -> set[tuple[int, str]]:
    return {(m.cohort_id, m.user_id) for m in visible_fellows(viewer, memberships, PROGRAM)}


COHORT1 = {(1, "UF1"), (1, "UF2"), (1, "UF3"), (1, "UF4")}
COHORT2 = {(2, "UF9"), (2, "UF1"), (2, "UMDATA")}


@pytest.mark.parametrize(
    "user,cohort_id,allowed",
    [
        ("UPROG", 1, True),
        ("UPROG", 99, True),
        ("UADMIN", 1, True),
        ("UADMIN", 2, False),
        ("UADMIN2", 2, True),
        ("UF1", 1, False),
        ("UMALL", 1, False),
        ("UNOBODY", 1, False),
    ],
)
def test_can_manage(user, cohort_id, allowed):
    assert can_manage(user, cohort_id, PROGRAM, MEMBERSHIPS) is allowed
    if allowed:
        require_manage(user, cohort_id, PROGRAM, MEMBERSHIPS)
    else:
        with pytest.raises(DomainError) as caught:
            require_manage(user, cohort_id, PROGRAM, MEMBERSHIPS)
        assert caught.value.message == NOT_MANAGER
        assert str(caught.value) == "Only the program team or this cohort's admins can do that."


def test_can_manage_accepts_any_iterable():
    assert can_manage("UADMIN", 1, PROGRAM, iter(MEMBERSHIPS))
    assert not can_manage("UADMIN", 1, frozenset(), [])


def test_program_admin():
    assert is_program_admin("UPROG", PROGRAM)
    assert not is_program_admin("UADMIN", PROGRAM)
    require_program_admin("UPROG", PROGRAM)
    with pytest.raises(DomainError, match="Only the program team can do that."):
        require_program_admin("UADMIN", PROGRAM)


@pytest.mark.parametrize(
    "user,cohort_id,allowed",
    [("UPROG", 2, True), ("UF4", 1, True), ("UMALL", 1, True), ("UF4", 2, False), ("UNOBODY", 1, False)],
)
def test_can_view_cohort(user, cohort_id, allowed):
    assert can_view_cohort(user, cohort_id, PROGRAM, MEMBERSHIPS) is allowed
    if not allowed:
        with pytest.raises(DomainError, match="Only the program team and the members"):
            require_view_cohort(user, cohort_id, PROGRAM, MEMBERSHIPS)


@pytest.mark.parametrize(
    "viewer,expected",
    [
        ("UPROG", COHORT1 | COHORT2),
        ("UADMIN", COHORT1),
        ("UADMIN2", COHORT2),
        ("UF4", COHORT1),
        ("UF9", COHORT2),
        ("UF1", COHORT1 | COHORT2),
        ("UMDATA", {(1, "UF1"), (1, "UF2")} | COHORT2),
        ("UMBOTH", {(1, "UF1"), (1, "UF2"), (1, "UF3")}),
        ("UMALL", COHORT1),
        ("UMMIXED", COHORT1),
        ("UNOBODY", set()),
    ],
)
def test_visible_fellows(viewer, expected):
    assert fellows(viewer) == expected


def test_visible_fellows_are_fellows_only_in_the_given_order():
    visible = visible_fellows("UADMIN", MEMBERSHIPS, PROGRAM)
    assert [m.user_id for m in visible] == ["UF1", "UF2", "UF3", "UF4"]
    assert all(m.role == Role.FELLOW for m in visible)


def test_a_mentor_of_a_challenge_does_not_see_fellows_without_one():
    assert (1, "UF4") not in fellows("UMDATA")


def test_visible_fellows_takes_an_iterator():
    assert {m.user_id for m in visible_fellows("UMALL", iter(MEMBERSHIPS), PROGRAM)} == {
        "UF1",
        "UF2",
        "UF3",
        "UF4",
    }


def test_can_see_fellow():
    assert can_see_fellow("UMDATA", "UF1", MEMBERSHIPS, PROGRAM)
    assert not can_see_fellow("UMDATA", "UF3", MEMBERSHIPS, PROGRAM)
    assert not can_see_fellow("UNOBODY", "UF1", MEMBERSHIPS, PROGRAM)
    assert can_see_fellow("UPROG", "UF9", MEMBERSHIPS, PROGRAM)


def test_visible_cohorts():
    cohorts = [
        Cohort(i, f"c{i}", "C1", "Europe/Paris", "fr", "FR", date(2026, 1, 1), None) for i in (1, 2, 3)
    ]
    assert [c.id for c in visible_cohorts("UPROG", cohorts, MEMBERSHIPS, PROGRAM)] == [1, 2, 3]
    assert [c.id for c in visible_cohorts("UF1", cohorts, MEMBERSHIPS, PROGRAM)] == [1, 2]
    assert [c.id for c in visible_cohorts("UADMIN", cohorts, MEMBERSHIPS, PROGRAM)] == [1]
    assert visible_cohorts("UNOBODY", cohorts, MEMBERSHIPS, PROGRAM) == []

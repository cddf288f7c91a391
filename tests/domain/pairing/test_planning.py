"""The groups of a round: new couples first, other challenges first, then those who met longest ago;
a trio when the count is odd, threes with size=3, never-pairs kept apart."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import combinations

from domain.pairing.planning import RoundInput, group_count, last_meetings, plan_round
from schedules.pairing import max_weight_pairs

DAY = date(2026, 3, 2)


def given(people, challenges=None, met=None, never=()):
    challenges = challenges or {p: None for p in people}
    return RoundInput(list(people), challenges, met or {}, {frozenset(n) for n in never}, DAY)


def couples(groups):
    return {frozenset(c) for g in groups for c in combinations(g, 2)}


def test_everyone_is_in_one_group_and_an_odd_count_makes_one_trio():
    people = [f"U{n}" for n in range(7)]
    groups = plan_round(given(people), 2, max_weight_pairs)
    assert sorted(len(g) for g in groups) == [2, 2, 3]
    assert sorted(p for g in groups for p in g) == people


def test_people_of_other_challenges_are_paired_before_their_own():
    challenges = {"UA1": "a", "UA2": "a", "UB1": "b", "UB2": "b"}
    groups = plan_round(given(challenges, challenges), 2, max_weight_pairs)
    assert all(challenges[g[0]] != challenges[g[1]] for g in groups)


def test_never_met_comes_before_another_challenge():
    challenges = {"UA1": "a", "UA2": "a", "UB1": "b", "UB2": "b"}
    met = {
        frozenset(c): DAY - timedelta(weeks=1)
        for c in (("UA1", "UB1"), ("UA1", "UB2"), ("UA2", "UB1"), ("UA2", "UB2"))
    }
    groups = plan_round(given(challenges, challenges, met), 2, max_weight_pairs)
    assert couples(groups) == {frozenset(("UA1", "UA2")), frozenset(("UB1", "UB2"))}


def test_when_everyone_met_the_longest_ago_are_paired_again():
    people = ["U1", "U2", "U3", "U4"]
    met = {frozenset(c): DAY - timedelta(weeks=1) for c in combinations(people, 2)}
    met[frozenset(("U1", "U2"))] = met[frozenset(("U3", "U4"))] = DAY - timedelta(weeks=9)
    groups = plan_round(given(people, met=met), 2, max_weight_pairs)
    assert couples(groups) == {frozenset(("U1", "U2")), frozenset(("U3", "U4"))}


def test_never_pairs_are_kept_apart_even_in_the_trio():
    people = ["U1", "U2", "U3"]
    assert plan_round(given(people, never=[("U1", "U2")]), 2, max_weight_pairs) in (
        [("U1", "U3")],
        [("U2", "U3")],
    )


def test_size_three_makes_threes_and_pairs_for_the_rest():
    for count, shape in ((9, [3, 3, 3]), (7, [2, 2, 3]), (8, [2, 3, 3]), (4, [2, 2]), (2, [2])):
        people = [f"U{n}" for n in range(count)]
        groups = plan_round(given(people), 3, max_weight_pairs)
        assert sorted(len(g) for g in groups) == shape, count
        assert sorted(p for g in groups for p in g) == sorted(people)


def test_one_person_alone_makes_no_group():
    assert group_count(1, 2) == 0
    assert plan_round(given(["U1"]), 2, max_weight_pairs) == []


def _most_new_couples(people, seen) -> int:
    unmet = [(a, b, 1) for a, b in combinations(people, 2) if frozenset((a, b)) not in seen]
    return len(max_weight_pairs(unmet))


def test_each_round_makes_as_many_new_couples_as_any_pairing_of_it_could():
    people = [f"U{n:02d}" for n in range(10)]
    history = []
    seen: set[frozenset[str]] = set()
    for week in range(12):
        day = DAY + timedelta(weeks=week)
        best = _most_new_couples(people, seen)
        round_input = RoundInput(people, {p: None for p in people}, last_meetings(history), set(), day)
        made = couples(plan_round(round_input, 2, max_weight_pairs))
        assert len(made - seen) == best, week
        if week < 5:
            assert not made & seen  # the first rounds: all new
        seen |= made
        history.append((day, made))

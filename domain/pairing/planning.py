"""The groups of a round, chosen to make as many new meetings as the round allows.

Every two people who may be paired get a weight, and a maximum-weight matching (the `Matcher`,
given by the caller: the domain holds no graph library) picks the pairs. The weights are tiers,
each larger than everything the tiers below could add up to over a whole round, so the matching
maximises, in this order: people who never met, people of different challenges, and then those
who met longest ago. With an odd count the one left over joins the pair that suits them best (a
trio); with `size=3` the weakest pairs are split and their people join the other pairs.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

Edge = tuple[Hashable, Hashable, int]
# Maximum-weight matching among the matchings of maximum size: the pairs it picks.
Matcher = Callable[[Sequence[Edge]], Iterable[tuple[Hashable, Hashable]]]

# Days since a meeting count up to this; never met counts as this too.
AGE_CAP_DAYS = 730


@dataclass(frozen=True)
class Weights:
    """The tiers for a round of `people` people (integers: the matching stays exact)."""

    cross: int
    new: int

    @classmethod
    def for_round(cls, people: int) -> Weights:
        groups = people // 2 + 1
        cross = groups * (AGE_CAP_DAYS + 1)
        return cls(cross, groups * (cross + AGE_CAP_DAYS + 1))


@dataclass(frozen=True)
class RoundInput:
    """Who takes part, their challenges, when each two last met, and who is never to be paired."""

    people: Sequence[str]
    challenges: Mapping[str, str | None]
    last_met: Mapping[frozenset[str], date]
    never: Collection[frozenset[str]]
    day: date


def weight(a: str, b: str, given: RoundInput, tiers: Weights) -> int:
    last = given.last_met.get(frozenset((a, b)))
    age = AGE_CAP_DAYS if last is None else min(AGE_CAP_DAYS, max(0, (given.day - last).days))
    first, second = given.challenges.get(a), given.challenges.get(b)
    cross = first is None or second is None or first != second
    return (tiers.new if last is None else 0) + (tiers.cross if cross else 0) + age


def group_count(people: int, size: int) -> int:
    """How many groups a round makes: pairs (one trio when odd), or threes (pairs for the rest)."""
    if people < 2:
        return 0
    return people // 2 if size == 2 else math.ceil(people / 3)


def _pairs(given: RoundInput, tiers: Weights, match: Matcher) -> list[tuple[str, str]]:
    people = sorted(given.people)
    edges: list[Edge] = [
        (a, b, weight(a, b, given, tiers))
        for i, a in enumerate(people)
        for b in people[i + 1 :]
        if frozenset((a, b)) not in given.never
    ]
    found = [tuple(sorted((str(a), str(b)))) for a, b in match(edges)]
    return sorted((p[0], p[1]) for p in found)


def _join(
    pairs: list[tuple[str, str]], singles: list[str], given: RoundInput, tiers: Weights, match: Matcher
) -> list[tuple[str, ...]]:
    """Each single joins at most one pair, where they weigh most; one who fits nowhere stays out."""
    edges: list[Edge] = []
    for single in singles:
        for index, pair in enumerate(pairs):
            if any(frozenset((single, member)) in given.never for member in pair):
                continue
            score = sum(weight(single, member, given, tiers) for member in pair)
            edges.append((f"s:{single}", f"p:{index}", score))
    joined: dict[int, str] = {}
    for a, b in match(edges):
        single_node, pair_node = sorted((str(a), str(b)), key=lambda node: node.startswith("p:"))
        joined[int(pair_node[2:])] = single_node[2:]
    return [tuple(sorted((*pair, joined[i]))) if i in joined else pair for i, pair in enumerate(pairs)]


def plan_round(given: RoundInput, size: int, match: Matcher) -> list[tuple[str, ...]]:
    """The round's groups, each sorted, in a stable order."""
    tiers = Weights.for_round(len(given.people))
    pairs = _pairs(given, tiers, match)
    wanted = min(group_count(len(given.people), size), len(pairs))
    by_strength = sorted(pairs, key=lambda p: weight(p[0], p[1], given, tiers), reverse=True)
    kept = sorted(by_strength[:wanted])
    in_pairs = {person for pair in kept for person in pair}
    singles = sorted(p for p in given.people if p not in in_pairs)
    return sorted(_join(kept, singles, given, tiers, match))


def last_meetings(groups: Iterable[tuple[date, Iterable[frozenset[str]]]]) -> dict[frozenset[str], date]:
    """When each two people were last in the same group."""
    last: dict[frozenset[str], date] = {}
    for day, couples in groups:
        for each in couples:
            if each not in last or last[each] < day:
                last[each] = day
    return last

"""Pairing: how long a round's matching takes, and how well rounds spread meetings across challenges.

1. Matching: 200 people in 40 challenges with a year of weekly rounds behind them (the history
   the planner reads), one round planned (`plan_round` with networkx's maximum-weight matching).
2. Program: 60 fellows in 12 challenges, 40 rounds planned one after the other. Each round is
   checked against the best it could have done: the largest number of couples who never met that
   any pairing of that round allows (a maximum matching of the "never met" graph). A repeat while
   an unmet couple was available means the round made fewer new couples than that. The share of
   possible cross-challenge couples met at the end is compared with random pairing.

    .venv/bin/python -m benchmarks.pairing [--repeat 5] [--seeds 20]

Targets: matching under 1 s; no repeat while an unmet couple was available.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from datetime import date, timedelta
from itertools import combinations

import networkx as nx

from domain.pairing.planning import RoundInput, last_meetings, plan_round
from schedules.pairing import max_weight_pairs

START = date(2025, 9, 1)


def couples(group: tuple[str, ...]) -> list[frozenset[str]]:
    return [frozenset(c) for c in combinations(group, 2)]


def people_in(count: int, challenges: int) -> tuple[list[str], dict[str, str | None]]:
    people = [f"U{n:04d}" for n in range(count)]
    return people, {p: f"challenge-{n % challenges}" for n, p in enumerate(people)}


def random_round(people: list[str], rng: random.Random) -> list[tuple[str, ...]]:
    shuffled = people[:]
    rng.shuffle(shuffled)
    groups = [tuple(shuffled[i : i + 2]) for i in range(0, len(shuffled) - 1, 2)]
    if len(shuffled) % 2:
        groups[-1] = (*groups[-1], shuffled[-1])
    return groups


def matching_time(repeat: int) -> list[float]:
    people, challenges = people_in(200, 40)
    rng = random.Random(7)
    history = [(START + timedelta(weeks=w), random_round(people, rng)) for w in range(52)]
    met = last_meetings((day, [c for g in groups for c in couples(g)]) for day, groups in history)
    given = RoundInput(people, challenges, met, set(), START + timedelta(weeks=52))
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        groups = plan_round(given, 2, max_weight_pairs)
        timings.append(time.perf_counter() - started)
    assert sorted(p for g in groups for p in g) == sorted(people)
    return timings


def best_new(people: list[str], met: set[frozenset[str]]) -> int:
    """The most couples who never met that one round of pairs can make."""
    graph = nx.Graph()
    graph.add_edges_from((a, b) for a, b in combinations(people, 2) if frozenset((a, b)) not in met)
    return len(nx.max_weight_matching(graph, maxcardinality=True))


def simulate(rounds: int, planner) -> dict[str, float]:
    people, challenges = people_in(60, 12)
    met: set[frozenset[str]] = set()
    history: list[tuple[date, list[frozenset[str]]]] = []
    repeats = short_rounds = 0
    for number in range(rounds):
        day = START + timedelta(weeks=number)
        best = best_new(people, met)
        groups = planner(people, challenges, history, day)
        made = [c for g in groups for c in couples(g)]
        new_pairs = sum(1 for g in groups if frozenset(g[:2]) not in met)
        repeats += sum(1 for c in made if c in met)
        short_rounds += new_pairs < best
        met |= set(made)
        history.append((day, made))
    cross = [frozenset(c) for c in combinations(people, 2) if challenges[c[0]] != challenges[c[1]]]
    return {
        "repeats": repeats,
        "short_rounds": short_rounds,
        "cross_share": sum(1 for c in cross if c in met) / len(cross),
        "cross_possible": len(cross),
    }


def matched(people, challenges, history, day):
    given = RoundInput(people, challenges, last_meetings(history), set(), day)
    return plan_round(given, 2, max_weight_pairs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seeds", type=int, default=20)
    args = parser.parse_args()
    timings = matching_time(args.repeat)
    print(
        f"matching 200 people, 52 weeks of history: median {statistics.median(timings):.3f} s, "
        f"max {max(timings):.3f} s (target < 1 s)"
    )
    started = time.perf_counter()
    ours = simulate(40, matched)
    took = time.perf_counter() - started
    print(
        f"40 rounds, 60 fellows in 12 challenges ({took:.1f} s): {ours['repeats']} repeated couples, "
        f"{ours['short_rounds']} rounds with a repeat while an unmet couple was available; "
        f"cross-challenge couples met: {ours['cross_share']:.1%} of {ours['cross_possible']}"
    )
    shares, repeats = [], []
    for seed in range(args.seeds):
        rng = random.Random(seed)
        result = simulate(40, lambda people, challenges, history, day, rng=rng: random_round(people, rng))
        shares.append(result["cross_share"])
        repeats.append(result["repeats"])
    print(
        f"random pairing, same program ({args.seeds} seeds): cross-challenge couples met "
        f"{statistics.mean(shares):.1%} (min {min(shares):.1%}, max {max(shares):.1%}), "
        f"{statistics.mean(repeats):.0f} repeated couples on average"
    )


if __name__ == "__main__":
    main()

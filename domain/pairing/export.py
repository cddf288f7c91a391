"""The pairing in `cohortbot export`: its rounds, and each group with what it answered."""

from __future__ import annotations

from collections import defaultdict

from domain.cohorts.export import Section
from domain.cohorts.model import Cohort
from domain.pairing.model import Outcome, Pair
from domain.pairing.records import PairingStore


def rounds_section(store: PairingStore, cohort: Cohort) -> Section:
    by_round: dict[str, list[Pair]] = defaultdict(list)
    for pair in store.pairings.pairs_of(cohort.id):
        by_round[pair.round.isoformat()].append(pair)
    rows = tuple(
        (
            day,
            len(pairs),
            sum(len(p.members) for p in pairs),
            sum(1 for p in pairs if p.outcome is not None),
            sum(1 for p in pairs if p.outcome is Outcome.MET),
        )
        for day, pairs in by_round.items()
    )
    return Section("pairing_rounds", ("round", "groups", "people", "answered", "met"), rows)


def pairs_section(store: PairingStore, cohort: Cohort) -> Section:
    columns = ("round", "members", "channel", "outcome", "answered_by", "answered_at")
    rows = tuple(
        (
            p.round.isoformat(),
            " ".join(p.members),
            p.channel,
            p.outcome.value if p.outcome else None,
            p.answered_by,
            p.answered_at.isoformat() if p.answered_at else None,
        )
        for p in store.pairings.pairs_of(cohort.id)
    )
    return Section("pairing_pairs", columns, rows)


PAIRING_SECTIONS = (rounds_section, pairs_section)

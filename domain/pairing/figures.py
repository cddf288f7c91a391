"""What the program team reads about the pairing: answers, cross-challenge meetings, who is isolated."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import combinations

from domain.pairing.model import ISOLATION_SPAN, Outcome, Pair


@dataclass(frozen=True)
class PairingFigures:
    rounds: int
    pairs: int
    answered: int
    cross_met: int  # couples of fellows of different challenges who said they met
    cross_possible: int  # couples of the cohort's fellows of different challenges
    isolated: tuple[str, ...] | None  # None: the rounds began less than the isolation span ago

    @property
    def answer_rate(self) -> int:
        return round(100 * self.answered / self.pairs) if self.pairs else 0

    @property
    def cross_share(self) -> int:
        return round(100 * self.cross_met / self.cross_possible) if self.cross_possible else 0


def _cross(a: str, b: str, challenges: Mapping[str, str | None]) -> bool:
    first, second = challenges.get(a), challenges.get(b)
    return first is not None and second is not None and first != second


def pairing_figures(
    pairs: Sequence[Pair], fellows: Sequence[str], challenges: Mapping[str, str | None], today: date
) -> PairingFigures:
    """The rounds held up to `today` and the cohort's fellows now."""
    held = [p for p in pairs if p.round <= today]
    met = [p for p in held if p.outcome is Outcome.MET]
    fellow_set = set(fellows)
    met_couples = {c for p in met for c in p.couples() if c <= fellow_set}
    possible = [frozenset(c) for c in combinations(sorted(fellow_set), 2) if _cross(*c, challenges)]
    isolated: tuple[str, ...] | None = None
    if held and min(p.round for p in held) <= today - ISOLATION_SPAN:
        recent = {m for p in met if p.round > today - ISOLATION_SPAN for m in p.members}
        isolated = tuple(f for f in fellows if f not in recent)
    return PairingFigures(
        rounds=len({p.round for p in held}),
        pairs=len(held),
        answered=sum(1 for p in held if p.outcome is not None),
        cross_met=sum(1 for c in possible if c in met_couples),
        cross_possible=len(possible),
        isolated=isolated,
    )

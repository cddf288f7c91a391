"""What an introduction says about its people: their challenge, and the skills they share or could trade
(from the skills directory)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from domain.cohorts.model import Cohort, Role
from domain.pairing.model import Pair
from domain.pairing.records import PairingStore

SKILLS_SHOWN = 5


@dataclass(frozen=True)
class Person:
    user_id: str
    role: Role
    challenge: str | None  # the challenge's name


@dataclass(frozen=True)
class IntroCard:
    pair: Pair
    people: tuple[Person, ...]
    shared: tuple[str, ...]  # skills every one of them declared
    offers: tuple[tuple[str, tuple[str, ...]], ...]  # (person, skills only they have in the group)


def _person(
    user_id: str, cohort_members: dict[str, tuple[Role, str | None]], names: dict[str, str]
) -> Person:
    role, slug = cohort_members.get(user_id, (Role.FELLOW, None))
    return Person(user_id, role, names.get(slug, slug) if slug else None)


def intro_cards(store: PairingStore, cohort: Cohort, pairs: Sequence[Pair]) -> dict[str, IntroCard]:
    """The card of each group with a DM, by its channel."""
    members: dict[str, tuple[Role, str | None]] = {}
    for m in sorted(store.members.of_cohort(cohort.id), key=lambda m: m.role != Role.FELLOW):
        members.setdefault(m.user_id, (m.role, m.challenge_slug))
    names = {c.slug: c.name for c in store.cohorts.challenges(cohort.id)}
    cards = {}
    for pair in pairs:
        if not pair.channel:
            continue
        skills = {user_id: set(store.skills.declared_by(user_id)) for user_id in pair.members}
        labels = store.skills.labels(set().union(*skills.values()))
        shared = set.intersection(*skills.values())
        offers = []
        for user_id in pair.members:
            others = set().union(*(skills[o] for o in pair.others(user_id)))
            own = sorted(labels.get(k, k) for k in skills[user_id] - others)
            if own:
                offers.append((user_id, tuple(own[:SKILLS_SHOWN])))
        cards[pair.channel] = IntroCard(
            pair,
            tuple(_person(u, members, names) for u in pair.members),
            tuple(sorted(labels.get(k, k) for k in shared)[:SKILLS_SHOWN]),
            tuple(offers),
        )
    return cards

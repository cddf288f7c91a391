"""Who takes part in a round, and their challenges: one rule for the tick and for `/cohort show`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from domain.cohorts.model import Cohort, MemberProfile, Membership, Role
from domain.cohorts.overview import active_members
from domain.pairing.model import PairingSettings, Who
from domain.pairing.records import PairingStore
from domain.peer_help.routing import AwaySource, away_among
from domain.standups.planning import is_reachable


def roles_of(settings: PairingSettings) -> tuple[Role, ...]:
    return (Role.FELLOW, Role.MENTOR) if settings.who is Who.FELLOWS_AND_MENTORS else (Role.FELLOW,)


def taking_part(
    store: PairingStore,
    cohort: Cohort,
    settings: PairingSettings,
    day: date,
    away: Iterable[AwaySource],
) -> tuple[str, ...]:
    """The round's people on `day`: reachable members of its roles, neither away nor paused."""
    memberships = store.members.of_cohort(cohort.id)
    profiles = store.profiles.get_many({m.user_id for m in memberships})
    people = [
        p
        for p in active_members(cohort, memberships, profiles, day, roles_of(settings))
        if is_reachable(profiles.get(p))
    ]
    pauses = store.pairings.pauses(people)
    gone = away_among(store, people, day, away)
    return tuple(p for p in people if p not in gone and not (p in pauses and pauses[p].keeps_out(day)))


def challenges_of(memberships: Iterable[Membership]) -> dict[str, str | None]:
    """Each member's challenge (a fellow's first; a mentor of the whole cohort has none)."""
    found: dict[str, str | None] = {}
    for m in sorted(memberships, key=lambda m: m.role != Role.FELLOW):
        if found.get(m.user_id) is None:
            found[m.user_id] = m.challenge_slug
    return found


def fellows_of(memberships: Iterable[Membership], profiles: Mapping[str, MemberProfile]) -> list[str]:
    """The cohort's fellows, deactivated accounts left out."""
    return [
        user_id
        for user_id in dict.fromkeys(m.user_id for m in memberships if m.role == Role.FELLOW)
        if not (user_id in profiles and profiles[user_id].deactivated)
    ]

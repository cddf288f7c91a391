"""`/cohort pairing`: the rounds' settings, and the people an admin says are never to be paired."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from itertools import combinations
from typing import Any

from domain.calendar import PublicHolidays
from domain.cohorts.admin import managed_cohort, record_settings
from domain.cohorts.model import Cohort
from domain.cohorts.records import Actor
from domain.cohorts.rules import user_ref
from domain.messages import N_, DomainError
from domain.pairing.commands import NeverPairCommand, PairingSettingsCommand
from domain.pairing.model import PairingSettings, Who
from domain.pairing.records import PairingStore
from domain.weekly_rounds import configure_rounds

NOT_IN_COHORT = N_("{user} is not a member of {name}: only its members can be paired.")


@dataclass(frozen=True)
class PairingConfigured:
    cohort: Cohort
    settings: PairingSettings
    next_runs: tuple[datetime, ...]


@dataclass(frozen=True)
class NeverPairsChanged:
    cohort: Cohort
    people: tuple[str, ...]
    allow: bool
    changed: int


def configure_pairing(
    store: PairingStore, actor: Actor, command: PairingSettingsCommand, holidays: PublicHolidays | None
) -> PairingConfigured:
    """Turns the rounds on (options given, the others kept or defaulted) or off.

    Any change starts the cycle again: the first round is the next chosen weekday from today.
    """
    return PairingConfigured(
        *configure_rounds(
            store,
            actor,
            command,
            "pairing",
            lambda cohort_id, today: store.pairings.settings(cohort_id) or PairingSettings(cohort_id, today),
            store.pairings.save_settings,
            holidays,
            _groups,
        )
    )


def _groups(current: PairingSettings, options: Mapping[str, str]) -> dict[str, Any]:
    """The pairing's own settings: how large the groups are, and who is in them."""
    return {
        "size": int(options.get("size", current.size)),
        "who": Who(options.get("who", current.who)),
    }


def change_never_pairs(store: PairingStore, actor: Actor, command: NeverPairCommand) -> NeverPairsChanged:
    """Every two of the people are never to be paired (or may be again); all must be members."""
    cohort = managed_cohort(store, actor, command.name)
    members = {m.user_id for m in store.members.of_cohort(cohort.id)}
    for person in command.people:
        if person not in members:
            raise DomainError(NOT_IN_COHORT, user=user_ref(person), name=cohort.name)
    changed = 0
    for a, b in combinations(command.people, 2):
        if command.allow:
            changed += store.pairings.remove_never(cohort.id, a, b)
        else:
            changed += store.pairings.add_never(cohort.id, a, b, actor.now)
    word = "allow" if command.allow else "never"
    record_settings(store, cohort, actor, "pairing", {word: " ".join(user_ref(p) for p in command.people)})
    return NeverPairsChanged(cohort, command.people, command.allow, changed)

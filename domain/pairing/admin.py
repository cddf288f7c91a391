"""`/cohort pairing`: the rounds' settings, and the people an admin says are never to be paired."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from itertools import combinations

from domain.calendar import PublicHolidays, local_date
from domain.cohorts.admin import managed_cohort, record_settings
from domain.cohorts.model import Cohort
from domain.cohorts.records import Actor
from domain.cohorts.rules import user_ref
from domain.messages import N_, DomainError
from domain.pairing.commands import NeverPairCommand, PairingSettingsCommand
from domain.pairing.model import PairingSettings, Who, first_on_or_after
from domain.pairing.records import PairingStore
from domain.ritual_calendar import cohort_days, upcoming_rounds

NEXT_SHOWN = 3
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
    cohort = managed_cohort(store, actor, command.name)
    today = local_date(actor.now, cohort.timezone)
    current = store.pairings.settings(cohort.id) or PairingSettings(cohort.id, today)
    if command.off:
        settings = replace(current, active=False, updated_at=actor.now)
    else:
        options = command.options
        changed = replace(
            current,
            every=int(options.get("every", current.every)),
            day=options.get("day", current.day),
            time=options.get("time", current.time),
            size=int(options.get("size", current.size)),
            who=Who(options.get("who", current.who)),
        )
        settings = replace(
            changed, first_round=first_on_or_after(today, changed.day), active=True, updated_at=actor.now
        )
    store.pairings.save_settings(settings)
    record_settings(store, cohort, actor, "pairing", command.options, command.off)
    return PairingConfigured(cohort, settings, next_rounds(store, cohort, settings, actor.now, holidays))


def next_rounds(
    store: PairingStore,
    cohort: Cohort,
    settings: PairingSettings,
    now: datetime,
    holidays: PublicHolidays | None,
    count: int = NEXT_SHOWN,
) -> tuple[datetime, ...]:
    if not settings.active:
        return ()
    days = cohort_days(cohort, holidays, store.cohorts.holidays(cohort.id))
    return tuple(r.due_at for r in upcoming_rounds(settings.is_round, settings.at, days, now, count))


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

"""The pairing's section of the Home tab: the person's current group in each cohort, and their pause."""

from __future__ import annotations

from dataclasses import dataclass

from domain.calendar import PublicHolidays
from domain.cohorts.model import Cohort
from domain.cohorts.records import Actor
from domain.home.overview import HomeSource, Membership, running_cohorts
from domain.pairing.model import Pair, Pause
from domain.pairing.people import roles_of
from domain.pairing.records import PairingStore


@dataclass(frozen=True)
class CurrentPair:
    cohort: Cohort
    pair: Pair | None  # None: not paired yet


@dataclass(frozen=True)
class PairingHome:
    user_id: str
    current: tuple[CurrentPair, ...]
    pause: Pause | None


def pairing_home(
    store: PairingStore, actor: Actor, memberships: tuple[Membership, ...], holidays: PublicHolidays | None
) -> PairingHome | None:
    """Cohorts whose pairing is on and includes the person's role; None when there is none."""
    current = []
    for cohort in {c.id: c for m in memberships for c in running_cohorts([m], m.role, actor)}.values():
        settings = store.pairings.settings(cohort.id)
        roles = {m.role for m in memberships if m.cohort.id == cohort.id}
        if settings is None or not settings.active or not roles & set(roles_of(settings)):
            continue
        mine = [p for p in store.pairings.pairs_of(cohort.id) if p.has(actor.user_id)]
        current.append(CurrentPair(cohort, mine[-1] if mine else None))
    pause = store.pairings.pauses([actor.user_id]).get(actor.user_id)
    if pause is not None and not pause.keeps_out(actor.now.date()):
        pause = None  # a pause whose date has come is over
    if not current and pause is None:
        return None
    return PairingHome(actor.user_id, tuple(current), pause)


PAIRING_HOME = HomeSource("pairing", pairing_home)

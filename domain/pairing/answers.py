"""What people do with their pairing: answer "we met" or "not this time", pause, resume, leave."""

from __future__ import annotations

from dataclasses import dataclass

from domain.calendar import local_date
from domain.cohorts.language import latest_cohort
from domain.cohorts.model import Cohort
from domain.cohorts.permissions import NotAllowed
from domain.cohorts.records import Actor
from domain.messages import N_, DomainError
from domain.pairing.commands import LeavePairing, PairingCommand, PausePairing, ResumePairing
from domain.pairing.model import Outcome, Pair, Pause
from domain.pairing.records import PairingStore

NOT_IN_PAIR = N_("This introduction is for the people it names: your answer was not recorded.")
NOT_A_MEMBER = N_("You are not in a cohort, so you have no pairing to change.")
PAUSE_NOT_AHEAD = N_("{day} is not after today: give a date to come back on, such as next week.")


@dataclass(frozen=True)
class PairAnswered:
    pair: Pair
    cohort: Cohort


@dataclass(frozen=True)
class PairingStanding:
    """Where the person stands after the command: their pause (None: they take part)."""

    pause: Pause | None
    changed: bool = True


def answer_pair(store: PairingStore, actor: Actor, pair_id: int, outcome: Outcome) -> PairAnswered:
    """Records what the group says; a later answer replaces an earlier one."""
    pair = store.pairings.get(pair_id)
    if pair is None or not pair.has(actor.user_id):
        raise NotAllowed(NOT_IN_PAIR)
    answered = store.pairings.answer(pair_id, outcome, actor.user_id, actor.now)
    return PairAnswered(answered, store.cohorts.get(pair.cohort_id))


def change_pairing(store: PairingStore, actor: Actor, command: PairingCommand) -> PairingStanding:
    cohort = latest_cohort(store, actor.user_id)
    if cohort is None:
        raise NotAllowed(NOT_A_MEMBER)
    user_id = actor.user_id
    current = store.pairings.pauses([user_id]).get(user_id)
    if isinstance(command, PausePairing):
        if command.until is not None and command.until <= local_date(actor.now, cohort.timezone):
            raise DomainError(PAUSE_NOT_AHEAD, day=command.until.isoformat())
        pause = Pause(user_id, command.until)
        store.pairings.save_pause(pause, actor.now)
        return PairingStanding(pause)
    if isinstance(command, LeavePairing):
        pause = Pause(user_id, off=True)
        store.pairings.save_pause(pause, actor.now)
        return PairingStanding(pause)
    if isinstance(command, ResumePairing):
        return PairingStanding(None, store.pairings.resume(user_id))
    return PairingStanding(current, changed=False)

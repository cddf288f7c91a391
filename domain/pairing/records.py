"""The ports of the pairing: storage implements them, the domain tests fake them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Protocol

from domain.cohorts.model import Cohort
from domain.cohorts.records import CohortStore
from domain.ledger import ScheduleLookup
from domain.pairing.model import Outcome, Pair, PairingSettings, Pause
from domain.peer_help.records import SkillRepository


class PairingRepository(Protocol):
    # Settings ----------------------------------------------------------------------------

    def settings(self, cohort_id: int) -> PairingSettings | None: ...

    def save_settings(self, settings: PairingSettings) -> None: ...

    def running(self) -> list[tuple[Cohort, PairingSettings]]:
        """The cohorts whose pairing is on and which are not archived."""

    # Rounds ------------------------------------------------------------------------------

    def add_round(self, cohort_id: int, round_day: date, groups: Sequence[tuple[str, ...]]) -> list[Pair]:
        """The round's groups (those already there are kept), then every group of the round."""

    def round_pairs(self, cohort_id: int, round_day: date) -> list[Pair]: ...

    def pairs_of(self, cohort_id: int) -> list[Pair]:
        """Every group of every round of the cohort, oldest round first."""

    def get(self, pair_id: int) -> Pair | None: ...

    def set_channel(self, pair_id: int, channel: str) -> None: ...

    def answer(self, pair_id: int, outcome: Outcome, by: str, now: datetime) -> Pair: ...

    # People ------------------------------------------------------------------------------

    def pauses(self, user_ids: Iterable[str]) -> dict[str, Pause]: ...

    def save_pause(self, pause: Pause, now: datetime) -> None: ...

    def resume(self, user_id: str) -> bool:
        """False when the person was not paused."""

    def never_pairs(self, cohort_id: int) -> set[frozenset[str]]: ...

    def add_never(self, cohort_id: int, a: str, b: str, now: datetime) -> bool:
        """False when the two were already never to be paired."""

    def remove_never(self, cohort_id: int, a: str, b: str) -> bool: ...


class PairingStore(CohortStore, Protocol):
    pairings: PairingRepository
    skills: SkillRepository
    schedule: ScheduleLookup

"""The ports of the check-ins and digests: storage implements them, the domain tests fake them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Protocol

from domain.checkins.model import CheckinAnswer, CheckinSchedule, DigestSchedule, MentorCheckin, Share
from domain.cohorts.model import Cohort
from domain.cohorts.records import CohortStore
from domain.ledger import ScheduleLookup


class CheckinRepository(Protocol):
    # Schedules ---------------------------------------------------------------------------

    def checkin_schedule(self, cohort_id: int) -> CheckinSchedule | None: ...

    def save_checkin_schedule(self, schedule: CheckinSchedule) -> None: ...

    def digest_schedule(self, cohort_id: int) -> DigestSchedule | None: ...

    def save_digest_schedule(self, schedule: DigestSchedule) -> None: ...

    def running_checkins(self) -> list[tuple[Cohort, CheckinSchedule]]: ...

    def running_digests(self) -> list[tuple[Cohort, DigestSchedule]]: ...

    # Check-ins ---------------------------------------------------------------------------

    def open_round(self, cohort_id: int, round_day: date, mentors: Iterable[str]) -> None:
        """An open check-in for each mentor of the round (those already there are kept)."""

    def mark_missed(self, cohort_id: int, before: date, at_round: date) -> int:
        """Open check-ins of rounds before `before` become missed, flagged at `at_round`."""

    def missed_at(self, cohort_id: int, at_round: date) -> list[MentorCheckin]: ...

    def open_mentors(self, cohort_id: int, round_day: date) -> list[str]: ...

    def latest_open(self, cohort_id: int, mentor: str) -> MentorCheckin | None: ...

    def answer(
        self, cohort_id: int, mentor: str, round_day: date, answer: CheckinAnswer, now: datetime
    ) -> MentorCheckin: ...

    def since(self, cohort_id: int, first: date) -> list[MentorCheckin]: ...

    def all_of(self, cohort_id: int) -> list[MentorCheckin]: ...

    # What fellows share ------------------------------------------------------------------

    def share_of(self, user_id: str) -> Share: ...

    def set_share(self, user_id: str, share: Share, now: datetime) -> None: ...

    def text_sharers(self, user_ids: Iterable[str]) -> set[str]: ...


class CheckinStore(CohortStore, Protocol):
    checkins: CheckinRepository
    schedule: ScheduleLookup

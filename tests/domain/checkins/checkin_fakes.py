"""In-memory stand-ins for the check-in repository and the scheduling core's record, so the check-in
use cases and planners run without a database."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import TypeVar

from domain.checkins import records
from domain.checkins.model import (
    CheckinAnswer,
    CheckinSchedule,
    CheckinStatus,
    DigestSchedule,
    MentorCheckin,
    Share,
)
from domain.cohorts.model import Cohort
from domain.ledger import ScheduleLookup
from domain.scheduling import Occurrence, OccurrenceStatus, PlannedOccurrence
from tests.domain.fakes import Cohorts, Store

S = TypeVar("S", CheckinSchedule, DigestSchedule)


class Checkins(records.CheckinRepository):
    def __init__(self, cohorts: Cohorts) -> None:
        self.checkin_schedules: dict[int, CheckinSchedule] = {}
        self.digest_schedules: dict[int, DigestSchedule] = {}
        self.rows: list[MentorCheckin] = []
        self.shares: dict[str, Share] = {}
        self.cohorts = cohorts

    def checkin_schedule(self, cohort_id: int) -> CheckinSchedule | None:
        return self.checkin_schedules.get(cohort_id)

    def save_checkin_schedule(self, schedule: CheckinSchedule) -> None:
        self.checkin_schedules[schedule.cohort_id] = schedule

    def digest_schedule(self, cohort_id: int) -> DigestSchedule | None:
        return self.digest_schedules.get(cohort_id)

    def save_digest_schedule(self, schedule: DigestSchedule) -> None:
        self.digest_schedules[schedule.cohort_id] = schedule

    def _running(self, schedules: Mapping[int, S]) -> list[tuple[Cohort, S]]:
        return [
            (self.cohorts.rows[i], s)
            for i, s in sorted(schedules.items())
            if s.active and not self.cohorts.rows[i].archived
        ]

    def running_checkins(self) -> list[tuple[Cohort, CheckinSchedule]]:
        return self._running(self.checkin_schedules)

    def running_digests(self) -> list[tuple[Cohort, DigestSchedule]]:
        return self._running(self.digest_schedules)

    def _find(self, cohort_id: int, mentor: str, round_day: date) -> MentorCheckin | None:
        return next(
            (c for c in self.rows if (c.cohort_id, c.mentor, c.round) == (cohort_id, mentor, round_day)), None
        )

    def open_round(self, cohort_id: int, round_day: date, mentors: Iterable[str]) -> None:
        for mentor in mentors:
            if self._find(cohort_id, mentor, round_day) is None:
                self.rows.append(
                    MentorCheckin(len(self.rows) + 1, cohort_id, mentor, round_day, CheckinStatus.OPEN)
                )

    def mark_missed(self, cohort_id: int, before: date, at_round: date) -> int:
        changed = 0
        for index, c in enumerate(self.rows):
            if c.cohort_id == cohort_id and c.round < before and c.status is CheckinStatus.OPEN:
                self.rows[index] = dataclasses.replace(
                    c, status=CheckinStatus.MISSED, missed_at_round=at_round
                )
                changed += 1
        return changed

    def missed_at(self, cohort_id: int, at_round: date) -> list[MentorCheckin]:
        return [c for c in self.rows if c.cohort_id == cohort_id and c.missed_at_round == at_round]

    def open_mentors(self, cohort_id: int, round_day: date) -> list[str]:
        return [
            c.mentor
            for c in self.rows
            if (c.cohort_id, c.round, c.status) == (cohort_id, round_day, CheckinStatus.OPEN)
        ]

    def latest_open(self, cohort_id: int, mentor: str) -> MentorCheckin | None:
        found = sorted(
            (
                c
                for c in self.rows
                if (c.cohort_id, c.mentor, c.status) == (cohort_id, mentor, CheckinStatus.OPEN)
            ),
            key=lambda c: c.round,
        )
        return found[-1] if found else None

    def answer(
        self, cohort_id: int, mentor: str, round_day: date, answer: CheckinAnswer, now: datetime
    ) -> MentorCheckin:
        found = self._find(cohort_id, mentor, round_day)
        new = MentorCheckin(
            found.id if found else len(self.rows) + 1,
            cohort_id,
            mentor,
            round_day,
            CheckinStatus.ANSWERED,
            answer,
            now,
        )
        if found is not None:
            self.rows[self.rows.index(found)] = new
        else:
            self.rows.append(new)
        return new

    def since(self, cohort_id: int, first: date) -> list[MentorCheckin]:
        return [c for c in self.all_of(cohort_id) if c.round >= first]

    def all_of(self, cohort_id: int) -> list[MentorCheckin]:
        return sorted((c for c in self.rows if c.cohort_id == cohort_id), key=lambda c: (c.round, c.mentor))

    def share_of(self, user_id: str) -> Share:
        return self.shares.get(user_id, Share.FIGURES)

    def set_share(self, user_id: str, share: Share, now: datetime) -> None:
        self.shares[user_id] = share

    def text_sharers(self, user_ids: Iterable[str]) -> set[str]:
        return {u for u in user_ids if self.shares.get(u) is Share.TEXT}


class Schedule(ScheduleLookup):
    """The occurrences the scheduling core recorded, as `deliver_due` would have left them."""

    def __init__(self) -> None:
        self.rows: dict[tuple[str, str, date], Occurrence] = {}

    def known(self, kind: str, dates: Iterable[date]) -> dict[tuple[str, date], Occurrence]:
        dates = set(dates)
        return {(s, d): o for (k, s, d), o in self.rows.items() if k == kind and d in dates}

    def record(self, planned: PlannedOccurrence, status: OccurrenceStatus = OccurrenceStatus.DONE) -> None:
        self.rows[(planned.kind, planned.subject, planned.local_date)] = Occurrence(
            len(self.rows) + 1,
            planned.kind,
            planned.subject,
            planned.local_date,
            planned.due_at,
            planned.grace_until,
            status,
        )


class CheckinStore(Store, records.CheckinStore):
    def __init__(self) -> None:
        super().__init__()
        self.checkins: Checkins = Checkins(self.cohorts)
        self.schedule: Schedule = Schedule()

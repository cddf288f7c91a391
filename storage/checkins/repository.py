"""Check-in and digest schedules, the mentors' check-ins, and what fellows share with the digests."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import TypeVar

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from domain.checkins.model import (
    DEFAULT_SHARE,
    CheckinAnswer,
    CheckinSchedule,
    CheckinStatus,
    DigestSchedule,
    MentorCheckin,
    Share,
)
from domain.cohorts.model import Cohort
from storage.checkins.tables import CheckinScheduleRow, DigestScheduleRow, DigestShareRow, MentorCheckinRow
from storage.cohorts.members import CHUNK
from storage.cohorts.repository import _cohort as cohort_from_row
from storage.db import rows_changed
from storage.models import CohortRow
from storage.upsert import insert_ignore, insert_many_ignore

ScheduleRow = TypeVar("ScheduleRow", CheckinScheduleRow, DigestScheduleRow)


def _checkin_schedule(row: CheckinScheduleRow) -> CheckinSchedule:
    return CheckinSchedule(
        row.cohort_id, row.first_round, row.every, row.day, row.time, row.active, row.updated_at
    )


def _digest_schedule(row: DigestScheduleRow) -> DigestSchedule:
    return DigestSchedule(row.cohort_id, row.day, row.time, row.isolation_days, row.active, row.updated_at)


def _checkin(row: MentorCheckinRow) -> MentorCheckin:
    answer = (
        CheckinAnswer(row.rating, row.going_well, row.blockers, row.needs) if row.rating is not None else None
    )
    return MentorCheckin(
        row.id,
        row.cohort_id,
        row.mentor,
        row.round_date,
        CheckinStatus(row.status),
        answer,
        row.answered_at,
        row.missed_at_round,
    )


class CheckinRepository:
    def __init__(self, session: Session):
        self.session = session

    # Schedules ---------------------------------------------------------------------------

    def _save(self, model, cohort_id: int, values: dict) -> None:
        if not insert_ignore(self.session, model, [{"cohort_id": cohort_id, **values}], ["cohort_id"]):
            self.session.execute(update(model).where(model.cohort_id == cohort_id).values(**values))

    def checkin_schedule(self, cohort_id: int) -> CheckinSchedule | None:
        row = self.session.get(CheckinScheduleRow, cohort_id)
        return _checkin_schedule(row) if row is not None else None

    def save_checkin_schedule(self, s: CheckinSchedule) -> None:
        self._save(
            CheckinScheduleRow,
            s.cohort_id,
            {
                "active": s.active,
                "every": s.every,
                "day": s.day,
                "time": s.time,
                "first_round": s.first_round,
                "updated_at": s.updated_at,
            },
        )

    def digest_schedule(self, cohort_id: int) -> DigestSchedule | None:
        row = self.session.get(DigestScheduleRow, cohort_id)
        return _digest_schedule(row) if row is not None else None

    def save_digest_schedule(self, s: DigestSchedule) -> None:
        self._save(
            DigestScheduleRow,
            s.cohort_id,
            {
                "active": s.active,
                "day": s.day,
                "time": s.time,
                "isolation_days": s.isolation_days,
                "updated_at": s.updated_at,
            },
        )

    def _running(self, model: type[ScheduleRow]) -> list[tuple[CohortRow, ScheduleRow]]:
        rows = self.session.execute(
            select(CohortRow, model)
            .join(model, model.cohort_id == CohortRow.id)
            .where(model.active.is_(True), CohortRow.archived_at.is_(None))
            .order_by(CohortRow.id)
        )
        return [(cohort, schedule) for cohort, schedule in rows]

    def running_checkins(self) -> list[tuple[Cohort, CheckinSchedule]]:
        return [(cohort_from_row(c), _checkin_schedule(s)) for c, s in self._running(CheckinScheduleRow)]

    def running_digests(self) -> list[tuple[Cohort, DigestSchedule]]:
        return [(cohort_from_row(c), _digest_schedule(s)) for c, s in self._running(DigestScheduleRow)]

    # Check-ins ---------------------------------------------------------------------------

    def open_round(self, cohort_id: int, round_day: date, mentors: Iterable[str]) -> None:
        insert_many_ignore(
            self.session,
            MentorCheckinRow,
            [
                {
                    "cohort_id": cohort_id,
                    "mentor": mentor,
                    "round_date": round_day,
                    "status": CheckinStatus.OPEN.value,
                    "going_well": "",
                    "blockers": "",
                    "needs": "",
                }
                for mentor in dict.fromkeys(mentors)
            ],
            ["cohort_id", "round_date", "mentor"],
        )

    def mark_missed(self, cohort_id: int, before: date, at_round: date) -> int:
        changed = rows_changed(
            self.session,
            update(MentorCheckinRow)
            .where(
                MentorCheckinRow.cohort_id == cohort_id,
                MentorCheckinRow.round_date < before,
                MentorCheckinRow.status == CheckinStatus.OPEN.value,
            )
            .values(status=CheckinStatus.MISSED.value, missed_at_round=at_round),
        )
        return changed

    def _select(self, *conditions) -> list[MentorCheckin]:
        rows = self.session.scalars(
            select(MentorCheckinRow)
            .where(*conditions)
            .order_by(MentorCheckinRow.round_date, MentorCheckinRow.mentor)
        )
        return [_checkin(row) for row in rows]

    def missed_at(self, cohort_id: int, at_round: date) -> list[MentorCheckin]:
        return self._select(
            MentorCheckinRow.cohort_id == cohort_id, MentorCheckinRow.missed_at_round == at_round
        )

    def open_mentors(self, cohort_id: int, round_day: date) -> list[str]:
        return [
            c.mentor
            for c in self._select(
                MentorCheckinRow.cohort_id == cohort_id,
                MentorCheckinRow.round_date == round_day,
                MentorCheckinRow.status == CheckinStatus.OPEN.value,
            )
        ]

    def latest_open(self, cohort_id: int, mentor: str) -> MentorCheckin | None:
        found = self._select(
            MentorCheckinRow.cohort_id == cohort_id,
            MentorCheckinRow.mentor == mentor,
            MentorCheckinRow.status == CheckinStatus.OPEN.value,
        )
        return found[-1] if found else None

    def answer(
        self, cohort_id: int, mentor: str, round_day: date, answer: CheckinAnswer, now: datetime
    ) -> MentorCheckin:
        key = {"cohort_id": cohort_id, "mentor": mentor, "round_date": round_day}
        values = {
            "status": CheckinStatus.ANSWERED.value,
            "rating": answer.rating,
            "going_well": answer.going_well,
            "blockers": answer.blockers,
            "needs": answer.needs,
            "answered_at": now,
        }
        if not insert_ignore(self.session, MentorCheckinRow, [{**key, **values}], list(key)):
            self.session.execute(
                update(MentorCheckinRow)
                .where(*(getattr(MentorCheckinRow, column) == value for column, value in key.items()))
                .values(**values)
            )
        return self._select(*(getattr(MentorCheckinRow, column) == value for column, value in key.items()))[0]

    def since(self, cohort_id: int, first: date) -> list[MentorCheckin]:
        return self._select(MentorCheckinRow.cohort_id == cohort_id, MentorCheckinRow.round_date >= first)

    def all_of(self, cohort_id: int) -> list[MentorCheckin]:
        return self._select(MentorCheckinRow.cohort_id == cohort_id)

    # What fellows share ------------------------------------------------------------------

    def share_of(self, user_id: str) -> Share:
        row = self.session.get(DigestShareRow, user_id)
        return Share(row.share) if row is not None else DEFAULT_SHARE

    def set_share(self, user_id: str, share: Share, now: datetime) -> None:
        values = {"share": share.value, "updated_at": now}
        if not insert_ignore(self.session, DigestShareRow, [{"user_id": user_id, **values}], ["user_id"]):
            self.session.execute(
                update(DigestShareRow).where(DigestShareRow.user_id == user_id).values(**values)
            )

    def text_sharers(self, user_ids: Iterable[str]) -> set[str]:
        wanted = list(dict.fromkeys(user_ids))
        found: set[str] = set()
        for start in range(0, len(wanted), CHUNK):
            found.update(
                self.session.scalars(
                    select(DigestShareRow.user_id).where(
                        DigestShareRow.user_id.in_(wanted[start : start + CHUNK]),
                        DigestShareRow.share == Share.TEXT.value,
                    )
                )
            )
        return found

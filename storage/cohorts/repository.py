"""Cohorts, their challenges and their own holidays."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from domain.cohorts.model import UNKNOWN_COHORT, Challenge, Cohort, NewCohort, cohort_key
from domain.cohorts.records import CohortHoliday
from domain.messages import N_, DomainError
from storage.cohorts.members import CHUNK
from storage.models import ChallengeRow, CohortHolidayRow, CohortRow
from storage.upsert import insert_ignore


def _cohort(row: CohortRow) -> Cohort:
    return Cohort(
        id=row.id,
        name=row.name,
        channel_id=row.channel_id,
        timezone=row.timezone,
        lang=row.lang,
        country=row.country,
        start=row.start_date,
        end=row.end_date,
        archived_at=row.archived_at,
        rescheduled_at=row.rescheduled_at,
    )


def _holiday(row: CohortHolidayRow) -> CohortHoliday:
    return CohortHoliday(row.cohort_id, row.first_day, row.last_day, row.reason)


class CohortRepository:
    def __init__(self, session: Session):
        self.session = session

    def all(self) -> list[Cohort]:
        return [_cohort(row) for row in self.session.scalars(select(CohortRow).order_by(CohortRow.name_key))]

    def by_name(self, name: str) -> Cohort | None:
        row = self.session.scalar(select(CohortRow).where(CohortRow.name_key == cohort_key(name)))
        return _cohort(row) if row is not None else None

    def get(self, cohort_id: int) -> Cohort:
        """The cohort; an id no cohort has (a forged or stale form) is a mistake to tell, not a crash."""
        row = self.session.get(CohortRow, cohort_id)
        if row is None:
            raise DomainError(UNKNOWN_COHORT)
        return _cohort(row)

    def add(self, new: NewCohort, channel_id: str, now: datetime) -> Cohort:
        row = CohortRow(
            name=new.name,
            name_key=cohort_key(new.name),
            channel_id=channel_id,
            timezone=new.timezone,
            lang=new.lang,
            country=new.country,
            start_date=new.start,
            end_date=new.end,
            created_at=now,
        )
        try:
            # A savepoint: when another request created the same name meanwhile, only this insert is undone.
            with self.session.begin_nested():
                self.session.add(row)
        except IntegrityError:
            raise DomainError(N_('A cohort named "{name}" already exists.'), name=new.name) from None
        return _cohort(row)

    def archive(self, cohort_id: int, now: datetime) -> Cohort:
        self.session.execute(
            update(CohortRow)
            .where(CohortRow.id == cohort_id, CohortRow.archived_at.is_(None))
            .values(archived_at=now)
        )
        return self.get(cohort_id)

    def update(self, cohort: Cohort, rescheduled_at: datetime | None) -> Cohort:
        row = self.session.get_one(CohortRow, cohort.id)
        row.name, row.name_key, row.channel_id = cohort.name, cohort_key(cohort.name), cohort.channel_id
        row.timezone, row.lang, row.country = cohort.timezone, cohort.lang, cohort.country
        row.start_date, row.end_date, row.archived_at = cohort.start, cohort.end, cohort.archived_at
        if rescheduled_at is not None:
            row.rescheduled_at = rescheduled_at
        try:
            # A savepoint: when another request took the same name meanwhile, only this change is undone.
            with self.session.begin_nested():
                self.session.flush()
        except IntegrityError:
            raise DomainError(N_('A cohort named "{name}" already exists.'), name=cohort.name) from None
        return _cohort(row)

    # Challenges ------------------------------------------------------------------------

    def challenges(self, cohort_id: int) -> list[Challenge]:
        rows = self.session.scalars(
            select(ChallengeRow).where(ChallengeRow.cohort_id == cohort_id).order_by(ChallengeRow.slug)
        )
        return [Challenge(row.id, row.cohort_id, row.slug, row.name) for row in rows]

    def add_challenge(self, cohort_id: int, slug: str, name: str) -> Challenge:
        insert_ignore(
            self.session,
            ChallengeRow,
            [{"cohort_id": cohort_id, "slug": slug, "name": name[:100]}],
            ["cohort_id", "slug"],
        )
        row = self.session.scalars(
            select(ChallengeRow).where(ChallengeRow.cohort_id == cohort_id, ChallengeRow.slug == slug)
        ).one()
        return Challenge(row.id, row.cohort_id, row.slug, row.name)

    def rename_challenge(self, challenge_id: int, name: str) -> Challenge:
        row = self.session.get_one(ChallengeRow, challenge_id)
        row.name = name[:100]
        return Challenge(row.id, row.cohort_id, row.slug, row.name)

    # Holidays --------------------------------------------------------------------------

    def holidays(self, cohort_id: int) -> list[CohortHoliday]:
        rows = self.session.scalars(
            select(CohortHolidayRow)
            .where(CohortHolidayRow.cohort_id == cohort_id)
            .order_by(CohortHolidayRow.first_day)
        )
        return [_holiday(row) for row in rows]

    def holidays_of(self, cohort_ids: Iterable[int]) -> dict[int, list[CohortHoliday]]:
        found: dict[int, list[CohortHoliday]] = {}
        ids = list(cohort_ids)
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            for row in self.session.scalars(
                select(CohortHolidayRow).where(CohortHolidayRow.cohort_id.in_(chunk))
            ):
                found.setdefault(row.cohort_id, []).append(_holiday(row))
        return found

    def remove_holiday(self, holiday: CohortHoliday) -> None:
        self.session.execute(
            delete(CohortHolidayRow).where(
                CohortHolidayRow.cohort_id == holiday.cohort_id,
                CohortHolidayRow.first_day == holiday.first,
                CohortHolidayRow.last_day == holiday.last,
            )
        )

    def add_holiday(self, holiday: CohortHoliday) -> bool:
        """Records the holiday; the same days again only update the reason (False then)."""
        key = {"cohort_id": holiday.cohort_id, "first_day": holiday.first, "last_day": holiday.last}
        inserted = insert_ignore(
            self.session, CohortHolidayRow, [{**key, "reason": holiday.reason}], list(key)
        )
        if not inserted:
            self.session.execute(
                update(CohortHolidayRow)
                .where(*(getattr(CohortHolidayRow, column) == value for column, value in key.items()))
                .values(reason=holiday.reason)
            )
        return inserted == 1

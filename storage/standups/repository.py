"""Stand-up schedules, answers and skips, and absences."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.engine import Row
from sqlalchemy.orm import Session

from domain.cohorts.model import Cohort, Role
from domain.standups.model import Absence, EntryStatus, StandupEntry, StandupSettings
from storage.cohorts.members import CHUNK
from storage.cohorts.repository import _cohort as cohort_from_row
from storage.db import rows_changed
from storage.models import CohortRow, MemberProfileRow, MembershipRow
from storage.standups.tables import StandupAbsenceRow, StandupEntryRow, StandupScheduleRow
from storage.upsert import insert_ignore


def _settings(row: StandupScheduleRow) -> StandupSettings:
    return StandupSettings(
        cohort_id=row.cohort_id,
        days=tuple(row.days.split(",")),
        prompt_time=row.time,
        remind_minutes=row.remind_minutes,
        close=row.close,
        zone_mode=row.zone_mode,
        share=row.share,
        mood=row.mood,
        mention=row.mention,
        questions=tuple(json.loads(row.questions)) if row.questions else (),
        blocker_question=row.blocker_question,
        active=row.active,
        updated_at=row.updated_at,
    )


def _settings_values(settings: StandupSettings) -> dict:
    return {
        "active": settings.active,
        "days": ",".join(settings.days),
        "time": settings.prompt_time,
        "remind_minutes": settings.remind_minutes,
        "close": settings.close,
        "zone_mode": settings.zone_mode,
        "share": settings.share,
        "mood": settings.mood,
        "mention": settings.mention,
        "blocker_question": settings.blocker_question,
        "questions": json.dumps(list(settings.questions), ensure_ascii=False) if settings.questions else None,
        "updated_at": settings.updated_at,
    }


def _entry(row: StandupEntryRow | Row[Any]) -> StandupEntry:
    """From the ORM row, or from a plain row of the same columns (read faster in bulk)."""
    return StandupEntry(
        cohort_id=row.cohort_id,
        user_id=row.user_id,
        day=row.local_date,
        status=EntryStatus(row.status),
        answers=tuple(json.loads(row.answers or "[]")),
        mood=row.mood,
        late=row.late,
        submitted_at=row.submitted_at,
        post_channel=row.post_channel,
        post_ts=row.post_ts,
    )


def _absence(row: StandupAbsenceRow) -> Absence:
    return Absence(row.user_id, row.first_day, row.last_day, row.set_by)


class StandupRepository:
    def __init__(self, session: Session):
        self.session = session

    # Schedules ---------------------------------------------------------------------------

    def settings(self, cohort_id: int) -> StandupSettings | None:
        row = self.session.get(StandupScheduleRow, cohort_id)
        return _settings(row) if row is not None else None

    def save_settings(self, settings: StandupSettings) -> None:
        values = _settings_values(settings)
        if not insert_ignore(
            self.session, StandupScheduleRow, [{"cohort_id": settings.cohort_id, **values}], ["cohort_id"]
        ):
            self.session.execute(
                update(StandupScheduleRow)
                .where(StandupScheduleRow.cohort_id == settings.cohort_id)
                .values(**values)
            )

    def running(self) -> list[tuple[Cohort, StandupSettings]]:
        """The stand-ups that are on, in cohorts not archived: what a tick plans from."""
        rows = self.session.execute(
            select(CohortRow, StandupScheduleRow)
            .join(StandupScheduleRow, StandupScheduleRow.cohort_id == CohortRow.id)
            .where(StandupScheduleRow.active.is_(True), CohortRow.archived_at.is_(None))
        )
        return [(cohort_from_row(cohort), _settings(schedule)) for cohort, schedule in rows]

    def fellow_zones(self, cohort_ids: Iterable[int]) -> dict[int, set[str | None]]:
        """Per cohort, the zones its fellows work in (None for those whose zone is unknown)."""
        zone = func.coalesce(MemberProfileRow.timezone_override, MemberProfileRow.slack_timezone)
        rows = self.session.execute(
            select(MembershipRow.cohort_id, zone)
            .distinct()
            .outerjoin(MemberProfileRow, MemberProfileRow.user_id == MembershipRow.user_id)
            .where(MembershipRow.cohort_id.in_(list(cohort_ids)), MembershipRow.role == Role.FELLOW.value)
        )
        found: dict[int, set[str | None]] = {}
        for cohort_id, name in rows:
            found.setdefault(cohort_id, set()).add(name)
        return found

    # Entries -----------------------------------------------------------------------------

    def _entry_row(self, cohort_id: int, user_id: str, day: date) -> StandupEntryRow | None:
        return self.session.scalar(
            select(StandupEntryRow).where(
                StandupEntryRow.cohort_id == cohort_id,
                StandupEntryRow.user_id == user_id,
                StandupEntryRow.local_date == day,
            )
        )

    def entry(self, cohort_id: int, user_id: str, day: date) -> StandupEntry | None:
        row = self._entry_row(cohort_id, user_id, day)
        return _entry(row) if row is not None else None

    def entries(self, cohort_id: int, day: date) -> list[StandupEntry]:
        rows = self.session.scalars(
            select(StandupEntryRow)
            .where(StandupEntryRow.cohort_id == cohort_id, StandupEntryRow.local_date == day)
            .order_by(StandupEntryRow.id)
        )
        return [_entry(row) for row in rows]

    def entries_of(self, user_id: str, first: date, last: date) -> list[StandupEntry]:
        rows = self.session.scalars(
            select(StandupEntryRow)
            .where(StandupEntryRow.user_id == user_id, StandupEntryRow.local_date.between(first, last))
            .order_by(StandupEntryRow.local_date)
        )
        return [_entry(row) for row in rows]

    def entries_of_cohort(self, cohort_id: int) -> list[StandupEntry]:
        rows = self.session.scalars(
            select(StandupEntryRow)
            .where(StandupEntryRow.cohort_id == cohort_id)
            .order_by(StandupEntryRow.local_date, StandupEntryRow.user_id)
        )
        return [_entry(row) for row in rows]

    def save_entry(self, entry: StandupEntry) -> None:
        """Creates or replaces the day's entry; the channel post it already has is kept."""
        values = {
            "status": entry.status.value,
            "answers": json.dumps(list(entry.answers), ensure_ascii=False),
            "mood": entry.mood,
            "late": entry.late,
            "submitted_at": entry.submitted_at,
        }
        key = {"cohort_id": entry.cohort_id, "user_id": entry.user_id, "local_date": entry.day}
        if not insert_ignore(self.session, StandupEntryRow, [{**key, **values}], list(key)):
            self.session.execute(
                update(StandupEntryRow)
                .where(*(getattr(StandupEntryRow, column) == value for column, value in key.items()))
                .values(**values)
            )

    def set_post(self, cohort_id: int, user_id: str, day: date, channel: str, ts: str) -> None:
        self.session.execute(
            update(StandupEntryRow)
            .where(
                StandupEntryRow.cohort_id == cohort_id,
                StandupEntryRow.user_id == user_id,
                StandupEntryRow.local_date == day,
            )
            .values(post_channel=channel, post_ts=ts)
        )

    # Absences ----------------------------------------------------------------------------

    def absences_of(self, user_ids: Iterable[str]) -> list[Absence]:
        wanted = list(dict.fromkeys(user_ids))
        found: list[Absence] = []
        for start in range(0, len(wanted), CHUNK):
            rows = self.session.scalars(
                select(StandupAbsenceRow)
                .where(StandupAbsenceRow.user_id.in_(wanted[start : start + CHUNK]))
                .order_by(StandupAbsenceRow.first_day)
            )
            found += [_absence(row) for row in rows]
        return found

    def add_absence(self, absence: Absence, now: datetime) -> None:
        self.session.add(
            StandupAbsenceRow(
                user_id=absence.user_id,
                first_day=absence.first,
                last_day=absence.last,
                set_by=absence.set_by,
                created_at=now,
            )
        )
        self.session.flush()

    def end_absences(self, user_id: str, today: date) -> int:
        """Ends today the absences running now (they stop yesterday) and drops those still to come."""
        ongoing = rows_changed(
            self.session,
            update(StandupAbsenceRow)
            .where(
                StandupAbsenceRow.user_id == user_id,
                StandupAbsenceRow.first_day < today,
                StandupAbsenceRow.last_day >= today,
            )
            .values(last_day=today - timedelta(days=1)),
        )
        coming = rows_changed(
            self.session,
            delete(StandupAbsenceRow).where(
                StandupAbsenceRow.user_id == user_id, StandupAbsenceRow.first_day >= today
            ),
        )
        return ongoing + coming

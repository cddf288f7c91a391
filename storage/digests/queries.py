"""Read-only queries for the digests: one cohort's week across stand-ups, peer help and trainings.

Every query is bounded by the cohort and by dates, and served by an index on them (stand-up
entries: unique (cohort_id, local_date, user_id); sessions: starts_at; requests: cohort_id), so
a digest costs the same after a month or a year of history.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from domain.checkins.model import MentorCheckin
from domain.cohorts.model import Role
from domain.peer_help.records import ACTIVE, HelpRequest, Offer
from domain.standups.model import Absence, StandupEntry, StandupSettings
from domain.trainings.model import Signup, TrainingSession
from storage.checkins.repository import CheckinRepository
from storage.models import MembershipRow
from storage.peer_help.requests import _offer as offer_from_row
from storage.peer_help.requests import _request as request_from_row
from storage.peer_help.tables import HelpOfferRow, HelpRequestRow
from storage.standups.repository import _absence as absence_from_row
from storage.standups.repository import _entry as entry_from_row
from storage.standups.repository import _settings as settings_from_row
from storage.standups.runs import StandupRunRepository
from storage.standups.tables import StandupAbsenceRow, StandupEntryRow, StandupScheduleRow
from storage.trainings.repository import _session as session_from_row
from storage.trainings.repository import _signup as signup_from_row
from storage.trainings.tables import TrainingSessionRow, TrainingSignupRow


class DigestQueries:
    def __init__(self, session: Session):
        self.session = session

    def joined(self, cohort_id: int) -> dict[str, datetime]:
        rows = self.session.execute(
            select(MembershipRow.user_id, func.min(MembershipRow.added_at))
            .where(MembershipRow.cohort_id == cohort_id)
            .group_by(MembershipRow.user_id)
        )
        return {user_id: _aware(added) for user_id, added in rows}

    def standup_week(
        self, cohort_id: int, first: date, last: date
    ) -> tuple[StandupSettings | None, list[StandupEntry], list[Absence]]:
        schedule = self.session.get(StandupScheduleRow, cohort_id)
        # Plain rows rather than ORM objects: a month of a big cohort's answers is read quickly.
        entries = self.session.execute(
            select(*StandupEntryRow.__table__.columns).where(
                StandupEntryRow.cohort_id == cohort_id, StandupEntryRow.local_date.between(first, last)
            )
        )
        fellows = select(MembershipRow.user_id).where(
            MembershipRow.cohort_id == cohort_id, MembershipRow.role == Role.FELLOW.value
        )
        absences = self.session.scalars(
            select(StandupAbsenceRow).where(
                StandupAbsenceRow.user_id.in_(fellows),
                StandupAbsenceRow.first_day <= last,
                StandupAbsenceRow.last_day >= first,
            )
        )
        return (
            settings_from_row(schedule) if schedule is not None else None,
            [entry_from_row(row) for row in entries],
            [absence_from_row(row) for row in absences],
        )

    def _requests_since(self, cohort_id: int, since: datetime):
        return (
            HelpRequestRow.cohort_id == cohort_id,
            or_(
                HelpRequestRow.status.in_([s.value for s in ACTIVE]),
                HelpRequestRow.created_at >= since,
                HelpRequestRow.ended_at >= since,
            ),
        )

    def help_week(self, cohort_id: int, since: datetime) -> tuple[list[HelpRequest], list[Offer]]:
        conditions = self._requests_since(cohort_id, since)
        requests = self.session.scalars(select(HelpRequestRow).where(*conditions).order_by(HelpRequestRow.id))
        offers = self.session.scalars(
            select(HelpOfferRow)
            .join(HelpRequestRow, HelpRequestRow.id == HelpOfferRow.request_id)
            .where(*conditions)
        )
        return [request_from_row(row) for row in requests], [offer_from_row(row) for row in offers]

    def training_week(
        self, cohort_id: int, since: datetime, until: datetime
    ) -> tuple[list[TrainingSession], list[Signup]]:
        conditions = (
            TrainingSessionRow.cohort_id == cohort_id,
            TrainingSessionRow.starts_at >= since,
            TrainingSessionRow.starts_at < until,
        )
        sessions = self.session.scalars(select(TrainingSessionRow).where(*conditions))
        signups = self.session.scalars(
            select(TrainingSignupRow)
            .join(TrainingSessionRow, TrainingSessionRow.id == TrainingSignupRow.session_id)
            .where(*conditions)
        )
        return [session_from_row(row) for row in sessions], [signup_from_row(row) for row in signups]

    def last_activity(self, cohort_id: int, since: datetime, first_day: date) -> dict[str, datetime]:
        queries = (
            select(StandupEntryRow.user_id, func.max(StandupEntryRow.submitted_at))
            # A skip is a sign of life too: the fellow read the prompt and said so.
            .where(StandupEntryRow.cohort_id == cohort_id, StandupEntryRow.local_date >= first_day)
            .group_by(StandupEntryRow.user_id),
            select(HelpRequestRow.asker, func.max(HelpRequestRow.created_at))
            .where(HelpRequestRow.cohort_id == cohort_id, HelpRequestRow.created_at >= since)
            .group_by(HelpRequestRow.asker),
            select(HelpOfferRow.helper, func.max(HelpOfferRow.offered_at))
            .join(HelpRequestRow, HelpRequestRow.id == HelpOfferRow.request_id)
            .where(HelpRequestRow.cohort_id == cohort_id, HelpOfferRow.offered_at >= since)
            .group_by(HelpOfferRow.helper),
            select(TrainingSignupRow.user_id, func.max(TrainingSignupRow.queued_at))
            .join(TrainingSessionRow, TrainingSessionRow.id == TrainingSignupRow.session_id)
            .where(TrainingSessionRow.cohort_id == cohort_id, TrainingSignupRow.queued_at >= since)
            .group_by(TrainingSignupRow.user_id),
            select(TrainingSessionRow.facilitator, func.max(TrainingSessionRow.created_at))
            .where(TrainingSessionRow.cohort_id == cohort_id, TrainingSessionRow.created_at >= since)
            .group_by(TrainingSessionRow.facilitator),
        )
        latest: dict[str, datetime] = {}
        for query in queries:
            for user_id, when in self.session.execute(query):
                if when is None:
                    continue
                when = _aware(when)
                if user_id not in latest or when > latest[user_id]:
                    latest[user_id] = when
        return latest

    def checkins_since(self, cohort_id: int, first: date) -> list[MentorCheckin]:
        return CheckinRepository(self.session).since(cohort_id, first)

    def standup_prompt_days(self, cohort_id: int, first: date, last: date) -> set[date]:
        return StandupRunRepository(self.session).prompt_days(cohort_id, first, last)


def _aware(value: datetime) -> datetime:
    """Aggregates (min, max) bypass the column type: give them back their UTC zone."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)

"""What the scheduling core recorded of the stand-ups, read through their occurrence subjects.

Subjects are `standup:<cohort id>` and, for fellows prompted in another zone,
`standup:<cohort id>:tz:<zone>` (see domain.standups.planning).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from domain.scheduling import DeliveryStatus, OccurrenceStatus
from domain.standups.planning import PROMPT, cohort_subject, subject_cohort
from domain.standups.records import PromptSent
from storage.models import DeliveryRow, OccurrenceRow


def _cohort_subjects(cohort_id: int):
    base = cohort_subject(cohort_id)
    return or_(
        OccurrenceRow.subject == base, OccurrenceRow.subject.startswith(base + ":tz:", autoescape=True)
    )


class StandupRunRepository:
    def __init__(self, session: Session):
        self.session = session

    def known(
        self, kinds: Iterable[str], subjects: Iterable[str], days: Iterable[date]
    ) -> dict[tuple[str, str, date], OccurrenceStatus]:
        """The recorded occurrences among these; every column is bound, so the unique index answers."""
        rows = self.session.execute(
            select(
                OccurrenceRow.kind, OccurrenceRow.subject, OccurrenceRow.local_date, OccurrenceRow.status
            ).where(
                OccurrenceRow.kind.in_(list(kinds)),
                OccurrenceRow.subject.in_(list(subjects)),
                OccurrenceRow.local_date.in_(list(days)),
            )
        )
        return {(kind, subject, day): OccurrenceStatus(status) for kind, subject, day, status in rows}

    def prompt_days(self, cohort_id: int, first: date, last: date) -> set[date]:
        """The days between `first` and `last` on which the cohort's stand-up prompt was recorded."""
        rows = self.session.scalars(
            select(OccurrenceRow.local_date)
            .where(
                OccurrenceRow.kind == PROMPT,
                OccurrenceRow.local_date.between(first, last),
                _cohort_subjects(cohort_id),
            )
            .distinct()
        )
        return set(rows)

    def prompts(self, cohort_id: int, day: date) -> list[PromptSent]:
        """Every prompt delivery of the cohort's stand-up on that day, whatever the zone group."""
        rows = self.session.execute(
            select(
                DeliveryRow.recipient,
                OccurrenceRow.subject,
                DeliveryRow.status,
                DeliveryRow.sent_at,
                DeliveryRow.channel,
                DeliveryRow.ts,
            )
            .join(OccurrenceRow, OccurrenceRow.id == DeliveryRow.occurrence_id)
            .where(OccurrenceRow.kind == PROMPT, OccurrenceRow.local_date == day, _cohort_subjects(cohort_id))
            .order_by(DeliveryRow.id)
        )
        return [
            PromptSent(user, subject, DeliveryStatus(status), sent_at, channel, ts)
            for user, subject, status, sent_at, channel, ts in rows
        ]

    def post_of(self, kind: str, subject: str, day: date) -> tuple[str, str] | None:
        """(channel, ts) of the message an occurrence posted, once Slack confirmed it."""
        row = self.session.execute(
            select(DeliveryRow.channel, DeliveryRow.ts)
            .join(OccurrenceRow, OccurrenceRow.id == DeliveryRow.occurrence_id)
            .where(
                OccurrenceRow.kind == kind,
                OccurrenceRow.subject == subject,
                OccurrenceRow.local_date == day,
                DeliveryRow.status == DeliveryStatus.SENT.value,
            )
            .limit(1)
        ).first()
        if row is None or row.channel is None or row.ts is None:
            return None
        return row.channel, row.ts

    def prompted_days(self, user_id: str, first: date, last: date) -> set[tuple[int, date]]:
        """(cohort id, day) of the prompts this person was sent between these days."""
        rows = self.session.execute(
            select(OccurrenceRow.subject, OccurrenceRow.local_date)
            .join(DeliveryRow, DeliveryRow.occurrence_id == OccurrenceRow.id)
            .where(
                DeliveryRow.recipient == user_id,
                DeliveryRow.status == DeliveryStatus.SENT.value,
                OccurrenceRow.kind == PROMPT,
                OccurrenceRow.local_date.between(first, last),
            )
        )
        return {
            (cohort_id, day) for subject, day in rows if (cohort_id := subject_cohort(subject)) is not None
        }

"""Occurrences and deliveries: the database decides what is due and who has been sent what."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import and_, func, select, update
from sqlalchemy.orm import Session

from domain.scheduling import (
    Delivery,
    DeliveryStatus,
    Occurrence,
    OccurrenceStatus,
    PlannedOccurrence,
)
from storage.db import rows_changed
from storage.models import DeliveryRow, DirectChannel, OccurrenceRow
from storage.upsert import insert_ignore


def _occurrence(row: OccurrenceRow) -> Occurrence:
    return Occurrence(
        id=row.id,
        kind=row.kind,
        subject=row.subject,
        local_date=row.local_date,
        due_at=row.due_at,
        grace_until=row.grace_until,
        status=OccurrenceStatus(row.status),
    )


def _delivery(row: DeliveryRow) -> Delivery:
    return Delivery(
        id=row.id,
        occurrence_id=row.occurrence_id,
        recipient=row.recipient,
        status=DeliveryStatus(row.status),
        claimed_at=row.claimed_at,
        claim_token=row.claim_token,
        attempted_at=row.attempted_at,
        channel=row.channel,
        ts=row.ts,
    )


class ScheduleRepository:
    def __init__(self, session: Session):
        self.session = session

    # Occurrences -----------------------------------------------------------------------

    def known(self, kind: str, dates: Iterable[date]) -> dict[tuple[str, date], Occurrence]:
        """Occurrences of `kind` already recorded on these local dates, by (subject, date)."""
        rows = self.session.scalars(
            select(OccurrenceRow).where(OccurrenceRow.kind == kind, OccurrenceRow.local_date.in_(list(dates)))
        )
        return {(row.subject, row.local_date): _occurrence(row) for row in rows}

    def record(self, planned: PlannedOccurrence, status: OccurrenceStatus, now: datetime) -> Occurrence:
        """The occurrence for `planned`, created with its deliveries if it is new (race-safe)."""
        insert_ignore(
            self.session,
            OccurrenceRow,
            [
                {
                    "kind": planned.kind,
                    "subject": planned.subject,
                    "local_date": planned.local_date,
                    "due_at": planned.due_at,
                    "grace_until": planned.grace_until,
                    "status": status.value,
                    "created_at": now,
                }
            ],
            ["kind", "subject", "local_date"],
        )
        row = self.session.scalars(
            select(OccurrenceRow).where(
                OccurrenceRow.kind == planned.kind,
                OccurrenceRow.subject == planned.subject,
                OccurrenceRow.local_date == planned.local_date,
            )
        ).one()
        delivery_status = (
            DeliveryStatus.MISSED if status is OccurrenceStatus.MISSED else DeliveryStatus.PENDING
        )
        insert_ignore(
            self.session,
            DeliveryRow,
            [
                {
                    "occurrence_id": row.id,
                    "recipient": recipient,
                    "status": delivery_status.value,
                    "attempts": 0,
                }
                for recipient in dict.fromkeys(planned.recipients)
            ],
            ["occurrence_id", "recipient"],
        )
        return _occurrence(row)

    def finish_if_complete(self, occurrence_id: int) -> bool:
        """Marks the occurrence done once no delivery is waiting or in flight."""
        waiting = self.session.scalar(
            select(func.count())
            .select_from(DeliveryRow)
            .where(
                DeliveryRow.occurrence_id == occurrence_id,
                DeliveryRow.status.in_([DeliveryStatus.PENDING.value, DeliveryStatus.CLAIMED.value]),
            )
        )
        if waiting:
            return False
        self.session.execute(
            update(OccurrenceRow)
            .where(OccurrenceRow.id == occurrence_id, OccurrenceRow.status == OccurrenceStatus.OPEN.value)
            .values(status=OccurrenceStatus.DONE.value)
        )
        return True

    def open_past_grace(self, now: datetime) -> list[Occurrence]:
        rows = self.session.scalars(
            select(OccurrenceRow).where(
                OccurrenceRow.status == OccurrenceStatus.OPEN.value, OccurrenceRow.grace_until < now
            )
        )
        return [_occurrence(row) for row in rows]

    def occurrence(self, occurrence_id: int) -> Occurrence:
        return _occurrence(self.session.get_one(OccurrenceRow, occurrence_id))

    # Deliveries ------------------------------------------------------------------------

    def deliveries(self, occurrence_id: int, status: DeliveryStatus | None = None) -> list[Delivery]:
        query = select(DeliveryRow).where(DeliveryRow.occurrence_id == occurrence_id).order_by(DeliveryRow.id)
        if status is not None:
            query = query.where(DeliveryRow.status == status.value)
        return [_delivery(row) for row in self.session.scalars(query)]

    def claim(self, delivery_id: int, token: str, now: datetime, channel: str | None = None) -> bool:
        """Atomically takes a pending delivery for this process; False if another one has it."""
        return bool(self.claim_many([delivery_id], token, now, channel=channel))

    def claim_many(
        self, delivery_ids: list[int], token: str, now: datetime, channel: str | None = None
    ) -> list[int]:
        """Takes those still pending for `token`, stamped `now`; the ids it now holds."""
        self.session.execute(
            update(DeliveryRow)
            .where(DeliveryRow.id.in_(delivery_ids), DeliveryRow.status == DeliveryStatus.PENDING.value)
            .values(
                status=DeliveryStatus.CLAIMED.value,
                claim_token=token,
                claimed_at=now,
                attempted_at=None,
                channel=channel,
            )
        )
        return self._held(delivery_ids, token)

    def attempt(self, delivery_ids: list[int], token: str, now: datetime) -> list[int]:
        """Marks the claims `token` still holds as about to be posted; the ids it may post."""
        self.session.execute(
            update(DeliveryRow)
            .where(*self._held_by(token), DeliveryRow.id.in_(delivery_ids))
            .values(attempted_at=now, claimed_at=now, attempts=DeliveryRow.attempts + 1)
        )
        return self._held(delivery_ids, token)

    def renew(self, token: str, now: datetime) -> int:
        """Renews every claim `token` holds: a live sender's claims never look abandoned."""
        return rows_changed(
            self.session, update(DeliveryRow).where(*self._held_by(token)).values(claimed_at=now)
        )

    def release_unattempted(self, token: str) -> int:
        """Claims `token` holds but never posted, back to pending."""
        return rows_changed(
            self.session,
            update(DeliveryRow)
            .where(*self._held_by(token), DeliveryRow.attempted_at.is_(None))
            .values(status=DeliveryStatus.PENDING.value, claim_token=None, claimed_at=None),
        )

    def _held(self, delivery_ids: list[int], token: str) -> list[int]:
        return list(
            self.session.scalars(
                select(DeliveryRow.id)
                .where(*self._held_by(token), DeliveryRow.id.in_(delivery_ids))
                .order_by(DeliveryRow.id)
            )
        )

    @staticmethod
    def _held_by(token: str | None):
        held = DeliveryRow.claim_token == token if token else DeliveryRow.claim_token.is_(None)
        return (DeliveryRow.status == DeliveryStatus.CLAIMED.value, held)

    # Confirmations: only the holder of the claim settles it (a claim taken over is not its own).

    def mark_sent(self, delivery_id: int, token: str, channel: str, ts: str, now: datetime) -> bool:
        return self._settle(
            delivery_id, token, DeliveryStatus.SENT, channel=channel, ts=ts, sent_at=now, error=None
        )

    def mark_failed(self, delivery_id: int, token: str, error: str) -> bool:
        return self._settle(delivery_id, token, DeliveryStatus.FAILED, error=error[:200])

    def mark_missed(self, delivery_id: int, token: str) -> bool:
        return self._settle(delivery_id, token, DeliveryStatus.MISSED)

    def release(self, delivery_id: int, token: str, error: str) -> bool:
        """Back to pending: the send certainly did not happen (rate limited, or never attempted)."""
        return self._settle(
            delivery_id,
            token,
            DeliveryStatus.PENDING,
            claim_token=None,
            claimed_at=None,
            attempted_at=None,
            error=error[:200],
        )

    def _settle(self, delivery_id: int, token: str, status: DeliveryStatus, **values) -> bool:
        changed = rows_changed(
            self.session,
            update(DeliveryRow)
            .where(DeliveryRow.id == delivery_id, *self._held_by(token))
            .values(status=status.value, **values),
        )
        return changed == 1

    def release_abandoned(self, delivery_id: int, token: str | None, claimed_before: datetime) -> bool:
        """Back to pending, a claim its sender neither renewed nor attempted: it was never posted."""
        changed = rows_changed(
            self.session,
            update(DeliveryRow)
            .where(
                DeliveryRow.id == delivery_id,
                *self._held_by(token),
                DeliveryRow.attempted_at.is_(None),
                DeliveryRow.claimed_at <= claimed_before,
            )
            .values(status=DeliveryStatus.PENDING.value, claim_token=None, claimed_at=None),
        )
        return changed == 1

    def stale_claims(self, claimed_before: datetime) -> list[Delivery]:
        """Claims nobody renewed since `claimed_before`: their sender is gone."""
        rows = self.session.scalars(
            select(DeliveryRow).where(
                and_(
                    DeliveryRow.status == DeliveryStatus.CLAIMED.value,
                    DeliveryRow.claimed_at <= claimed_before,
                )
            )
        )
        return [_delivery(row) for row in rows]

    def retake(
        self, delivery_id: int, stale_token: str | None, token: str, now: datetime, claimed_before: datetime
    ) -> bool:
        """Takes over a claim still held by the stale token and still not renewed."""
        changed = rows_changed(
            self.session,
            update(DeliveryRow)
            .where(
                DeliveryRow.id == delivery_id,
                *self._held_by(stale_token),
                DeliveryRow.claimed_at <= claimed_before,
            )
            .values(claim_token=token, claimed_at=now),
        )
        return changed == 1

    def pending_count(self, occurrence_id: int) -> int:
        return (
            self.session.scalar(
                select(func.count())
                .select_from(DeliveryRow)
                .where(
                    DeliveryRow.occurrence_id == occurrence_id,
                    DeliveryRow.status == DeliveryStatus.PENDING.value,
                )
            )
            or 0
        )

    def counts(self, occurrence_id: int) -> dict[str, int]:
        rows = self.session.execute(
            select(DeliveryRow.status, func.count())
            .where(DeliveryRow.occurrence_id == occurrence_id)
            .group_by(DeliveryRow.status)
        )
        return {status: count for status, count in rows}

    # Direct-message channels -----------------------------------------------------------

    def direct_channel(self, user_id: str) -> str | None:
        return self.session.scalar(select(DirectChannel.channel_id).where(DirectChannel.user_id == user_id))

    def remember_direct_channel(self, user_id: str, channel_id: str) -> None:
        insert_ignore(
            self.session, DirectChannel, [{"user_id": user_id, "channel_id": channel_id}], ["user_id"]
        )

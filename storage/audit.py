"""The audit log of admin actions, per cohort."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.cohorts.records import AuditAction, AuditEntry
from storage.models import AuditEntryRow


def _entry(row: AuditEntryRow) -> AuditEntry:
    return AuditEntry(
        row.cohort_id, row.actor, AuditAction(row.action), row.at, json.loads(row.params or "{}")
    )


class AuditRepository:
    def __init__(self, session: Session):
        self.session = session

    def record(self, entry: AuditEntry) -> None:
        self.session.add(
            AuditEntryRow(
                cohort_id=entry.cohort_id,
                actor=entry.actor,
                action=entry.action.value,
                at=entry.at,
                params=json.dumps(dict(entry.params), ensure_ascii=False, sort_keys=True),
            )
        )
        self.session.flush()

    def recent(self, cohort_id: int, limit: int) -> list[AuditEntry]:
        """The latest entries, newest first."""
        rows = self.session.scalars(
            select(AuditEntryRow)
            .where(AuditEntryRow.cohort_id == cohort_id)
            .order_by(AuditEntryRow.at.desc(), AuditEntryRow.id.desc())
            .limit(limit)
        )
        return [_entry(row) for row in rows]

    def all_of(self, cohort_id: int) -> list[AuditEntry]:
        rows = self.session.scalars(
            select(AuditEntryRow)
            .where(AuditEntryRow.cohort_id == cohort_id)
            .order_by(AuditEntryRow.at, AuditEntryRow.id)
        )
        return [_entry(row) for row in rows]

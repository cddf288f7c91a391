"""Events API deliveries already processed, so a retried event runs once."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.orm import Session

from storage.db import rows_changed
from storage.models import ProcessedEvent
from storage.upsert import insert_ignore


class EventRepository:
    def __init__(self, session: Session):
        self.session = session

    def first_time(self, event_id: str, now: datetime) -> bool:
        """Records the event; True only for the first delivery of that `event_id`."""
        inserted = insert_ignore(
            self.session, ProcessedEvent, [{"event_id": event_id, "received_at": now}], ["event_id"]
        )
        return inserted == 1

    def forget_before(self, instant: datetime) -> int:
        changed = rows_changed(
            self.session, delete(ProcessedEvent).where(ProcessedEvent.received_at < instant)
        )
        return changed

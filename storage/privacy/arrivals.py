"""Who arrived in a cohort or left it lately: for the welcome and farewell messages."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import String, cast, select
from sqlalchemy.orm import Session

from domain.cohorts.model import Role
from domain.privacy.records import Arrival, Departure
from storage.models import AuditEntryRow, MembershipRow, OccurrenceRow


class ArrivalRepository:
    def __init__(self, session: Session):
        self.session = session

    def to_welcome(self, since: datetime, kind: str) -> list[Arrival]:
        """People with a membership added since `since` and no `kind` occurrence for them in that
        cohort yet, at their first membership's time, with every role they hold there."""
        # The occurrence's subject is domain.privacy.records.arrival_subject: "<cohort id>:<user id>".
        subject = cast(MembershipRow.cohort_id, String) + ":" + MembershipRow.user_id
        welcomed = select(OccurrenceRow.id).where(
            OccurrenceRow.kind == kind, OccurrenceRow.subject == subject
        )
        recent = (
            select(MembershipRow.cohort_id, MembershipRow.user_id)
            .where(MembershipRow.added_at >= since, ~welcomed.exists())
            .distinct()
            .subquery()
        )
        rows = self.session.execute(
            select(
                MembershipRow.cohort_id,
                MembershipRow.user_id,
                MembershipRow.role,
                MembershipRow.challenge_slug,
                MembershipRow.added_at,
            )
            .join(
                recent,
                (recent.c.cohort_id == MembershipRow.cohort_id) & (recent.c.user_id == MembershipRow.user_id),
            )
            .order_by(MembershipRow.added_at, MembershipRow.id)
        )
        found: dict[tuple[int, str], Arrival] = {}
        for cohort_id, user_id, role, slug, added_at in rows:
            key = (cohort_id, user_id)
            if key in found:
                found[key] = found[key].with_role(Role(role), slug or None)
            else:
                found[key] = Arrival(cohort_id, user_id, added_at, ((Role(role), slug or None),))
        return list(found.values())

    def left_since(self, since: datetime) -> list[Departure]:
        """People removed from a cohort since `since` (the audit log says when) and not back in it."""
        rows = self.session.execute(
            select(AuditEntryRow.cohort_id, AuditEntryRow.params, AuditEntryRow.at)
            .where(AuditEntryRow.action == "remove", AuditEntryRow.at >= since)
            .order_by(AuditEntryRow.at)
        )
        departures = {}
        for cohort_id, params, at in rows:
            users = json.loads(params or "{}").get("users") or []
            for user_id in users:
                departures[(cohort_id, str(user_id))] = Departure(cohort_id, str(user_id), at)
        if not departures:
            return []
        back = {
            (cohort_id, user_id)
            for cohort_id, user_id in self.session.execute(
                select(MembershipRow.cohort_id, MembershipRow.user_id).where(
                    MembershipRow.user_id.in_({u for _, u in departures})
                )
            )
        }
        return [d for key, d in departures.items() if key not in back]

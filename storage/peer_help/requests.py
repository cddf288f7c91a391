"""Help requests, offers, routes and per-cohort settings (peer help)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from domain.peer_help.due import REROUTE, help_subject
from domain.peer_help.records import ACTIVE, HelpRequest, HelpSettings, HelpStatus, NewHelpRequest, Offer
from storage.db import rows_changed
from storage.models import DeliveryRow, OccurrenceRow
from storage.peer_help.tables import (
    HelpOfferRow,
    HelpRequestRow,
    HelpRequestSkillRow,
    HelpRouteRow,
    HelpSettingsRow,
)
from storage.upsert import insert_ignore

_ACTIVE = [status.value for status in ACTIVE]


def _request(row: HelpRequestRow, skills: tuple[str, ...] = ()) -> HelpRequest:
    return HelpRequest(
        id=row.id,
        cohort_id=row.cohort_id,
        asker=row.asker,
        title=row.title,
        details=row.details,
        skills=skills,
        status=HelpStatus(row.status),
        created_at=row.created_at,
        origin=row.origin,
        channel_id=row.channel_id,
        ts=row.ts,
        first_offer_at=row.first_offer_at,
        ended_at=row.ended_at,
        ended_by=row.ended_by,
        thanks=row.thanks or "",
    )


def _offer(row: HelpOfferRow) -> Offer:
    return Offer(row.request_id, row.helper, row.offered_at, row.credited)


class HelpRequestRepository:
    def __init__(self, session: Session):
        self.session = session

    def _requests(self, rows: Iterable[HelpRequestRow]) -> list[HelpRequest]:
        rows = list(rows)
        skills: dict[int, list[str]] = {}
        ids = [row.id for row in rows]
        for start in range(0, len(ids), 500):
            found = self.session.execute(
                select(HelpRequestSkillRow.request_id, HelpRequestSkillRow.skill_key)
                .where(HelpRequestSkillRow.request_id.in_(ids[start : start + 500]))
                .order_by(HelpRequestSkillRow.request_id, HelpRequestSkillRow.position)
            )
            for request_id, key in found:
                skills.setdefault(request_id, []).append(key)
        return [_request(row, tuple(skills.get(row.id, ()))) for row in rows]

    def add(self, new: NewHelpRequest) -> HelpRequest:
        row = HelpRequestRow(
            cohort_id=new.cohort_id,
            asker=new.asker,
            title=new.title,
            details=new.details,
            origin=new.origin,
            status=HelpStatus.OPEN.value,
            created_at=new.created_at,
            thanks="",
        )
        self.session.add(row)
        self.session.flush()
        self.session.add_all(
            HelpRequestSkillRow(request_id=row.id, skill_key=key, position=index)
            for index, key in enumerate(dict.fromkeys(new.skills))
        )
        self.session.flush()
        return self._requests([row])[0]

    def get(self, request_id: int) -> HelpRequest | None:
        row = self.session.get(HelpRequestRow, request_id)
        return self._requests([row])[0] if row is not None else None

    def set_message(self, request_id: int, channel_id: str, ts: str) -> None:
        self.session.execute(
            update(HelpRequestRow).where(HelpRequestRow.id == request_id).values(channel_id=channel_id, ts=ts)
        )

    # Offers and the lifecycle ----------------------------------------------------------

    def offers(self, request_id: int) -> list[Offer]:
        rows = self.session.scalars(
            select(HelpOfferRow)
            .where(HelpOfferRow.request_id == request_id)
            .order_by(HelpOfferRow.offered_at, HelpOfferRow.id)
        )
        return [_offer(row) for row in rows]

    def add_offer(self, request_id: int, helper: str, now: datetime) -> bool:
        """True only for the first offer of this helper on this request (a double click adds nothing)."""
        row = {"request_id": request_id, "helper": helper, "offered_at": now, "credited": False}
        return insert_ignore(self.session, HelpOfferRow, [row], ["request_id", "helper"]) == 1

    def mark_claimed(self, request_id: int, now: datetime) -> None:
        self.session.execute(
            update(HelpRequestRow)
            .where(HelpRequestRow.id == request_id, HelpRequestRow.status == HelpStatus.OPEN.value)
            .values(status=HelpStatus.CLAIMED.value)
        )
        self.session.execute(
            update(HelpRequestRow)
            .where(HelpRequestRow.id == request_id, HelpRequestRow.first_offer_at.is_(None))
            .values(first_offer_at=now)
        )

    def end(self, request_id: int, status: HelpStatus, by: str, now: datetime, thanks: str = "") -> bool:
        """Resolves or closes an active request; False when it was no longer active (a second click)."""
        changed = rows_changed(
            self.session,
            update(HelpRequestRow)
            .where(HelpRequestRow.id == request_id, HelpRequestRow.status.in_(_ACTIVE))
            .values(status=status.value, ended_at=now, ended_by=by, thanks=thanks),
        )
        return changed == 1

    def credit(self, request_id: int, helpers: Iterable[str]) -> None:
        self.session.execute(
            update(HelpOfferRow)
            .where(HelpOfferRow.request_id == request_id, HelpOfferRow.helper.in_(list(helpers)))
            .values(credited=True)
        )

    # Routing ---------------------------------------------------------------------------

    def route(self, request_id: int, user_ids: Iterable[str], round_: int, now: datetime) -> None:
        rows = [
            {"request_id": request_id, "user_id": user_id, "round": round_, "routed_at": now}
            for user_id in dict.fromkeys(user_ids)
        ]
        insert_ignore(self.session, HelpRouteRow, rows, ["request_id", "user_id"])

    def routed(self, request_id: int) -> set[str]:
        """Everyone the request was sent to: when asked, and by the re-routes of the scheduling core."""
        first = self.session.scalars(
            select(HelpRouteRow.user_id).where(HelpRouteRow.request_id == request_id)
        )
        later = self.session.scalars(
            select(DeliveryRow.recipient)
            .join(OccurrenceRow, OccurrenceRow.id == DeliveryRow.occurrence_id)
            .where(OccurrenceRow.kind == REROUTE, OccurrenceRow.subject == help_subject(request_id))
        )
        return set(first) | set(later)

    def open_threads(self, user_ids: Iterable[str]) -> dict[str, int]:
        """Per person, the active requests they offered to help on."""
        wanted = list(dict.fromkeys(user_ids))
        if not wanted:
            return {}
        rows = self.session.execute(
            select(HelpOfferRow.helper, func.count())
            .join(HelpRequestRow, HelpRequestRow.id == HelpOfferRow.request_id)
            .where(HelpOfferRow.helper.in_(wanted), HelpRequestRow.status.in_(_ACTIVE))
            .group_by(HelpOfferRow.helper)
        )
        return {helper: count for helper, count in rows}

    # Queries ---------------------------------------------------------------------------

    def active_since(self, since: datetime) -> list[HelpRequest]:
        rows = self.session.scalars(
            select(HelpRequestRow)
            .where(HelpRequestRow.status.in_(_ACTIVE), HelpRequestRow.created_at >= since)
            .order_by(HelpRequestRow.id)
        )
        return self._requests(rows)

    def of_cohort(self, cohort_id: int) -> list[HelpRequest]:
        rows = self.session.scalars(
            select(HelpRequestRow).where(HelpRequestRow.cohort_id == cohort_id).order_by(HelpRequestRow.id)
        )
        return self._requests(rows)

    def offers_of_cohort(self, cohort_id: int) -> list[Offer]:
        rows = self.session.scalars(
            select(HelpOfferRow)
            .join(HelpRequestRow, HelpRequestRow.id == HelpOfferRow.request_id)
            .where(HelpRequestRow.cohort_id == cohort_id)
            .order_by(HelpOfferRow.id)
        )
        return [_offer(row) for row in rows]

    def involving(self, user_id: str) -> tuple[list[HelpRequest], list[Offer]]:
        """The requests someone asked or offered on, and every offer on them."""
        offered = select(HelpOfferRow.request_id).where(HelpOfferRow.helper == user_id)
        rows = self.session.scalars(
            select(HelpRequestRow)
            .where(or_(HelpRequestRow.asker == user_id, HelpRequestRow.id.in_(offered)))
            .order_by(HelpRequestRow.id)
        )
        requests = self._requests(rows)
        ids = [request.id for request in requests]
        offers: Iterable[HelpOfferRow] = (
            self.session.scalars(select(HelpOfferRow).where(HelpOfferRow.request_id.in_(ids))) if ids else []
        )
        return requests, [_offer(row) for row in offers]

    # Settings --------------------------------------------------------------------------

    def settings(self, cohort_id: int) -> HelpSettings:
        row = self.session.get(HelpSettingsRow, cohort_id)
        if row is None:
            return HelpSettings(cohort_id)
        return HelpSettings(cohort_id, row.channel_id, row.reroute_hours)

    def save_settings(self, settings: HelpSettings) -> None:
        values = {"channel_id": settings.channel_id, "reroute_hours": settings.reroute_hours}
        if not insert_ignore(
            self.session, HelpSettingsRow, [{"cohort_id": settings.cohort_id, **values}], ["cohort_id"]
        ):
            self.session.execute(
                update(HelpSettingsRow)
                .where(HelpSettingsRow.cohort_id == settings.cohort_id)
                .values(**values)
            )

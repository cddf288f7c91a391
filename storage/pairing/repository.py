"""Pairing settings, the rounds' groups and their answers, pauses and never-pairs."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from domain.cohorts.model import Cohort
from domain.pairing.model import Outcome, Pair, PairingSettings, Pause, Who, couple
from storage.cohorts.members import CHUNK
from storage.cohorts.repository import _cohort as cohort_from_row
from storage.models import CohortRow
from storage.pairing.tables import PairingNeverRow, PairingPairRow, PairingPauseRow, PairingSettingsRow
from storage.upsert import insert_ignore


def _settings(row: PairingSettingsRow) -> PairingSettings:
    return PairingSettings(
        row.cohort_id,
        row.first_round,
        row.every,
        row.day,
        row.time,
        row.size,
        Who(row.who),
        row.active,
        row.updated_at,
    )


def _pair(row: PairingPairRow) -> Pair:
    return Pair(
        row.id,
        row.cohort_id,
        row.round_date,
        tuple(row.members.split(",")),
        row.channel,
        Outcome(row.outcome) if row.outcome else None,
        row.answered_by,
        row.answered_at,
    )


class PairingRepository:
    def __init__(self, session: Session):
        self.session = session

    # Settings ----------------------------------------------------------------------------

    def settings(self, cohort_id: int) -> PairingSettings | None:
        row = self.session.get(PairingSettingsRow, cohort_id)
        return _settings(row) if row is not None else None

    def save_settings(self, s: PairingSettings) -> None:
        values = {
            "active": s.active,
            "every": s.every,
            "day": s.day,
            "time": s.time,
            "size": s.size,
            "who": s.who.value,
            "first_round": s.first_round,
            "updated_at": s.updated_at,
        }
        row = {"cohort_id": s.cohort_id, **values}
        if not insert_ignore(self.session, PairingSettingsRow, [row], ["cohort_id"]):
            self.session.execute(
                update(PairingSettingsRow).where(PairingSettingsRow.cohort_id == s.cohort_id).values(**values)
            )

    def running(self) -> list[tuple[Cohort, PairingSettings]]:
        rows = self.session.execute(
            select(CohortRow, PairingSettingsRow)
            .join(PairingSettingsRow, PairingSettingsRow.cohort_id == CohortRow.id)
            .where(PairingSettingsRow.active.is_(True), CohortRow.archived_at.is_(None))
            .order_by(CohortRow.id)
        )
        return [(cohort_from_row(cohort), _settings(settings)) for cohort, settings in rows]

    # Rounds ------------------------------------------------------------------------------

    def add_round(self, cohort_id: int, round_day: date, groups: Sequence[tuple[str, ...]]) -> list[Pair]:
        rows = [
            {"cohort_id": cohort_id, "round_date": round_day, "members": ",".join(sorted(group))}
            for group in groups
        ]
        insert_ignore(self.session, PairingPairRow, rows, ["cohort_id", "round_date", "members"])
        return self.round_pairs(cohort_id, round_day)

    def round_pairs(self, cohort_id: int, round_day: date) -> list[Pair]:
        rows = self.session.scalars(
            select(PairingPairRow)
            .where(PairingPairRow.cohort_id == cohort_id, PairingPairRow.round_date == round_day)
            .order_by(PairingPairRow.id)
        )
        return [_pair(row) for row in rows]

    def pairs_of(self, cohort_id: int) -> list[Pair]:
        rows = self.session.scalars(
            select(PairingPairRow)
            .where(PairingPairRow.cohort_id == cohort_id)
            .order_by(PairingPairRow.round_date, PairingPairRow.id)
        )
        return [_pair(row) for row in rows]

    def get(self, pair_id: int) -> Pair | None:
        row = self.session.get(PairingPairRow, pair_id)
        return _pair(row) if row is not None else None

    def set_channel(self, pair_id: int, channel: str) -> None:
        self.session.execute(
            update(PairingPairRow).where(PairingPairRow.id == pair_id).values(channel=channel)
        )

    def answer(self, pair_id: int, outcome: Outcome, by: str, now: datetime) -> Pair:
        self.session.execute(
            update(PairingPairRow)
            .where(PairingPairRow.id == pair_id)
            .values(outcome=outcome.value, answered_by=by, answered_at=now)
        )
        row = self.session.get(PairingPairRow, pair_id, populate_existing=True)
        assert row is not None
        return _pair(row)

    # People ------------------------------------------------------------------------------

    def pauses(self, user_ids: Iterable[str]) -> dict[str, Pause]:
        found: dict[str, Pause] = {}
        ids = list(dict.fromkeys(user_ids))
        for start in range(0, len(ids), CHUNK):
            rows = self.session.scalars(
                select(PairingPauseRow).where(PairingPauseRow.user_id.in_(ids[start : start + CHUNK]))
            )
            found.update({row.user_id: Pause(row.user_id, row.until, row.off) for row in rows})
        return found

    def save_pause(self, pause: Pause, now: datetime) -> None:
        values = {"until": pause.until, "off": pause.off, "updated_at": now}
        if not insert_ignore(
            self.session, PairingPauseRow, [{"user_id": pause.user_id, **values}], ["user_id"]
        ):
            self.session.execute(
                update(PairingPauseRow).where(PairingPauseRow.user_id == pause.user_id).values(**values)
            )

    def resume(self, user_id: str) -> bool:
        found = self.session.get(PairingPauseRow, user_id)
        if found is None:
            return False
        self.session.delete(found)
        self.session.flush()
        return True

    def never_pairs(self, cohort_id: int) -> set[frozenset[str]]:
        rows = self.session.scalars(select(PairingNeverRow).where(PairingNeverRow.cohort_id == cohort_id))
        return {frozenset((row.first, row.second)) for row in rows}

    def add_never(self, cohort_id: int, a: str, b: str, now: datetime) -> bool:
        first, second = couple(a, b)
        row = {"cohort_id": cohort_id, "first": first, "second": second, "created_at": now}
        return bool(insert_ignore(self.session, PairingNeverRow, [row], ["cohort_id", "first", "second"]))

    def remove_never(self, cohort_id: int, a: str, b: str) -> bool:
        first, second = couple(a, b)
        found = self.session.get(PairingNeverRow, (cohort_id, first, second))
        if found is None:
            return False
        self.session.execute(
            delete(PairingNeverRow).where(
                PairingNeverRow.cohort_id == cohort_id,
                PairingNeverRow.first == first,
                PairingNeverRow.second == second,
            )
        )
        return True

"""Access, erasure and retention, written once for every table a feature declared (PersonalColumns)."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Table, delete, func, or_, select, true, update
from sqlalchemy.orm import Session

from domain.privacy.records import Erased, PersonalRows, PostedMessage, Tombstone
from domain.privacy.retention import Retention
from storage.models import CohortRow, MembershipRow
from storage.privacy.columns import OnErasure, PersonalColumns
from storage.privacy.tables import ErasureRow, RetentionRow


def _table(columns: PersonalColumns) -> Table:
    return columns.table.__table__  # type: ignore[return-value]


def _json(value: object) -> object:
    return value.isoformat() if isinstance(value, (date, datetime)) else value


def _empty(table: Table, name: str) -> object:
    """What an emptied text column holds: its default ('[]' for a list of answers), else ''."""
    default = table.c[name].default
    arg = getattr(default, "arg", None)
    return arg if isinstance(arg, str) else ""


def _owned(columns: PersonalColumns, user_id: str) -> ColumnElement[bool]:
    """The rows the person owns: their id in the owner column, or in its list when it holds several."""
    owner = _table(columns).c[columns.owner]
    if not columns.listed:
        return owner == user_id
    return or_(
        owner == user_id,
        owner.startswith(user_id + ",", autoescape=True),
        owner.endswith("," + user_id, autoescape=True),
        owner.contains("," + user_id + ",", autoescape=True),
    )


def _cohortless(columns: PersonalColumns) -> bool:
    """Rows about a person in no particular cohort: their profile, their settings."""
    return "cohort_id" not in _table(columns).c and columns.parent is None


class PersonalDataRepository:
    def __init__(self, session: Session, declared: Iterable[PersonalColumns]):
        self.session = session
        self.declared = tuple(declared)

    def _run(self, statement: Any) -> Any:
        """Executes; an UPDATE or DELETE's result has the `rowcount` the counts are made of."""
        return self.session.execute(statement)

    def _in_cohort(self, columns: PersonalColumns, cohort_id: int | None) -> ColumnElement[bool] | None:
        """The rows of one cohort (all rows for None); None when the table belongs to no cohort."""
        table = _table(columns)
        if cohort_id is None:
            return true()
        if _cohortless(columns):
            return None
        if "cohort_id" in table.c:
            return table.c.cohort_id == cohort_id
        assert columns.parent is not None
        parent = columns.parent.table.__table__
        ids = select(parent.c.id).where(parent.c.cohort_id == cohort_id)
        return table.c[columns.parent.column].in_(ids)

    def export(self, user_id: str) -> PersonalRows:
        found: PersonalRows = {}
        for columns in self.declared:
            table = _table(columns)
            rows = self._run(select(table).where(_owned(columns, user_id))).mappings()
            dumped = [{key: _json(value) for key, value in row.items()} for row in rows]
            if dumped:
                found.setdefault(columns.name, []).extend(dumped)
        return found

    def erase(self, user_id: str, pseudonym: str, cohort_id: int | None) -> Erased:
        changed: dict[str, int] = {}
        messages: list[PostedMessage] = []
        for columns in self.declared:
            scope = self._in_cohort(columns, cohort_id)
            if scope is None:
                continue
            table = _table(columns)
            mine = _owned(columns, user_id) & scope
            for channel, ts in columns.messages:
                posted = select(table.c[channel], table.c[ts]).where(mine, table.c[ts].is_not(None))
                messages.extend(PostedMessage(c, t) for c, t in self._run(posted) if c and t)
            if columns.on_erasure is OnErasure.DELETE:
                count = self._run(delete(table).where(mine)).rowcount
            elif columns.listed:
                count = self._rename_in_lists(columns, mine, user_id, pseudonym)
            else:
                values = {name: _empty(table, name) for name in columns.text}
                count = self._run(
                    update(table).where(mine).values({columns.owner: pseudonym, **values})
                ).rowcount
            for name, written in columns.embedded:
                mine_inside = written.format(id=user_id)
                column = table.c[name]
                # A key ends with the id; JSON quotes it: another id that merely starts alike is left alone.
                found = column.contains(mine_inside, autoescape=True)
                if written.startswith(":"):
                    found = column.endswith(mine_inside, autoescape=True)
                renamed = func.replace(column, mine_inside, written.format(id=pseudonym))
                count += self._run(update(table).where(found, scope).values({name: renamed})).rowcount
            for name in columns.mentions:
                count += self._run(
                    update(table).where(table.c[name] == user_id, scope).values({name: pseudonym})
                ).rowcount
            if count:
                changed[columns.name] = changed.get(columns.name, 0) + count
        return Erased(changed, tuple(dict.fromkeys(messages)))

    def _rename_in_lists(self, columns: PersonalColumns, mine: Any, user_id: str, pseudonym: str) -> int:
        """The person's id replaced by the pseudonym in each comma-separated list that holds it."""
        table = _table(columns)
        key = next(iter(table.primary_key.columns))
        owner = table.c[columns.owner]
        rows = self._run(select(key, owner).where(mine)).all()
        for row_key, listed in rows:
            renamed = ",".join(pseudonym if one == user_id else one for one in listed.split(","))
            self._run(update(table).where(key == row_key).values({columns.owner: renamed}))
        return len(rows)

    def people(self) -> set[str]:
        found: set[str] = set()
        for columns in self.declared:
            table = _table(columns)
            owners = self.session.scalars(select(table.c[columns.owner]).distinct())
            found.update(o for value in owners for o in (value.split(",") if columns.listed else [value]))
        return found

    def purge_text(self, cohort_id: int) -> dict[str, int]:
        purged: dict[str, int] = {}
        for columns in self.declared:
            scope = self._in_cohort(columns, cohort_id)
            if not columns.text or scope is None:
                continue
            table = _table(columns)
            filled = or_(*(table.c[name] != _empty(table, name) for name in columns.text))
            values = {name: _empty(table, name) for name in columns.text}
            count = self._run(update(table).where(scope, filled).values(values)).rowcount
            if count:
                purged[columns.name] = purged.get(columns.name, 0) + count
        return purged

    def forget_outsiders(self, keep: Collection[str] = ()) -> dict[str, int]:
        members = select(MembershipRow.user_id)
        deleted: dict[str, int] = {}
        for columns in self.declared:
            table = _table(columns)
            if columns.on_erasure is not OnErasure.DELETE or not _cohortless(columns):
                continue
            owner = table.c[columns.owner]
            count = self._run(delete(table).where(owner.not_in(members), owner.not_in(tuple(keep)))).rowcount
            if count:
                deleted[columns.name] = count
        return deleted

    def delete_cohort(self, cohort_id: int) -> dict[str, int]:
        counts: dict[str, int] = {}
        for columns in self.declared:
            scope = self._in_cohort(columns, cohort_id)
            table = _table(columns)
            if scope is None or table.name == "cohort":
                continue
            count = self.session.scalar(select(func.count()).select_from(table).where(scope)) or 0
            if count:
                counts[columns.name] = counts.get(columns.name, 0) + count
        # Every table of a cohort refers to it ON DELETE CASCADE.
        self._run(delete(CohortRow).where(CohortRow.id == cohort_id))
        return counts

    def record_tombstone(self, tombstone: Tombstone) -> None:
        self.session.add(
            ErasureRow(
                user_hash=tombstone.user_hash,
                pseudonym=tombstone.pseudonym,
                cohort_id=tombstone.cohort_id,
                erased_at=tombstone.erased_at,
            )
        )
        self.session.flush()

    def tombstones(self) -> list[Tombstone]:
        rows = self.session.scalars(select(ErasureRow).order_by(ErasureRow.id))
        return [Tombstone(r.user_hash, r.pseudonym, r.cohort_id, r.erased_at) for r in rows]

    def retention(self, cohort_id: int) -> Retention:
        row = self.session.get(RetentionRow, cohort_id)
        return Retention(row.text_months, row.figures_months) if row else Retention()

    def set_retention(self, cohort_id: int, retention: Retention, now: datetime) -> None:
        row = self.session.get(RetentionRow, cohort_id)
        if row is None:
            row = RetentionRow(cohort_id=cohort_id)
            self.session.add(row)
        row.text_months, row.figures_months, row.updated_at = (
            retention.text_months,
            retention.figures_months,
            now,
        )
        self.session.flush()

"""Where a feature keeps a person's data, declared table by table beside its tables.

A feature's `PersonalData` joins its notice (the domain declaration: what, why, who sees it, how
long) with the columns that hold it. Access, erasure and retention are written once, in
storage/privacy/repository.py, from these declarations: a new feature declares its columns and
is exported, erased and purged like the others.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from domain.privacy.declaration import DataDeclaration
from storage.models import Base


class OnErasure(StrEnum):
    DELETE = "delete"  # the row is about the person only (profile, settings): it goes
    ANONYMISE = "anonymise"  # the row counts in figures: its text goes, the person becomes a pseudonym


@dataclass(frozen=True)
class Parent:
    """How a table without a `cohort_id` reaches its cohort: `column` refers to `table.id`."""

    table: type[Base]
    column: str


@dataclass(frozen=True)
class PersonalColumns:
    """One table's personal data.

    `owner` holds the person the row is about (the access file has the rows they own); `text` is
    what they wrote (emptied on erasure and at the end of the retention period); `mentions` are
    other columns that may hold their id (pseudonymised on erasure); `embedded` are text columns
    their id may appear inside, as (column, how it is written there: `"{id}"` in JSON, `:{id}` at
    the end of a key), replaced there; `messages` are (channel, ts)
    column pairs of the bot's Slack message showing that text, updated to "(removed)" on erasure.
    """

    table: type[Base]
    owner: str
    on_erasure: OnErasure = OnErasure.ANONYMISE
    text: tuple[str, ...] = ()
    mentions: tuple[str, ...] = ()
    embedded: tuple[tuple[str, str], ...] = ()
    messages: tuple[tuple[str, str], ...] = ()
    parent: Parent | None = None  # None: the table has its own `cohort_id`, or belongs to no cohort
    # True: `owner` holds several people, comma-separated (a pair): each owns the row.
    listed: bool = False

    @property
    def name(self) -> str:
        return str(self.table.__tablename__)


@dataclass(frozen=True)
class PersonalData:
    """A feature's personal data: its notice and its columns."""

    declaration: DataDeclaration
    columns: tuple[PersonalColumns, ...]

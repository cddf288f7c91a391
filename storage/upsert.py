"""INSERT … ON CONFLICT DO NOTHING for SQLite and PostgreSQL alike."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import inspect
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session


def insert_ignore(session: Session, model, rows: Sequence[dict], conflict: Sequence[str]) -> int:
    """Insert the rows that do not collide on `conflict`; returns how many were inserted."""
    if not rows:
        return 0
    dialect = session.get_bind().dialect.name
    module = postgresql if dialect == "postgresql" else sqlite
    key = inspect(model).primary_key[0]
    statement = (
        module.insert(model)
        .values(list(rows))
        .on_conflict_do_nothing(index_elements=list(conflict))
        .returning(key)
    )
    # RETURNING counts what was inserted on both engines; rowcount is -1 with psycopg here.
    return len(session.execute(statement).fetchall())


def insert_many_ignore(session: Session, model, rows: Sequence[dict], conflict: Sequence[str]) -> None:
    """The same for thousands of rows: one statement compiled once and executed for all of them."""
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    module = postgresql if dialect == "postgresql" else sqlite
    session.execute(module.insert(model).on_conflict_do_nothing(index_elements=list(conflict)), list(rows))

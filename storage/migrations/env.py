"""Alembic environment: always run with a connection handed over by storage.migrate."""

from __future__ import annotations

from alembic import context

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through `cohortbot migrate`")

context.configure(
    connection=connection,
    # Given only to write a revision (the metadata of every feature's tables); upgrades need none.
    target_metadata=context.config.attributes.get("metadata"),
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()

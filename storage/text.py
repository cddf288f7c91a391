"""NUL bytes never reach the database: PostgreSQL refuses them in text, SQLite keeps them.

Slack lets people type or paste U+0000 into any field. Every value stored goes through the
statement parameters, so removing NUL there is the one place that covers every form and table.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, event


def without_nul(parameters: Any) -> Any:
    """The same parameters (a value, a row, or rows), with NUL removed from every text value."""
    if isinstance(parameters, str):
        return parameters.replace("\x00", "") if "\x00" in parameters else parameters
    if isinstance(parameters, dict):
        return {name: without_nul(value) for name, value in parameters.items()}
    if isinstance(parameters, list | tuple):
        return type(parameters)(without_nul(value) for value in parameters)
    return parameters


def remove_nul_bytes(engine: Engine) -> None:
    @event.listens_for(engine, "before_cursor_execute", retval=True)
    def strip(connection, cursor, statement, parameters, context, executemany):
        return statement, without_nul(parameters)

"""A database error names the statement, never the values people wrote (they would reach the log)."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError


def test_a_database_error_does_not_quote_its_parameters(engine):
    secret = "mon blocage très personnel"
    with engine.connect() as connection, pytest.raises(IntegrityError) as failure:
        for _ in range(2):
            connection.execute(
                text("INSERT INTO processed_event (event_id, received_at) VALUES (:id, :at)"),
                {"id": secret, "at": "2026-03-02 07:00:00"},
            )
    assert secret not in str(failure.value)

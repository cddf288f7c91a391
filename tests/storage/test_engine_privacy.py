"""A database error names the statement, never the values it was given (they would reach the log)."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError


def test_a_database_error_does_not_quote_its_parameters(engine):
    secret = "mon blocage très personnel"
    with engine.connect() as connection, pytest.raises(DBAPIError) as failure:
        connection.execute(text("INSERT INTO no_such_table (body) VALUES (:body)"), {"body": secret})
    assert "no_such_table" in str(failure.value)
    assert secret not in str(failure.value)

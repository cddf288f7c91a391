"""LOG_LEVEL=DEBUG leaves the libraries that log message bodies at INFO (SQLAlchemy at WARNING)."""

from __future__ import annotations

import logging

import pytest

from bot.logs import QUIETED, quiet_libraries


@pytest.fixture
def restored():
    saved = {name: logging.getLogger(name).level for name in QUIETED}
    yield
    for name, level in saved.items():
        logging.getLogger(name).setLevel(level)


def levels() -> tuple[int, ...]:
    return tuple(
        logging.getLogger(name).getEffectiveLevel() for name in ("slack_sdk", "slack_bolt", "sqlalchemy")
    )


def test_debug_keeps_slack_and_sql_logging_quiet(restored):
    quiet_libraries(logging.DEBUG, slack_debug=False)
    assert levels() == (logging.INFO, logging.INFO, logging.WARNING)
    assert not logging.getLogger("slack_sdk.web.base_client").isEnabledFor(logging.DEBUG)


def test_slack_debugging_opens_slack_logging_only(restored):
    quiet_libraries(logging.DEBUG, slack_debug=True)
    assert levels() == (logging.DEBUG, logging.DEBUG, logging.WARNING)


def test_a_quieter_level_is_kept(restored):
    quiet_libraries(logging.ERROR, slack_debug=True)
    assert levels() == (logging.ERROR, logging.ERROR, logging.ERROR)

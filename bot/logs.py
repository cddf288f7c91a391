"""Logging set-up: LOG_LEVEL applies to our code; libraries that log what people wrote stay quiet.

At DEBUG, slack_sdk logs every Web API request and response body (messages, answers, names,
e-mails) and Socket Mode envelopes (with connection tickets); slack_bolt logs the requests it
receives; SQLAlchemy logs each statement with its parameters from INFO on. Their debug output is
only for tracing a Slack problem, so it needs its own setting, COHORTBOT_SLACK_DEBUG=1.
"""

from __future__ import annotations

import logging
import sys

# logger name → the most verbose level it may log at unless Slack debugging is asked for.
QUIETED = {"slack_sdk": logging.INFO, "slack_bolt": logging.INFO, "sqlalchemy": logging.WARNING}


def configure_logging(level: str, slack_debug: bool = False) -> None:
    logging.basicConfig(
        level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )
    quiet_libraries(logging.getLevelName(level), slack_debug)


def quiet_libraries(level: int, slack_debug: bool) -> None:
    """Library loggers log at `level`, but never below their floor unless `slack_debug`."""
    for name, floor in QUIETED.items():
        allowed = level if slack_debug and name != "sqlalchemy" else max(level, floor)
        logging.getLogger(name).setLevel(allowed)

"""One failure stays one failure: each job, and each occurrence within a job, runs in its own guard.

What fails is logged once per tick with its ids (kind, cohort, subject, date; never what people
wrote), recorded in the job's report, and the rest of the tick goes on. Two failures are not one
cohort's: a token Slack refuses, and a database that went away; they end the tick as before.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar

from slack_sdk.errors import SlackApiError
from sqlalchemy.exc import InterfaceError, OperationalError

from domain.scheduling import Failure, Report
from handlers.blocks.slack_errors import error_code

log = logging.getLogger(__name__)

T = TypeVar("T")

# Slack refuses the token itself: every other message would be refused too.
TOKEN_ERRORS = frozenset(
    {
        "invalid_auth",
        "not_authed",
        "token_revoked",
        "token_expired",
        "account_inactive",
        "missing_scope",
        "not_allowed_token_type",
    }
)


def stops_the_tick(error: BaseException) -> bool:
    if isinstance(error, SlackApiError):
        return error_code(error) in TOKEN_ERRORS
    return isinstance(error, OperationalError | InterfaceError) or not isinstance(error, Exception)


def guarded(report: Report, site: Failure, work: Callable[[], T]) -> T | None:
    """`work()`, or None when it failed: then the failure (at `site`) is logged and recorded in `report`."""
    try:
        return work()
    except Exception as error:
        if stops_the_tick(error):
            raise
        failed = replace(site, error=type(error).__name__)
        report.fail(failed)
        log.error("scheduled work failed: %s", failed.label())
        log.debug("where it failed:\n%s", "".join(traceback.format_tb(error.__traceback__)))
        return None

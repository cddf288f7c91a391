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
from sqlalchemy.exc import InterfaceError, OperationalError, SQLAlchemyError

from domain.scheduling import CohortGuard, Failure, Report
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


def guarded(
    report: Report, site: Failure, work: Callable[[], T], passes: tuple[type[Exception], ...] = ()
) -> T | None:
    """`work()`, or None when it failed: then the failure (at `site`) is logged and recorded in
    `report`. Errors of the `passes` types go on up, to a wider guard."""
    try:
        return work()
    except Exception as error:
        if stops_the_tick(error) or isinstance(error, passes):
            raise
        failed = replace(site, error=type(error).__name__)
        report.fail(failed)
        log.error("scheduled work failed: %s", failed.label())
        log.debug("where it failed:\n%s", "".join(traceback.format_tb(error.__traceback__)))
        return None


def planning_guard(report: Report) -> CohortGuard:
    """The guard of each cohort's planning. A database error spoils the whole unit of work the
    job plans in, so it is the job's failure, not the cohort's."""

    def guard(cohort_id: int, kind: str, work: Callable[[], T]) -> T | None:
        return guarded(report, Failure(kind, cohort_id), work, passes=(SQLAlchemyError,))

    return guard

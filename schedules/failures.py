"""After the jobs: the admins of each cohort whose work failed in this tick are told, once a day."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from domain.failure_notices import FAILURE_NOTICE, FailureNotice, plan_notices
from domain.scheduling import Failure, PlannedOccurrence, Report
from handlers.blocks.failure_notices import failure_notice
from handlers.context import Context
from schedules.delivery import deliver_due


def _render(planned: PlannedOccurrence[FailureNotice], recipient: str) -> dict:
    return failure_notice(planned.payload)


def tell_admins(ctx: Context, now: datetime, failures: Iterable[Failure]) -> Report:
    failures = list(failures)
    if not failures:
        return Report("failure notices")
    with ctx.reading() as uow:
        planned = plan_notices(uow, failures, now, ctx.admins, ctx.default_lang)
    done = deliver_due(ctx, now, FAILURE_NOTICE, planned, _render)
    report = Report("failure notices", done.counts, done.failures)
    return report

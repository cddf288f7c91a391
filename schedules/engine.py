"""The tick: every kind of scheduled work, once, at one instant.

APScheduler (inside `cohortbot run`) and `cohortbot tick` only call `tick`; the database
decides what is due, so a tick can run any number of times at the same instant.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from functools import partial
from typing import Protocol

from domain.scheduling import Failure, Report, as_utc
from handlers.context import Context
from schedules import reconcile
from schedules.failures import tell_admins
from schedules.guard import guarded


class Job(Protocol):
    @property
    def kind(self) -> str: ...

    def run(self, ctx: Context, now: datetime) -> Report: ...


def tick(ctx: Context, now: datetime, jobs: Iterable[Job]) -> list[Report]:
    """Every job's report; a job or an occurrence that failed is in its report's `failures`, and
    the admins concerned are told (a last report, only when something failed)."""
    now = as_utc(now)
    # Abandoned claims first: what they release is sent by the jobs in this same tick.
    reports = [reconcile.run(ctx, now)]
    reports.extend(_run(ctx, now, job) for job in jobs)
    reports.append(reconcile.close_past_grace(ctx, now))
    failures = [failure for report in reports for failure in report.failures]
    if failures:
        told = Report("failure notices")
        reports.append(guarded(told, Failure(told.kind), partial(tell_admins, ctx, now, failures)) or told)
    return reports


def _run(ctx: Context, now: datetime, job: Job) -> Report:
    """The job's report; when the job itself fails (its planning), a report naming the failure."""
    failed = Report(job.kind)
    return guarded(failed, Failure(job.kind), partial(job.run, ctx, now)) or failed

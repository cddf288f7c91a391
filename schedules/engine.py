"""The tick: every kind of scheduled work, once, at one instant.

APScheduler (inside `cohortbot run`) and `cohortbot tick` only call `tick`; the database
decides what is due, so a tick can run any number of times at the same instant.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Protocol

from domain.scheduling import Report, as_utc
from handlers.context import Context
from schedules import reconcile


class Job(Protocol):
    @property
    def kind(self) -> str: ...

    def run(self, ctx: Context, now: datetime) -> Report: ...


def tick(ctx: Context, now: datetime, jobs: Iterable[Job]) -> list[Report]:
    now = as_utc(now)
    # Abandoned claims first: what they release is sent by the jobs in this same tick.
    reports = [reconcile.run(ctx, now)]
    reports.extend(job.run(ctx, now) for job in jobs)
    reports.append(reconcile.close_past_grace(ctx, now))
    return reports

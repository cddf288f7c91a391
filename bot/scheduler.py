"""APScheduler only triggers the tick every minute; the database decides what is due."""

from __future__ import annotations

import logging

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger

from bot.features import tick_jobs
from handlers.context import Context
from schedules.engine import tick

log = logging.getLogger(__name__)


def run_tick(ctx: Context) -> None:
    for report in tick(ctx, ctx.clock.now(), tick_jobs()):
        if report.counts and any(report.counts.values()):
            log.info("tick %s", report.line())


def start_scheduler(ctx: Context) -> BackgroundScheduler:
    scheduler = BackgroundScheduler(timezone="UTC")
    # In memory only: no persistent job store, nothing to migrate or to get out of sync.
    scheduler.add_job(
        run_tick,
        CronTrigger(second=0),
        args=[ctx],
        id="tick",
        coalesce=True,
        max_instances=1,
        misfire_grace_time=50,
    )
    scheduler.start()
    return scheduler

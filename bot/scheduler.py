"""APScheduler only triggers the tick every minute; the database decides what is due.

Every process may run the scheduler: each tick first takes the ticker's turn in the database
(storage.ticker), so one process ticks at a time and another takes over when it dies.
"""

from __future__ import annotations

import logging

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger
from sqlalchemy import Engine

from bot.features import tick_jobs
from handlers.context import Context
from schedules.engine import tick
from storage.ticker import ticker_turn

log = logging.getLogger(__name__)
# At second 0 of every minute (tests of whole processes tick more often).
TICK_AT = {"second": "0"}


def run_tick(ctx: Context, engine: Engine) -> None:
    with ticker_turn(engine) as mine:
        if not mine:
            log.info("tick skipped: another process is ticking")
            return
        for report in tick(ctx, ctx.clock.now(), tick_jobs()):
            if report.failures:
                log.warning("tick %s", report.line())
            elif report.waiting:
                log.warning("tick %s (Slack's rate limit: sent at the next tick)", report.line())
            elif report.counts and any(report.counts.values()):
                log.info("tick %s", report.line())


def start_scheduler(ctx: Context, engine: Engine) -> BackgroundScheduler:
    scheduler = BackgroundScheduler(timezone="UTC")
    # In memory only: no persistent job store, nothing to migrate or to get out of sync.
    scheduler.add_job(
        run_tick,
        CronTrigger(**TICK_AT),
        args=[ctx, engine],
        id="tick",
        coalesce=True,
        max_instances=1,
        misfire_grace_time=50,
    )
    scheduler.start()
    return scheduler

"""Forgets processed event ids once Slack can no longer retry them (its last retry is at +5 min)."""

from __future__ import annotations

from datetime import datetime, timedelta

from domain.scheduling import Report
from handlers.context import Context

EVENT_MEMORY = timedelta(days=1)


class Housekeeping:
    kind = "housekeeping"

    def run(self, ctx: Context, now: datetime) -> Report:
        report = Report(self.kind)
        with ctx.uow() as uow:
            report.add("event ids forgotten", uow.events.forget_before(now - EVENT_MEMORY))
            uow.commit()
        return report


HOUSEKEEPING = Housekeeping()

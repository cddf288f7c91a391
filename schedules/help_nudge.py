"""Help requests still active a week after they were asked: their asker is prompted, once, to resolve
them, ask again or close them (scheduled sends of kind `help_nudge`)."""

from __future__ import annotations

from datetime import datetime

from domain.peer_help.due import NUDGE, plan_nudges
from domain.ports import Context
from domain.scheduling import PlannedOccurrence, Report
from handlers.blocks.peer_help.messages import nudge_message
from schedules.delivery import deliver_due

kind = NUDGE


def render(item: PlannedOccurrence, recipient: str) -> dict:
    return nudge_message(item.data["view"])


def run(ctx: Context, now: datetime) -> Report:
    with ctx.uow() as uow:
        planned = plan_nudges(uow, now)
    return deliver_due(ctx, now, kind, planned, render)

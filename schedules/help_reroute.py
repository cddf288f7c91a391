"""Help requests nobody offered on after the cohort's delay: sent once to the next best people, and their
asker told to whom (scheduled sends of kind `help_reroute`)."""

from __future__ import annotations

from datetime import datetime

from domain.peer_help.due import REROUTE, plan_reroutes
from domain.ports import Context
from domain.scheduling import PlannedOccurrence, Report
from handlers.blocks.peer_help.messages import rerouted_to_asker, routed_message
from schedules.delivery import deliver_due

kind = REROUTE


def render(item: PlannedOccurrence, recipient: str) -> dict:
    view = item.data["view"]
    if recipient == view.request.asker:
        return rerouted_to_asker(view, item.data["helpers"])
    return routed_message(view)


def run(ctx: Context, now: datetime) -> Report:
    with ctx.uow() as uow:
        planned = plan_reroutes(uow, now)
    return deliver_due(ctx, now, kind, planned, render)

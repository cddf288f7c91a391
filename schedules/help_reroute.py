"""Help requests nobody offered on after the cohort's delay: sent once to the next best people, and their
asker told to whom (scheduled sends of kind `help_reroute`)."""

from __future__ import annotations

from domain.peer_help.due import REROUTE, HelpReroute, plan_reroutes
from domain.scheduling import PlannedOccurrence
from handlers.blocks.peer_help.messages import rerouted_to_asker, routed_message
from schedules.delivery import DeliveryJob, Send


def render(item: PlannedOccurrence[HelpReroute], recipient: str) -> dict:
    reroute = item.payload
    if recipient == reroute.view.request.asker:
        return rerouted_to_asker(reroute.view, reroute.helpers)
    return routed_message(reroute.view)


HELP_REROUTE = DeliveryJob(
    REROUTE, lambda ctx, uow, now: {REROUTE: plan_reroutes(uow, now)}, {REROUTE: Send(render)}
)

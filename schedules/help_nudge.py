"""Help requests still active a week after they were asked: their asker is prompted, once, to resolve
them, ask again or close them (scheduled sends of kind `help_nudge`)."""

from __future__ import annotations

from domain.peer_help.due import NUDGE, HelpNudge, plan_nudges
from domain.scheduling import PlannedOccurrence
from handlers.blocks.peer_help.messages import nudge_message
from schedules.delivery import DeliveryJob, Send


def render(item: PlannedOccurrence[HelpNudge], recipient: str) -> dict:
    return nudge_message(item.payload.view)


HELP_NUDGE = DeliveryJob(
    NUDGE, lambda ctx, uow, now, guard: {NUDGE: plan_nudges(uow, now, guard)}, {NUDGE: Send(render)}
)

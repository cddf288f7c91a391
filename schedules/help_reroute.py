"""Help requests nobody offered on after the cohort's delay: sent once to the next best people, and their
asker told to whom (scheduled sends of kind `help_reroute`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from domain.peer_help.due import REROUTE, HelpReroute, plan_reroutes
from domain.peer_help.routing import AwaySource
from domain.ports import UnitOfWork
from domain.scheduling import CohortGuard, PlannedOccurrence
from handlers.blocks.peer_help.messages import rerouted_to_asker, routed_message
from handlers.context import Context
from schedules.delivery import DeliveryJob, Send


def render(item: PlannedOccurrence[HelpReroute], recipient: str) -> dict:
    reroute = item.payload
    if recipient == reroute.view.request.asker:
        return rerouted_to_asker(reroute.view, reroute.helpers)
    return routed_message(reroute.view)


@dataclass(frozen=True)
class PlanReroutes:
    """Plans the re-routing, leaving out whoever the features' absences say is `away`."""

    away: tuple[AwaySource, ...]

    def __call__(
        self, ctx: Context, uow: UnitOfWork, now: datetime, guard: CohortGuard
    ) -> dict[str, list[PlannedOccurrence[HelpReroute]]]:
        return {REROUTE: plan_reroutes(uow, now, self.away, guard)}


def reroute_job(away: Iterable[AwaySource]) -> DeliveryJob:
    return DeliveryJob(REROUTE, PlanReroutes(tuple(away)), {REROUTE: Send(render)})

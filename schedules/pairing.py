"""Pairing rounds, every minute: form the round's groups, open their group DMs, then send the
introductions and follow-ups that are due, each once, through the scheduling core.

The groups are matched by networkx's maximum-weight matching (`max_weight_pairs`), handed to the
domain, which holds no graph library. Group DMs are opened at the pace of Slack's Tier 3
(`conversations.open`); a round whose DMs Slack could not open yet waits for the next tick.
"""

from __future__ import annotations

import logging
from collections.abc import Hashable, Iterable, Sequence
from datetime import datetime

import networkx as nx
from slack_sdk.errors import SlackApiError

from domain.pairing.due import FOLLOW_UP, INTRO, PairingMessage, due_work, form_rounds
from domain.pairing.model import Pair
from domain.pairing.planning import Edge
from domain.peer_help.routing import AwaySource
from domain.scheduling import PlannedOccurrence, Report
from handlers.blocks.pairing.messages import follow_up, introduction
from handlers.blocks.slack_errors import error_code
from handlers.context import Context
from schedules.delivery import Send, deliver_kinds
from schedules.guard import TOKEN_ERRORS, planning_guard
from schedules.pacing import paced

log = logging.getLogger(__name__)

# Slack answered and will not open this group DM (an account gone, a guest): its group gets none.
REFUSED = {"user_disabled", "user_not_found", "cannot_dm_bot", "user_is_restricted"}
# The pacer's key for opening conversations: one a second keeps within Tier 3.
OPENING = "conversations.open"


def max_weight_pairs(edges: Sequence[Edge]) -> set[tuple[Hashable, Hashable]]:
    """The maximum-weight matching among those of maximum size (integer weights: exact)."""
    graph = nx.Graph()
    graph.add_weighted_edges_from(edges)
    return nx.max_weight_matching(graph, maxcardinality=True)


def _intro(planned: PlannedOccurrence[PairingMessage], recipient: str) -> dict:
    return introduction(planned.payload.cohort, planned.payload.cards[recipient])


def _follow_up(planned: PlannedOccurrence[PairingMessage], recipient: str) -> dict:
    return follow_up(planned.payload.cohort, planned.payload.pairs[recipient])


SENDS = {INTRO: Send(_intro, "introductions"), FOLLOW_UP: Send(_follow_up, "follow-ups")}


def _open(ctx: Context, pair: Pair, report: Report) -> bool:
    """Opens the group's DM; False when Slack may open it later (the round waits)."""
    try:
        with paced(ctx.pacer, OPENING):
            opened = ctx.slack.conversations_open(users=",".join(pair.members))
    except SlackApiError as error:
        if error_code(error) in TOKEN_ERRORS:
            raise  # the token itself: the tick stops, as for every post
        if error_code(error) in REFUSED:
            log.warning("pairing group %s: no group DM (%s)", pair.id, error_code(error))
            report.add("groups unreachable")
            return True
        log.warning("pairing group %s: group DM not opened yet (%s)", pair.id, error_code(error))
        return False
    except OSError as error:
        log.warning("pairing group %s: group DM not opened yet (%s)", pair.id, error)
        return False
    with ctx.uow() as uow:
        uow.pairings.set_channel(pair.id, str(opened["channel"]["id"]))
        uow.commit()
    return True


class PairingJob:
    """Forms, opens, then delivers; `away` says who is away on a round's day."""

    kind = "pairing"

    def __init__(self, away: Iterable[AwaySource]):
        self.away = tuple(away)

    def run(self, ctx: Context, now: datetime) -> Report:
        report = Report(self.kind)
        guard = planning_guard(report)  # one cohort's failure leaves the others' rounds going
        with ctx.uow() as uow:
            waiting, held = form_rounds(uow, now, ctx.holidays, self.away, max_weight_pairs, guard)
            uow.commit()
        for pair in waiting:
            if (pair.cohort_id, pair.round) not in held and not _open(ctx, pair, report):
                held.add((pair.cohort_id, pair.round))
        with ctx.uow() as uow:
            due = due_work(uow, now, ctx.holidays, held, guard)
        return deliver_kinds(ctx, now, report, due, SENDS)

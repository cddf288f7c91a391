"""Who, among people just added, is not in the cohort's channel: the admin is told so in the reply."""

from __future__ import annotations

from domain.cohorts.membership import MembersAdded
from handlers.blocks.cohorts.replies import added
from handlers.cohorts.directory import SlackDirectory
from handlers.context import Context


def added_reply(ctx: Context, result: MembersAdded) -> dict:
    """The reply to an addition, naming who is not in the cohort's channel yet."""
    newcomers = (*result.added, *result.moved)
    return added(result, SlackDirectory(ctx.slack).not_in_channel(result.cohort.channel_id, newcomers))

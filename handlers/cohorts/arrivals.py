"""Who, among people just added, is not in the cohort's channel: the admin is told so in the reply."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from slack_sdk.errors import SlackApiError

from domain.cohorts.membership import MembersAdded
from handlers.blocks.cohorts.replies import added
from handlers.blocks.slack_errors import CHANNEL_REFUSED, error_code
from handlers.context import Context

log = logging.getLogger(__name__)


def not_in_channel(ctx: Context, channel_id: str, user_ids: Iterable[str]) -> tuple[str, ...]:
    """Those of `user_ids` who are not members of the channel; none when the bot cannot see it."""
    wanted = tuple(dict.fromkeys(user_ids))
    if not wanted:
        return ()
    members: set[str] = set()
    cursor = None
    try:
        while True:
            page = ctx.slack.conversations_members(channel=channel_id, limit=1000, cursor=cursor)
            members.update(page.get("members") or [])
            cursor = (page.get("response_metadata") or {}).get("next_cursor")
            if not cursor:
                break
    except SlackApiError as error:
        if error_code(error) not in CHANNEL_REFUSED:
            raise
        log.info("cannot list the members of %s: %s", channel_id, error_code(error))
        return ()
    return tuple(user_id for user_id in wanted if user_id not in members)


def added_reply(ctx: Context, result: MembersAdded) -> dict:
    """The reply to an addition, naming who is not in the cohort's channel yet."""
    newcomers = (*result.added, *result.moved)
    return added(result, not_in_channel(ctx, result.cohort.channel_id, newcomers))

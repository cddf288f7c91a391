"""After an erasure: the bot's Slack messages that showed the person's text now say "(removed)"."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from slack_sdk.errors import SlackApiError

from domain.privacy.records import PostedMessage
from handlers.blocks.privacy.replies import removed_message
from handlers.blocks.slack_errors import error_code
from handlers.context import Context

log = logging.getLogger(__name__)

# The message is gone, too old, or in a channel the bot left: there is nothing left to blank.
GONE = frozenset(
    {"message_not_found", "cant_update_message", "channel_not_found", "not_in_channel", "is_archived"}
)


def blank_messages(ctx: Context, messages: Iterable[PostedMessage], lang: str) -> int:
    """How many messages now say "(removed)"; those Slack no longer lets the bot edit are skipped."""
    blanked = 0
    for posted in messages:
        try:
            ctx.slack.chat_update(channel=posted.channel, ts=posted.ts, **removed_message(lang))
        except SlackApiError as error:
            if error_code(error) not in GONE:
                raise
            log.info("message %s in %s left as it is: %s", posted.ts, posted.channel, error_code(error))
            continue
        blanked += 1
    return blanked

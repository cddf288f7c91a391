"""Direct messages, sent one way by every feature: to the person's user id (Slack opens the DM).

A person Slack will not let the bot write to (deactivated, messages tab off) is logged and
skipped, never an error for the others; any other refusal reaches the app's error handler.
The DM's `D…` id Slack answers is kept, because a file can only be shared to a conversation id.
"""

from __future__ import annotations

import logging

from slack_sdk.errors import SlackApiError

from handlers.blocks.slack_errors import UNREACHABLE, error_code
from handlers.context import Context

log = logging.getLogger(__name__)


def send_dm(ctx: Context, user_id: str, message: dict) -> str | None:
    """Posts `message` to the person's DM: the DM's channel id, or None when they cannot be reached."""
    try:
        answer = ctx.slack.chat_postMessage(channel=user_id, **message)
    except SlackApiError as error:
        if error_code(error) not in UNREACHABLE:
            raise
        log.warning("could not send a direct message to %s: %s", user_id, error_code(error))
        return None
    channel = str(answer["channel"])
    if channel.startswith("D"):
        with ctx.uow() as uow:
            uow.schedule.remember_direct_channel(user_id, channel)
            uow.commit()
    return channel

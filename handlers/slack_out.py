"""Direct messages, sent one way by every feature: to the person's user id (Slack opens the DM).

A person Slack will not let the bot write to (deactivated, messages tab off) is logged and
skipped, never an error for the others; any other refusal reaches the app's error handler.
The DM's `D…` id Slack answers is kept, because a file can only be shared to a conversation id.

Posts people's actions make in a channel (a stand-up answer, a help request, a training) must
exist once: `post_once` tags each with a key in its metadata, and when Slack's answer is lost
(5xx, dropped connection) looks for it in the conversation before saying it failed.
"""

from __future__ import annotations

import logging
from typing import Any

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


POST_EVENT = "cohortbot_post"
# Slack's answer was lost: the post may or may not exist.
UNKNOWN_OUTCOME = {"internal_error", "fatal_error", "service_unavailable", "request_timeout"}
HISTORY_DEPTH = 100
NO_ANSWER = "no_answer"


class PostUnknown(Exception):
    """Slack did not say whether it took the post, and it is not in the conversation (yet)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def post_once(
    ctx: Context, key: str, channel: str, message: dict[str, Any], thread_ts: str | None = None
) -> tuple[str, str]:
    """Posts `message` tagged with `key`: Slack's (channel, ts). Raises SlackApiError when Slack
    refused it, PostUnknown when its answer was lost and the post cannot be found."""
    metadata = {"event_type": POST_EVENT, "event_payload": {"key": key}}
    try:
        posted = ctx.slack.chat_postMessage(
            channel=channel, thread_ts=thread_ts, metadata=metadata, **message
        )
        return str(posted["channel"]), str(posted["ts"])
    except SlackApiError as error:
        status = getattr(error.response, "status_code", 200)
        if status < 500 and error_code(error) not in UNKNOWN_OUTCOME:
            raise
        code = error_code(error)
    except OSError:
        code = NO_ANSWER
    log.warning("post %s in %s: Slack's answer was lost (%s); looking for it", key, channel, code)
    found = find_post(ctx, key, channel, thread_ts)
    if found is None:
        raise PostUnknown(code)
    return found


def find_post(ctx: Context, key: str, channel: str, thread_ts: str | None = None) -> tuple[str, str] | None:
    """(channel, ts) of the post tagged with `key`, if Slack has it; None when it cannot tell."""
    try:
        if thread_ts:
            found = ctx.slack.conversations_replies(
                channel=channel, ts=thread_ts, limit=HISTORY_DEPTH, include_all_metadata=True
            )
        else:
            found = ctx.slack.conversations_history(
                channel=channel, limit=HISTORY_DEPTH, include_all_metadata=True
            )
    except (SlackApiError, OSError) as error:
        log.warning("post %s: cannot look in %s (%s)", key, channel, error)
        return None
    for message in found.get("messages") or []:
        metadata = message.get("metadata") or {}
        if (
            metadata.get("event_type") == POST_EVENT
            and (metadata.get("event_payload") or {}).get("key") == key
        ):
            return channel, str(message["ts"])
    return None

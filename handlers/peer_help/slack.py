"""Peer help out to Slack: the channel message (posted once, then updated in place) and routing by DM."""

from __future__ import annotations

from dataclasses import replace

from slack_sdk.errors import SlackApiError

from domain.cohorts.records import Actor
from domain.peer_help.lifecycle import Asked, HelpView, not_posted
from handlers.blocks.peer_help import messages as help_messages
from handlers.blocks.slack_errors import CHANNEL_REFUSED, error_code
from handlers.context import Context
from handlers.slack_out import PostUnknown, post_once, send_dm


def update_request(ctx: Context, view: HelpView) -> None:
    """The request's one channel message, redrawn where it was posted (never posted again)."""
    if view.request.channel_id and view.request.ts:
        ctx.slack.chat_update(
            channel=view.request.channel_id, ts=view.request.ts, **help_messages.request_message(view)
        )


def post_request(ctx: Context, actor: Actor, asked: Asked) -> bool:
    """Posts the request in its channel and keeps where; when the channel refuses it, the request is
    closed and the asker told why. Any other failure closes it too and reaches the error handler."""
    view = asked.view
    try:
        channel, ts = post_once(
            ctx, f"help:{view.request.id}", view.channel_id, help_messages.request_message(view)
        )
    except (SlackApiError, PostUnknown) as error:
        with ctx.uow() as uow:
            not_posted(uow, view.request.id, actor.now)
            uow.commit()
        if not isinstance(error, SlackApiError) or error_code(error) not in CHANNEL_REFUSED:
            raise
        send_dm(ctx, actor.user_id, help_messages.not_posted(view.channel_id, view.cohort.lang))
        return False
    with ctx.uow() as uow:
        uow.help.set_message(view.request.id, channel, ts)
        uow.commit()
    return True


def route_request(ctx: Context, asked: Asked) -> Asked:
    """Sends the request to the people picked; the asker is then told who was actually reached."""
    routed = help_messages.routed_message(asked.view)
    reached = tuple(user_id for user_id in asked.routed if send_dm(ctx, user_id, routed) is not None)
    if asked.replaced is not None:
        update_request(ctx, asked.replaced)
    return replace(asked, routed=reached)

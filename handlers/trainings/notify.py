"""What the training listeners send once a change is saved: the channel announcement, direct
messages, and calendar invitations uploaded with the Files API.

Direct messages go to the user id (Slack opens the DM); the DM's `D…` id that Slack answers is
kept, because a file can only be shared to a conversation id.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import datetime

from slack_sdk.errors import SlackApiError

from domain.ports import Context
from domain.trainings.access import SessionView
from domain.trainings.feedback import FeedbackSummary
from domain.trainings.model import SessionStatus
from handlers.blocks.trainings.invite import filename, invitation
from handlers.blocks.trainings.messages import announcement, reply
from handlers.blocks.trainings.notices import feedback_summary

log = logging.getLogger(__name__)

# The announcement cannot be posted, for a reason an admin can fix: said to the proposer.
CHANNEL_PROBLEMS = {"not_in_channel", "channel_not_found", "is_archived"}
# A person who cannot be written to: the others are still told, and the actor hears who was not.
UNREACHABLE = {
    "channel_not_found",
    "user_not_found",
    "user_disabled",
    "cannot_dm_bot",
    "messages_tab_disabled",
    "is_archived",
}


def _code(error: SlackApiError) -> str:
    return str(error.response.get("error", ""))


def direct_message(ctx: Context, user_id: str, message: dict) -> str:
    """Posts to the person's DM; returns the DM's channel id, remembered for later uploads."""
    answer = ctx.slack.chat_postMessage(channel=user_id, **message)
    channel = answer["channel"]
    if channel.startswith("D"):
        with ctx.uow() as uow:
            uow.schedule.remember_direct_channel(user_id, channel)
            uow.commit()
    return channel


def send_invitation(ctx: Context, view: SessionView, user_id: str, text: str, now: datetime) -> None:
    """The .ics of the session, with `text` as its message, in the person's DM."""
    with ctx.uow() as uow:
        channel = uow.schedule.direct_channel(user_id)
    comment: str | None = text
    if channel is None:
        channel, comment = direct_message(ctx, user_id, reply(text)), None
    ctx.slack.files_upload_v2(
        channel=channel,
        filename=filename(view.session),
        title=view.session.title,
        content=invitation(view.session, view.cohort.timezone, now),
        initial_comment=comment,
    )


def tell(ctx: Context, user_ids: Iterable[str], send: Callable[[str], None]) -> tuple[str, ...]:
    """Sends to each person in turn; those Slack refuses are logged and returned, the rest still told."""
    unreached = []
    for user_id in dict.fromkeys(user_ids):
        try:
            send(user_id)
        except SlackApiError as error:
            if _code(error) not in UNREACHABLE:
                raise
            log.warning("training notice to %s refused: %s", user_id, _code(error))
            unreached.append(user_id)
    return tuple(unreached)


def show_announcement(ctx: Context, view: SessionView) -> bool:
    """Posts the announcement, or redraws it; False when the channel refuses the bot."""
    session = view.session
    message = announcement(view, view.cohort.lang)
    if session.announce_ts and session.announce_channel:
        ctx.slack.chat_update(channel=session.announce_channel, ts=session.announce_ts, **message)
        return True
    if session.status is not SessionStatus.ANNOUNCED:
        return True
    try:
        answer = ctx.slack.chat_postMessage(channel=view.cohort.channel_id, **message)
    except SlackApiError as error:
        if _code(error) not in CHANNEL_PROBLEMS:
            raise
        log.warning("training %s: cannot post in %s (%s)", session.id, view.cohort.channel_id, _code(error))
        return False
    with ctx.uow() as uow:
        uow.trainings.set_announcement(session.id, answer["channel"], answer["ts"])
        uow.commit()
    return True


def show_feedback_summary(ctx: Context, summary: FeedbackSummary, lang: str) -> None:
    """The facilitator's summary: one direct message, redrawn as answers come in."""
    session = summary.view.session
    message = feedback_summary(summary, lang)
    if session.summary_channel and session.summary_ts:
        ctx.slack.chat_update(channel=session.summary_channel, ts=session.summary_ts, **message)
        return
    answer = ctx.slack.chat_postMessage(channel=session.facilitator, **message)
    with ctx.uow() as uow:
        uow.trainings.set_summary_message(session.id, answer["channel"], answer["ts"])
        if answer["channel"].startswith("D"):
            uow.schedule.remember_direct_channel(session.facilitator, answer["channel"])
        uow.commit()

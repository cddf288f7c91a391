"""What the training listeners send once a change is saved: the channel announcement, direct
messages, and calendar invitations uploaded with the Files API to the DM the bot keeps."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import datetime

from slack_sdk.errors import SlackApiError

from domain.trainings.access import SessionView
from domain.trainings.model import SessionStatus
from handlers.blocks.slack_errors import CHANNEL_REFUSED, UNREACHABLE, error_code
from handlers.blocks.trainings.invite import filename, invitation
from handlers.blocks.trainings.messages import announcement, reply
from handlers.context import Context
from handlers.slack_out import PostUnknown, post_once, send_dm

log = logging.getLogger(__name__)


def send_invitation(ctx: Context, view: SessionView, user_id: str, text: str, now: datetime) -> bool:
    """The .ics of the session, with `text` as its message, in the person's DM; False when they
    cannot be reached."""
    with ctx.uow() as uow:
        channel = uow.schedule.direct_channel(user_id)
    comment: str | None = text
    if channel is None:
        channel, comment = send_dm(ctx, user_id, reply(text)), None
        if channel is None:
            return False
    try:
        ctx.slack.files_upload_v2(
            channel=channel,
            filename=filename(view.session),
            title=view.session.title,
            content=invitation(view.session, view.cohort.timezone, now),
            initial_comment=comment,
        )
    except SlackApiError as error:
        if error_code(error) not in UNREACHABLE:
            raise
        log.warning("training invitation to %s refused: %s", user_id, error_code(error))
        return False
    return True


def tell(user_ids: Iterable[str], send: Callable[[str], bool]) -> tuple[str, ...]:
    """Sends to each person in turn: those Slack would not let the bot reach, the rest still told."""
    return tuple(user_id for user_id in dict.fromkeys(user_ids) if not send(user_id))


def show_announcement(ctx: Context, view: SessionView) -> bool:
    """Posts the announcement, or redraws it; False when the channel refuses the bot."""
    session = view.session
    message = announcement(view, view.cohort.lang)
    if session.announce_ts and session.announce_channel:
        ctx.slack.chat_update(channel=session.announce_channel, ts=session.announce_ts, **message)
        return True
    if session.status is not SessionStatus.ANNOUNCED:
        return True
    key = f"training:{session.id}"
    try:
        channel, ts = post_once(ctx, key, view.cohort.channel_id, message)
    except SlackApiError as error:
        if error_code(error) not in CHANNEL_REFUSED:
            raise
        log.warning(
            "training %s: cannot post in %s (%s)", session.id, view.cohort.channel_id, error_code(error)
        )
        return False
    except PostUnknown:
        # Saved; Slack may or may not show it yet. The next redraw looks for it before posting.
        log.warning("training %s: its announcement in %s is unconfirmed", session.id, view.cohort.channel_id)
        return True
    with ctx.uow() as uow:
        uow.trainings.set_announcement(session.id, channel, ts)
        uow.commit()
    return True

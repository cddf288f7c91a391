"""After an erasure: each facilitator's feedback summary that held the person's comment is drawn
again from what is kept (their rating, under a pseudonym, and no comment), the others' left whole."""

from __future__ import annotations

import logging

from slack_sdk.errors import SlackApiError

from domain.calendar import local_date
from domain.ports import UnitOfWork
from domain.trainings.access import session_view
from domain.trainings.due import FEEDBACK_SUMMARY, feedback_closes_at, subject
from domain.trainings.feedback import summarize
from handlers.blocks.slack_errors import error_code
from handlers.blocks.trainings.notices import feedback_summary
from handlers.context import Context
from handlers.privacy.erasure import GONE

log = logging.getLogger(__name__)


def redraw_feedback_summaries(ctx: Context, uow: UnitOfWork, pseudonym: str) -> int:
    """How many summaries were drawn again; `pseudonym` is the erased person's in the figures."""
    redrawn = 0
    for session_id in sorted({f.session_id for f in uow.trainings.feedback_by(pseudonym)}):
        session = uow.trainings.get(session_id)
        if session is None:
            continue
        view = session_view(uow, session)
        day = local_date(feedback_closes_at(session), view.cohort.timezone)
        occurrence = uow.schedule.known(FEEDBACK_SUMMARY, [day]).get((subject(session_id), day))
        if occurrence is None:  # feedback still open: the summary, when it goes, is drawn from what is kept
            continue
        message = feedback_summary(summarize(view, uow.trainings.feedback([session_id])), view.cohort.lang)
        for delivery in uow.schedule.deliveries(occurrence.id):
            if not (delivery.channel and delivery.ts):
                continue
            try:
                ctx.slack.chat_update(channel=delivery.channel, ts=delivery.ts, **message)
            except SlackApiError as error:
                if error_code(error) not in GONE:
                    raise
                log.info(
                    "summary %s in %s left as it is: %s", delivery.ts, delivery.channel, error_code(error)
                )
                continue
            redrawn += 1
    return redrawn

"""The direct message telling admins that some of today's scheduled work failed."""

from __future__ import annotations

from domain.failure_notices import FailureNotice
from domain.messages import N_
from handlers.blocks.kit import escape, message, section
from handlers.i18n import gettext

COHORT_FAILED = N_(
    "Some of today's scheduled messages of *{cohort}* could not be sent ({kinds}); the other cohorts' "
    "went out. The bot's log names the error under cohort {id}. I tell you at most once a day."
)
PROGRAM_FAILED = N_(
    "Some of today's scheduled work could not be done ({kinds}). The bot's log names the error. "
    "I tell you at most once a day."
)


def failure_notice(notice: FailureNotice) -> dict:
    kinds = ", ".join(f"`{kind}`" for kind in notice.kinds)
    if notice.cohort is None:
        text = gettext(PROGRAM_FAILED, notice.lang, kinds=kinds)
    else:
        text = gettext(
            COHORT_FAILED, notice.lang, cohort=escape(notice.cohort.name), kinds=kinds, id=notice.cohort.id
        )
    return message(text, [section(text)])

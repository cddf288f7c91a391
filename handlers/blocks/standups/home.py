"""The stand-up's section of the Home tab: today's stand-up in each cohort, with its Answer button."""

from __future__ import annotations

from domain.messages import N_
from domain.standups.home import StandupState, StandupToday
from handlers import ids
from handlers.blocks.home.messages import with_button
from handlers.blocks.kit import Block, button, escape, header, section
from handlers.blocks.standups.form import standup_value
from handlers.blocks.standups.messages import ANSWER_BUTTON
from handlers.i18n import format_date, gettext

STANDUP_TITLE = N_("Today's stand-up")
STANDUP_TO_ANSWER = N_("*{cohort}* · the stand-up of {day} waits for your answer.")
STANDUP_ANSWERED = N_("*{cohort}* · answered, thank you.")
STANDUP_SKIPPED = N_("*{cohort}* · skipped today.")
STANDUP_NONE_OPEN = N_("*{cohort}* · no stand-up open right now.")


def _standup(standup: StandupToday, lang: str) -> Block:
    cohort = escape(standup.cohort.name)
    if standup.state is StandupState.TO_ANSWER and standup.day is not None:
        text = gettext(STANDUP_TO_ANSWER, lang, cohort=cohort, day=format_date(standup.day, lang, "full"))
        return with_button(
            text,
            button(
                gettext(ANSWER_BUTTON, lang),
                ids.STANDUP_OPEN,
                standup_value(standup.cohort.id, standup.day),
                "primary",
            ),
        )
    texts = {StandupState.ANSWERED: STANDUP_ANSWERED, StandupState.SKIPPED: STANDUP_SKIPPED}
    return section(gettext(texts.get(standup.state, STANDUP_NONE_OPEN), lang, cohort=cohort))


def standups_section(standups: tuple[StandupToday, ...], lang: str) -> list[Block]:
    return [header(gettext(STANDUP_TITLE, lang)), *(_standup(s, lang) for s in standups)]

"""The privacy section of the Home tab: where to read the notice and get one's data, and how long
each cohort keeps the text."""

from __future__ import annotations

from domain.messages import N_
from domain.privacy.home import CohortRetention
from handlers.blocks.kit import Block, context, escape, header, section
from handlers.blocks.privacy.notice import retention_months, short_notice
from handlers.i18n import gettext

TITLE = N_("Your data")
KEPT = N_("*{cohort}* · your free text is deleted {text} after the cohort ends, the figures after {figures}.")
COPY = N_("Your copy of everything the bot keeps about you: /cohort mydata.")


def privacy_section(cohorts: tuple[CohortRetention, ...], lang: str) -> list[Block]:
    lines = [
        gettext(
            KEPT,
            lang,
            cohort=escape(c.cohort.name),
            **retention_months(c.retention.text_months, c.retention.figures_months, lang),
        )
        for c in cohorts
    ]
    return [
        header(gettext(TITLE, lang)),
        section("\n".join(lines)),
        context(short_notice(lang), gettext(COPY, lang)),
    ]

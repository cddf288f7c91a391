"""The check-ins' sections of the Home tab: a mentor's check-ins, a fellow's sharing choice."""

from __future__ import annotations

from domain.checkins.home import CheckinWaiting, CohortCheckins
from domain.checkins.model import Share
from domain.messages import N_
from handlers import ids
from handlers.blocks.checkins.messages import OPEN_BUTTON as CHECKIN_BUTTON
from handlers.blocks.checkins.replies import SHARE_FIGURES, SHARE_TEXT
from handlers.blocks.home.messages import actions, with_button
from handlers.blocks.kit import Block, button, escape, header, section
from handlers.blocks.times import next_run
from handlers.i18n import gettext

SHARE_TITLE = N_("What the digests show of your stand-up")
SHARE_FIGURES_BUTTON = N_("Figures only")
SHARE_TEXT_BUTTON = N_("Figures and text")
CHECKINS_TITLE = N_("Your mentor check-ins")
CHECKIN_WAITING = N_("*{cohort}* · a check-in waits for your answer.")
CHECKIN_DONE = N_("*{cohort}* · no check-in waiting.")


def share_section(share: Share, lang: str) -> list[Block]:
    chosen = SHARE_TEXT if share is Share.TEXT else SHARE_FIGURES
    figures = button(
        gettext(SHARE_FIGURES_BUTTON, lang),
        ids.HOME_SHARE_FIGURES,
        Share.FIGURES.value,
        "primary" if share is Share.FIGURES else None,
    )
    text = button(
        gettext(SHARE_TEXT_BUTTON, lang),
        ids.HOME_SHARE_TEXT,
        Share.TEXT.value,
        "primary" if share is Share.TEXT else None,
    )
    return [header(gettext(SHARE_TITLE, lang)), section(gettext(chosen, lang)), actions(figures, text)]


CHECKINS_RUN_TITLE = N_("Mentor check-ins in the cohorts you run")
CHECKINS_RUN_COHORT = N_("*{cohort}*")
CHECKINS_DUE = N_("Waiting for: {mentors}")
CHECKINS_MISSED = N_("Missed lately: {mentors}")
CHECKINS_NONE = N_("No check-in waiting or missed.")
CHECKINS_NEXT = N_("Next round: {when}")


def run_checkins_section(cohorts: tuple[CohortCheckins, ...], lang: str) -> list[Block]:
    blocks: list[Block] = [header(gettext(CHECKINS_RUN_TITLE, lang))]
    for found in cohorts:
        lines = [gettext(CHECKINS_RUN_COHORT, lang, cohort=escape(found.cohort.name))]
        if found.due:
            lines.append(gettext(CHECKINS_DUE, lang, mentors=", ".join(escape(m) for m in found.due)))
        if found.missed:
            lines.append(gettext(CHECKINS_MISSED, lang, mentors=", ".join(escape(m) for m in found.missed)))
        if not found.due and not found.missed:
            lines.append(gettext(CHECKINS_NONE, lang))
        if found.next_round is not None:
            when = next_run(found.next_round, found.cohort.timezone, lang)
            lines.append(gettext(CHECKINS_NEXT, lang, when=when))
        blocks.append(section("\n".join(lines)))
    return blocks


def checkins_section(checkins: tuple[CheckinWaiting, ...], lang: str) -> list[Block]:
    blocks: list[Block] = [header(gettext(CHECKINS_TITLE, lang))]
    for checkin in checkins:
        cohort = escape(checkin.cohort.name)
        if checkin.waiting:
            blocks.append(
                with_button(
                    gettext(CHECKIN_WAITING, lang, cohort=cohort),
                    button(
                        gettext(CHECKIN_BUTTON, lang), ids.CHECKIN_OPEN, str(checkin.cohort.id), "primary"
                    ),
                )
            )
        else:
            blocks.append(section(gettext(CHECKIN_DONE, lang, cohort=cohort)))
    return blocks

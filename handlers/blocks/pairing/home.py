"""How the pairing's section of the Home tab is drawn: the current group in each cohort, and the pause."""

from __future__ import annotations

from domain.cohorts.rules import user_ref
from domain.pairing.home import PairingHome
from domain.pairing.model import Outcome
from handlers.blocks.kit import Block, escape, header, section
from handlers.i18n import N_, format_date, gettext

TITLE = N_("Your pairing")
CURRENT = N_("*{cohort}* · round of {day}: with {people}")
CURRENT_MET = N_("*{cohort}* · round of {day}: with {people} (you met)")
CURRENT_SKIPPED = N_("*{cohort}* · round of {day}: with {people} (not this time)")
NOT_YET = N_("*{cohort}* · no pairing round for you yet.")
TAKING_PART = N_("You take part in the rounds. /pairing pause to take a break.")
PAUSED = N_("Paused: no rounds for you until /pairing resume.")
PAUSED_UNTIL = N_("Paused until {day}. /pairing resume to come back sooner.")
LEFT = N_("You have left the pairing. /pairing resume to come back.")
LINES = {None: CURRENT, Outcome.MET: CURRENT_MET, Outcome.SKIPPED: CURRENT_SKIPPED}


def pairing_section(home: PairingHome, lang: str) -> list[Block]:
    lines = []
    for current in home.current:
        cohort = escape(current.cohort.name)
        pair = current.pair
        if pair is None:
            lines.append(gettext(NOT_YET, lang, cohort=cohort))
            continue
        people = ", ".join(user_ref(p) for p in pair.others(home.user_id))
        day = format_date(pair.round, lang)
        lines.append(gettext(LINES[pair.outcome], lang, cohort=cohort, day=day, people=people))
    pause = home.pause
    if pause is None:
        lines.append(gettext(TAKING_PART, lang))
    elif pause.off:
        lines.append(gettext(LEFT, lang))
    elif pause.until is not None:
        lines.append(gettext(PAUSED_UNTIL, lang, day=format_date(pause.until, lang)))
    else:
        lines.append(gettext(PAUSED, lang))
    return [header(gettext(TITLE, lang)), section("\n".join(lines))]

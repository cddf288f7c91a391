"""The trainings' section of the Home tab: someone's sign-ups, seat or waitlist."""

from __future__ import annotations

from domain.messages import N_
from domain.trainings.model import SignupStatus
from domain.trainings.sessions import ListedSession
from handlers.blocks.kit import Block, escape, header, section
from handlers.blocks.times import for_reader
from handlers.i18n import gettext

TRAININGS_TITLE = N_("Your peer training sign-ups")
TRAINING_SEAT = N_("• *{title}* · {when}")
TRAINING_WAITLIST = N_("• *{title}* · {when} (waitlist)")


def trainings_section(sessions: tuple[ListedSession, ...], lang: str) -> list[Block]:
    lines = []
    for listed in sessions:
        session, tz = listed.session, listed.cohort.timezone
        line = TRAINING_WAITLIST if listed.my_status is SignupStatus.WAITLISTED else TRAINING_SEAT
        when = for_reader(session.starts_at, tz, lang)
        lines.append(gettext(line, lang, title=escape(session.title), when=when))
    return [header(gettext(TRAININGS_TITLE, lang)), section("\n".join(lines))]

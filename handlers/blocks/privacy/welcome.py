"""The welcome message of someone added to a cohort, and the short notice of someone removed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from domain.cohorts.model import Cohort, Role
from domain.cohorts.overview import ScheduleLine, ScheduleSource
from domain.cohorts.rules import channel_ref
from domain.messages import N_
from domain.privacy.notice import Notice
from handlers.blocks.cohorts.show import ROLE_IN_CHALLENGE, ROLE_NAMES
from handlers.blocks.kit import Block, context, divider, escape, header, message, section
from handlers.blocks.privacy.notice import notice_blocks
from handlers.i18n import gettext

Summary = Callable[[ScheduleLine, str], str]

WELCOME = N_("Welcome to the cohort {cohort}")
YOU_ARE = N_("You join {cohort} ({channel}) as {roles}.")
RITUALS = N_("*The rituals of the cohort*")
NO_RITUALS = N_("No ritual is scheduled yet: you will be told when one starts.")
COMMANDS = N_("*Your commands*")
YOUR_DATA = N_("*What is kept about you, and who sees it*")
FAREWELL = N_("You are no longer in the cohort {cohort}. Thank you for taking part.")
FAREWELL_DATA = N_(
    "What the bot keeps about you stays as its privacy notice says: /cohort privacy, /cohort mydata."
)


@dataclass(frozen=True)
class Ritual:
    source: ScheduleSource
    line: ScheduleLine
    summary: Summary | None


@dataclass(frozen=True)
class Welcome:
    cohort: Cohort
    roles: tuple[tuple[Role, str | None], ...]  # (role, challenge name)
    rituals: tuple[Ritual, ...]
    commands: tuple[tuple[str, str], ...]  # (command, "French · English")
    notice: Notice


def _roles(welcome: Welcome, lang: str) -> str:
    named = []
    for role, challenge in welcome.roles:
        text = gettext(ROLE_NAMES[role], lang)
        named.append(
            gettext(ROLE_IN_CHALLENGE, lang, role=text, challenge=escape(challenge)) if challenge else text
        )
    return ", ".join(named)


def _description(described: str, lang: str) -> str:
    """The manifest's description is "French · English": the reader's half."""
    french, _, english = described.partition(" · ")
    return english if lang == "en" and english else french


def _ritual_line(ritual: Ritual, lang: str) -> str:
    if ritual.summary is not None:
        return ritual.summary(ritual.line, lang)
    return gettext(ritual.line.summary, lang, **ritual.line.params)


def welcome_message(welcome: Welcome) -> dict:
    cohort, lang = welcome.cohort, welcome.cohort.lang
    title = gettext(WELCOME, lang, cohort=cohort.name)
    you = gettext(
        YOU_ARE,
        lang,
        cohort=escape(cohort.name),
        channel=channel_ref(cohort.channel_id),
        roles=_roles(welcome, lang),
    )
    rituals = [f"• {_ritual_line(r, lang)}" for r in welcome.rituals] or [gettext(NO_RITUALS, lang)]
    commands = [f"• `{command}` {_description(text, lang)}" for command, text in welcome.commands]
    blocks: list[Block] = [
        header(title),
        section(you),
        section("\n".join([gettext(RITUALS, lang), *rituals])),
        section("\n".join([gettext(COMMANDS, lang), *commands])),
        divider(),
        section(gettext(YOUR_DATA, lang)),
        *notice_blocks(welcome.notice),
    ]
    return message(f"{escape(title)}\n{you}", blocks)


def farewell_message(cohort: Cohort) -> dict:
    lang = cohort.lang
    text = gettext(FAREWELL, lang, cohort=escape(cohort.name))
    return message(text, [section(text), context(gettext(FAREWELL_DATA, lang))])

"""The Home tab: someone's cohorts and each feature's section, or a welcome for someone in no cohort."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from domain.home.overview import Home
from domain.messages import N_
from handlers import ids
from handlers.blocks.cohorts.show import ROLE_IN_CHALLENGE, ROLE_NAMES
from handlers.blocks.kit import Block, button, context, divider, escape, header, section
from handlers.i18n import gettext

HOME_BLOCKS_MAX = 100

WELCOME_TITLE = N_("Welcome to cohortbot")
WELCOME_BODY = N_(
    "cohortbot runs the daily life of a fellowship cohort in Slack: the fellows' stand-ups, "
    "peer help, peer trainings and the mentors' check-ins."
)
WELCOME_NOT_YET = N_("You are not in a cohort yet. A program admin adds people with /cohort add.")
YOUR_COHORTS = N_("Your cohorts")
COHORTS_RUN = N_("Cohorts you run: {cohorts}")
COHORT_FORM_BUTTON = N_("Create a cohort or add people")
COHORT_LINE = N_("*{cohort}* · {role}")

# A feature's section: what its source loaded, in the reader's language → blocks (none: left out).
Render = Callable[[Any, str], list[Block]]


def actions(*elements: dict) -> Block:
    return {"type": "actions", "elements": list(elements)}


def with_button(text: str, element: dict) -> Block:
    return section(text) | {"accessory": element}


def _memberships(home: Home) -> list[Block]:
    lines = []
    if home.runs:
        names = ", ".join(f"*{escape(c.name)}*" for c in home.runs)
        lines.append(gettext(COHORTS_RUN, home.lang, cohorts=names))
    for m in home.memberships:
        role = gettext(ROLE_NAMES[m.role], home.lang)
        if m.challenge:
            role = gettext(ROLE_IN_CHALLENGE, home.lang, role=role, challenge=escape(m.challenge))
        lines.append(gettext(COHORT_LINE, home.lang, cohort=escape(m.cohort.name), role=role))
    blocks = [header(gettext(YOUR_COHORTS, home.lang)), section("\n".join(lines))]
    if home.runs:
        form = button(gettext(COHORT_FORM_BUTTON, home.lang), ids.HOME_COHORT_FORM)
        blocks.append(actions(form))
    return blocks


def _welcome(lang: str) -> list[Block]:
    return [
        header(gettext(WELCOME_TITLE, lang)),
        section(gettext(WELCOME_BODY, lang)),
        context(gettext(WELCOME_NOT_YET, lang)),
    ]


def home_view(home: Home, renders: Mapping[str, Render]) -> dict:
    """The Home view to publish: each section drawn by its feature's `renders[key]`."""
    if not home.memberships and not home.runs:
        blocks = _welcome(home.lang)
    else:
        blocks = _memberships(home)
        for key, shown in home.sections:
            found = renders[key](shown, home.lang)
            if found:
                blocks += [divider(), *found]
    return {"type": "home", "blocks": blocks[:HOME_BLOCKS_MAX]}

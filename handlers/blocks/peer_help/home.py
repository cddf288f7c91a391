"""Peer help's section of the Home tab: how many help requests are open, and the latest ones."""

from __future__ import annotations

from domain.messages import N_
from domain.peer_help.home import CohortRequests, OpenRequests
from handlers.blocks.kit import Block, escape, header, section
from handlers.i18n import gettext, ngettext

HELP_TITLE = N_("Your help requests")
HELP_LINE = N_("• {title}")


HELP_RUN_TITLE = N_("Help requests in the cohorts you run")
HELP_RUN_NONE = N_("*{cohort}* · no open help request.")


def run_help_section(cohorts: tuple[CohortRequests, ...], lang: str) -> list[Block]:
    blocks: list[Block] = [header(gettext(HELP_RUN_TITLE, lang))]
    for found in cohorts:
        cohort = escape(found.cohort.name)
        if not found.count:
            blocks.append(section(gettext(HELP_RUN_NONE, lang, cohort=cohort)))
            continue
        lines = [
            ngettext(
                "*{cohort}* · {count} open help request:",
                "*{cohort}* · {count} open help requests:",
                found.count,
                lang,
                cohort=cohort,
            )
        ]
        lines += [gettext(HELP_LINE, lang, title=escape(r.title)) for r in found.listed]
        blocks.append(section("\n".join(lines)))
    return blocks


def help_section(requests: OpenRequests, lang: str) -> list[Block]:
    lines = [
        ngettext(
            "You have {count} open help request.",
            "You have {count} open help requests.",
            requests.count,
            lang,
        )
    ]
    lines += [gettext(HELP_LINE, lang, title=escape(r.title)) for r in requests.listed]
    return [header(gettext(HELP_TITLE, lang)), section("\n".join(lines))]

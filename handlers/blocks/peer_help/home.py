"""Peer help's section of the Home tab: how many help requests are open, and the latest ones."""

from __future__ import annotations

from domain.messages import N_
from domain.peer_help.home import OpenRequests
from handlers.blocks.kit import Block, escape, header, section
from handlers.i18n import gettext, ngettext

HELP_TITLE = N_("Your help requests")
HELP_LINE = N_("• {title}")


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
